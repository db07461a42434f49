"""Matching a Spanish or mixed Spanish/English answer: each word through its own language.

An answer that reads as Spanish (:mod:`.languages`) is matched twice by words: its
Spanish words against the taxonomy's Spanish texts (when it has them), its English words
against the English texts ("trabajé en el warehouse manejando el forklift": "trabajé",
"manejando" in Spanish; "warehouse", "forklift" in English). Each competency keeps the
better of its two matches, with its explanation, which names the words as typed. The
meaning model reads English only: it reads the answer's English gloss (:mod:`.glossary`),
which counts for less than an English answer's meaning, and the matcher says so
(:data:`SPANISH_NOTE`); without the model, such answers are matched by words alone
(:data:`WORDS_ONLY_NOTE`).
"""

from __future__ import annotations

from collections.abc import Sequence

from lerkit.core.i18n import N_, _, current_language
from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.languages import split
from lerkit.core.matching.search import candidates, explain, prepare
from lerkit.core.matching.text import Token
from lerkit.core.matching.types import Match

WORD_POOL = 80  # candidates taken from each index, all of them explained
SPANISH_NOTE = N_("Spanish answers are matched by their words and, more roughly, by meaning")
WORDS_ONLY_NOTE = N_("Spanish answers are matched by words only, not by meaning")
NO_SPANISH_NOTE = N_(
    '"{taxonomy}" has no Spanish texts: only the English words of the answer are matched')
GLOSSED_NOTE = N_(
    '"{taxonomy}" has no Spanish texts: it is searched with the English words of the answer '
    'and an English rendering of the Spanish ones')

Parts = tuple[list[Token], list[Token]]


def split_answer(text: str, english: MatchIndex, spanish: MatchIndex | None,
                 force: bool | None = None, language: str | None = None) -> Parts | None:
    """The answer's English and Spanish words, or None when it reads as English;
    ``force`` True splits it whatever it reads as, False never does. ``language`` is the
    one the person speaks (None: the one lerkit speaks now): where it is Spanish, an
    answer without a clear sign of English is read as Spanish."""
    if force is False:
        return None
    es_known = spanish.term_ids.__contains__ if spanish is not None else _nothing
    return split(text, es_known, english.term_ids.__contains__, force=bool(force),
                 prior=language or current_language())


def _nothing(_term: str) -> bool:
    return False


def by_words(text: str, parts: Sequence[tuple[MatchIndex | None, list[Token]]],
             numbers: dict[str, int]) -> list[Match]:
    """The competencies matched by the answer's words in any of the indexes, best first;
    a competency matched in several keeps its best match."""
    best: dict[str, Match] = {}
    for index, tokens in parts:
        query = prepare(index, text, tokens) if index is not None else None
        if query is None:
            continue
        for scored in candidates(query, WORD_POOL):
            found = explain(query, scored)
            if found is None:
                continue
            kept = best.get(found.competency_id)
            if kept is None or found.score > kept.score:
                best[found.competency_id] = found
    return sorted(best.values(), key=lambda m: (-m.score, numbers.get(m.competency_id, 0)))


def notice(taxonomy: str, spanish: bool, has_texts: bool, by_meaning: bool,
           glossed: bool = False) -> str:
    """What to tell the person about how an answer was matched ("" when nothing);
    ``glossed``: the meaning model reads the answer's English gloss."""
    if not spanish:
        return ""
    missing = GLOSSED_NOTE if glossed else NO_SPANISH_NOTE
    said = [] if has_texts else [_(missing).format(taxonomy=taxonomy)]
    if by_meaning:
        said.append(_(SPANISH_NOTE if glossed else WORDS_ONLY_NOTE))
    return "; ".join(said)
