"""Find the index terms for the words a person typed, forgiving typos and half words.

A word whose term is in the index is used as is. Otherwise, in this order: its
unstemmed form (acronyms such as ``AIDS``); if it is the last word and the person may
still be typing it, the index words that start with it; and for longer words, the
closest index word by edit similarity (``mangement`` -> ``management``). Guessed terms
count less than exact ones.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.languages import pipeline
from lerkit.core.matching.text import Token, ends_mid_word

PREFIX_FACTOR = 0.8
PREFIX_MIN = 3
PREFIX_MAX_WORDS = 8
FUZZY_MIN_LENGTH = 4
FUZZY_MAX_LOOKUPS = 12
FUZZY_FACTOR = 0.85
FAMILY_FACTOR = 0.5
HYPHENS = ("-", "\u2010", "\u2011")
FAMILY_MIN = 5
FAMILY_EXTRA = 3


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """An index term found for the token at ``position``; ``factor`` < 1 if guessed."""

    position: int
    term: int
    factor: float


def _cutoff(length: int) -> float:
    if length >= 8:
        return 84.0
    if length >= 6:
        return 86.0
    return 88.0


def _buckets(index: MatchIndex) -> dict[tuple[str, int], list[str]]:
    found = index._cache.get("fuzzy_buckets")
    if found is None:
        found = {}
        for word in index.words:
            if len(word) >= FUZZY_MIN_LENGTH - 1 and word.isalpha():
                found.setdefault((word[0], len(word)), []).append(word)
        index._cache["fuzzy_buckets"] = found
    result: dict[tuple[str, int], list[str]] = found
    return result


def _word_term(index: MatchIndex, word: str) -> int | None:
    position = bisect_left(index.words, word)
    if position < len(index.words) and index.words[position] == word:
        return index.word_terms[position]
    return None


def _fuzzy(index: MatchIndex, word: str) -> tuple[int, float] | None:
    buckets = _buckets(index)
    best: tuple[float, str] | None = None
    for length in range(len(word) - 2, len(word) + 3):
        choices = buckets.get((word[0], length))
        if not choices:
            continue
        cutoff = _cutoff(len(word))
        found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None:
            continue
        if best is None or found[1] > best[0] or (found[1] == best[0] and found[0] < best[1]):
            best = (found[1], found[0])
    if best is None:
        return None
    term = _word_term(index, best[1])
    return None if term is None else (term, FUZZY_FACTOR * best[0] / 100.0)


def _family(index: MatchIndex, number: int) -> list[int]:
    """Terms of the same word family: one is the other plus at most a few letters."""
    terms = index.terms
    term = terms[number]
    if len(term) < FAMILY_MIN or not term.isalpha():
        return []
    found: list[int] = []
    position = bisect_right(terms, term)
    for other in range(position, min(position + 40, len(terms))):
        if not terms[other].startswith(term):
            break
        if len(terms[other]) - len(term) <= FAMILY_EXTRA:
            found.append(other)
    term_ids = index.term_ids
    for length in range(len(term) - 1, max(FAMILY_MIN, len(term) - FAMILY_EXTRA) - 1, -1):
        shorter = term_ids.get(term[:length])
        if shorter is not None:
            found.append(shorter)
    return found


def _prefix(index: MatchIndex, word: str) -> list[int]:
    words = index.words
    start = bisect_left(words, word)
    found: list[int] = []
    for position in range(start, min(start + 200, len(words))):
        if not words[position].startswith(word):
            break
        term = index.word_terms[position]
        if term not in found:
            found.append(term)
            if len(found) >= PREFIX_MAX_WORDS:
                break
    return found


def resolve(index: MatchIndex, tokens: list[Token], text: str) -> list[QueryTerm]:
    """The index terms of the tokens (several for a half-typed last word)."""
    term_ids = index.term_ids
    typing_last = ends_mid_word(text)
    lookups = 0
    result: list[QueryTerm] = []
    for position, token in enumerate(tokens):
        if not token.term:
            continue
        found = term_ids.get(token.term)
        if found is None:
            found = term_ids.get(token.word)
        if found is not None:
            result.append(QueryTerm(position, found, 1.0))
            if FAMILY_FACTOR > 0.0:
                result.extend(QueryTerm(position, t, FAMILY_FACTOR) for t in _family(index, found))
            continue
        if typing_last and position == len(tokens) - 1 and len(token.word) >= PREFIX_MIN:
            completions = _prefix(index, token.word)
            if completions:
                result.extend(QueryTerm(position, t, PREFIX_FACTOR) for t in completions)
                continue
        if len(token.word) >= FUZZY_MIN_LENGTH and token.word.isalpha():
            if lookups >= FUZZY_MAX_LOOKUPS:
                continue
            lookups += 1
            guess = _fuzzy(index, token.word)
            if guess is not None:
                result.append(QueryTerm(position, guess[0], guess[1]))
    return result + _compounds(index, tokens, text)


def _compounds(index: MatchIndex, tokens: list[Token], text: str) -> list[QueryTerm]:
    """Hyphenated words also as one word: "pro-active" finds "proactively"."""
    found: list[QueryTerm] = []
    for position in range(len(tokens) - 1):
        first, second = tokens[position], tokens[position + 1]
        if text[first.end : second.start] not in HYPHENS:
            continue
        words = pipeline(index.language)
        joined = words.term(words.normalize(first.text + second.text), False)
        term = index.term_ids.get(joined) if joined not in (first.term, second.term) else None
        if term is not None:
            found += [QueryTerm(position, term, 1.0), QueryTerm(position + 1, term, 1.0)]
    return found
