"""From typed text to matchable terms, keeping where each word was typed.

Every word of the input becomes a :class:`Token` that remembers its exact span in the
text (for the explanation), its normalised form (case folded, accents removed, British
spelling mapped to American, everyday synonym mapped to a formal word) and its *term*:
the stem the index is keyed on, or ``""`` for a stop word. Sentences and clauses are
numbered so that a match can prefer words that were said together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.matching.lexicon import (
    ACRONYMS,
    COMPOUNDS,
    FAMILY_WORDS,
    FILLER_WORDS,
    FOOD_NAMES,
    GENERIC_VERBS,
    ISE_KEEP,
    PLAIN_ADJECTIVES,
    SPELLING,
    STOP_WORDS,
    SYNONYMS,
    TIME_WORDS,
)
from lerkit.core.matching.stem import stem

MAX_TEXT_CHARS = 100_000
FILLER_WEIGHT = 0.3
WEAK_WEIGHT = 0.25  # share of its rarity a weak term weighs (both in the index and a query)
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[+#]+(?![^\W_])|['’][^\W_]+)?")
_CLAUSE_BREAK = re.compile(r"[.!?;:\n\r•·,()\[\]{}|]")
_ISE = re.compile(r"^([a-z]{3,}?)(is|ys)(e|ed|es|ing|er|ers|ation|ations)$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the input and what the matcher makes of it."""

    text: str
    start: int
    end: int
    word: str
    term: str
    weight: float
    clause: int
    acronym: bool = False  # typed in capitals, in text that is not all capitals


def fold(text: str) -> str:
    """Case-fold and remove accents: ``Résumé`` -> ``resume``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def normalize_word(raw: str) -> str:
    """The normalised spelling of one word (no stemming)."""
    word = fold(raw).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "").replace(".", "")
    word = SPELLING.get(word, word)
    match = _ISE.match(word)
    if match and word not in ISE_KEEP:
        word = match.group(1) + match.group(2)[0] + "z" + match.group(3)
    return word


@lru_cache(maxsize=200_000)
def term_of(word: str, acronym: bool = False) -> str:
    """The index term of a normalised word: its stem, or ``""`` for a stop word."""
    if acronym:
        return word
    if not word or word in STOP_WORDS:
        return ""
    if len(word) == 1 and not word.isdigit():
        return ""
    return stem(SYNONYMS.get(word, word))


@lru_cache(maxsize=1)
def weak_terms() -> frozenset[str]:
    """Terms that carry no skill of their own (generic verbs, family, time and number
    words, plain adjectives): they weigh ``WEAK_WEIGHT`` of their rarity and never make
    a match alone."""
    words = GENERIC_VERBS | FAMILY_WORDS | TIME_WORDS | PLAIN_ADJECTIVES
    return frozenset({term_of(normalize_word(w)) for w in words} - {""})


def is_weak(term: str, pipeline: Pipeline | None = None) -> bool:
    """Whether a term carries no skill of its own (digits count as weak too)."""
    weak = weak_terms() if pipeline is None else pipeline.weak()
    return term in weak or term.isdigit()


@dataclass(frozen=True)
class Pipeline:
    """How the words of one language become index terms: ``normalize`` (a typed word ->
    its normalised form), ``term`` (a normalised word -> its stem, ``""`` for a stop
    word), its filler words, its weak terms, and ``retouch`` (changes that need the next
    word, run over the tokens of a text)."""

    language: str
    normalize: Callable[[str], str]
    term: Callable[[str, bool], str]
    fillers: frozenset[str]
    weak: Callable[[], frozenset[str]]
    retouch: Callable[[list[Token]], list[Token]] | None = None


@lru_cache(maxsize=1)
def _compounds() -> dict[tuple[str, ...], str]:
    """Each compound's words as terms -> the term of the one word it is read as."""
    return {tuple(term_of(normalize_word(w)) for w in phrase.split()): term_of(joined)
            for phrase, joined in COMPOUNDS.items()}


def join_compounds(tokens: list[Token]) -> list[Token]:
    """Tokens with each listed compound ("dry cleaners") made one token, whose text is
    the words as typed and whose span covers them all."""
    compounds = _compounds()
    longest = max(map(len, compounds), default=0)
    out: list[Token] = []
    at = 0
    while at < len(tokens):
        for size in range(min(longest, len(tokens) - at), 1, -1):
            part = tokens[at:at + size]
            joined = compounds.get(tuple(t.term for t in part))
            if joined is not None and len({t.clause for t in part}) == 1:
                first, last = part[0], part[-1]
                out.append(Token(" ".join(t.text for t in part), first.start, last.end,
                                 joined, joined, 1.0, first.clause))
                at += size
                break
        else:
            out.append(tokens[at])
            at += 1
    return out


ENGLISH = Pipeline("en", normalize_word, term_of, FILLER_WORDS, weak_terms, join_compounds)


def _is_acronym(raw: str, has_lower: bool) -> bool:
    return has_lower and 2 <= len(raw) <= 5 and raw.isupper()


def tokenize(text: str, pipeline: Pipeline = ENGLISH) -> list[Token]:
    """Split text into tokens with spans, terms and clause numbers (English unless
    another language's ``pipeline`` is given)."""
    if len(text) > MAX_TEXT_CHARS:
        raise BadInputError(
            _("the text is too long ({count} characters; at most {limit})").format(
                count=len(text), limit=MAX_TEXT_CHARS)
        )
    has_lower = any(ch.islower() for ch in text)
    tokens: list[Token] = []
    clause = 0
    position = 0
    for found in _TOKEN.finditer(text):
        if _CLAUSE_BREAK.search(text, position, found.start()):
            clause += 1
        position = found.end()
        raw = found.group()
        word = pipeline.normalize(raw)
        acronym = _is_acronym(raw.replace(".", ""), has_lower)
        term = pipeline.term(word, acronym)
        weight = FILLER_WEIGHT if word in pipeline.fillers else 1.0
        tokens.append(Token(raw, found.start(), found.end(), word, term, weight, clause,
                            acronym))
    return pipeline.retouch(tokens) if pipeline.retouch is not None else tokens


@lru_cache(maxsize=256)
def _expansion(acronym: str) -> tuple[str, ...]:
    return tuple(normalize_word(w) for w in _TOKEN.findall(ACRONYMS[acronym]))


def spell_out_acronyms(tokens: list[Token], known: Callable[[str], bool]) -> list[Token]:
    """Read each listed acronym that ``known`` (the taxonomy) does not use as the words it
    stands for, as if they had been typed in its place ("ESL" -> "English as a second
    language"). The new tokens keep the acronym's text and span, so an explanation shows
    the acronym as typed."""
    out: list[Token] = []
    for token in tokens:
        letters = token.text.replace(".", "")
        if not token.acronym or letters not in ACRONYMS or known(token.term):
            out.append(token)
            continue
        out += [Token(token.text, token.start, token.end, w, term_of(w), 1.0, token.clause)
                for w in _expansion(letters)]
    return out


def terms(text: str) -> list[str]:
    """The distinct terms of a text, in order of first use (for building an index)."""
    seen: dict[str, None] = {}
    for token in tokenize(text):
        if token.term:
            seen.setdefault(token.term, None)
    return list(seen)


def for_meaning(text: str, knows: Callable[[str], bool]) -> str:
    """The text the meaning model reads: with "food" added when it names a dish the
    model does not ``knows`` as a word ("sold tamales"), which it would read only as
    pieces of letters."""
    words = re.findall(r"[^\W\d_]+", text)
    if any(w.lower() in FOOD_NAMES and not knows(w.lower()) for w in words):
        return text + " (food)"
    return text


def ends_mid_word(text: str) -> bool:
    """Whether the person may still be typing the last word (no space or stop after it)."""
    return bool(text) and (text[-1].isalnum())


def says_something(text: str) -> bool:
    """Whether ``text`` has a word that carries meaning of its own ("my son", "for ten
    years" and "kept it going" do not): without one, nothing is suggested."""
    return any(t.term and not is_weak(t.term) for t in tokenize(text[:MAX_TEXT_CHARS]))
