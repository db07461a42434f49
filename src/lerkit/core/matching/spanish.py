"""The Spanish text pipeline: folding, US Spanish forms, stop words and Snowball stems.

A Spanish word is case-folded and stripped of accents (people type "despues" as often as
"después"); a US Spanish form becomes the standard word (``lexicon_es``: "troca" ->
"camion", "parqueaba" -> "estacionaba"); stop words (Spanish and English, since answers
mix both) become ``""``; every other word becomes its Snowball Spanish stem (PyStemmer).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import Stemmer

from lerkit.core.matching.lexicon import STOP_WORDS
from lerkit.core.matching.lexicon_es import (
    FAMILY_WORDS_ES,
    FILLER_WORDS_ES,
    GENERIC_VERBS_ES,
    NOT_SPANGLISH,
    SPANGLISH_BEFORE,
    SPANGLISH_NOUNS,
    SPANGLISH_VERBS,
    STOP_WORDS_ES,
    SYNONYMS_ES,
    TIME_WORDS_ES,
)
from lerkit.core.matching.text import Pipeline, Token, fold

STOP = STOP_WORDS_ES | STOP_WORDS
# the usual endings of -ar verbs, accents folded (-ear verbs take them after the "e")
_AR_ENDINGS = (
    "ar o as a amos an aba abas abamos aban e aste aron ando ado ada ados adas ara "
    "aras aran aria arias arian are es en emos ate"
).split()
_stemmer = Stemmer.Stemmer("spanish")
# verbs in -cer / -cir take "zc" before -o and -a ("traduzco", "conozca"): read as "-ce"
# so that they stem as the rest of the verb does (traduzco -> traduce -> traduc)
_ZC = re.compile(r"^(\w{3,})zc(o|a|as|an|amos)$")


def _forms(infinitive: str) -> list[str]:
    """The usual forms of an -ar verb: "parquear" -> parqueo, parqueaba, parqueé..."""
    root = infinitive[:-2]
    found = []
    for ending in _AR_ENDINGS:
        base = root
        if ending.startswith("e"):  # spelling before e: aplic-e -> apliqu-e, lleg-e -> llegu-e
            if root.endswith("c"):
                base = root[:-1] + "qu"
            elif root.endswith("g"):
                base = root[:-1] + "gu"
            elif root.endswith("z"):
                base = root[:-1] + "c"
        found.append(base + ending)
    return found


def _plural(noun: str) -> str:
    return noun + ("s" if noun[-1] in "aeiou" else "es")


@lru_cache(maxsize=1)
def spanglish() -> dict[str, str]:
    """Every derived US Spanish form -> the standard form it stands for."""
    found: dict[str, str] = {}
    for noun, standard in SPANGLISH_NOUNS.items():
        found[noun] = standard
        found.setdefault(_plural(noun), _plural(standard))
    for verb, standard in SPANGLISH_VERBS.items():
        for form, target in zip(_forms(verb), _forms(standard), strict=True):
            found.setdefault(form, target)
    return {k: v for k, v in found.items() if k not in NOT_SPANGLISH}


@lru_cache(maxsize=1)
def _before() -> dict[str, tuple[str, frozenset[str]]]:
    found: dict[str, tuple[str, frozenset[str]]] = {}
    for verb, (standard, next_words) in SPANGLISH_BEFORE.items():
        for form, target in zip(_forms(verb), _forms(standard), strict=True):
            found[form] = (target, next_words)
    return found


@lru_cache(maxsize=200_000)
def normalize_es(raw: str) -> str:
    """The normalised spelling of one Spanish word (no stemming)."""
    word = fold(raw).replace("’", "'").replace("'", "").replace(".", "")
    return spanglish().get(word, word)


@lru_cache(maxsize=200_000)
def stem_es(word: str) -> str:
    """The Snowball Spanish stem of a folded word."""
    return str(_stemmer.stemWord(word))


@lru_cache(maxsize=200_000)
def term_es(word: str, acronym: bool = False) -> str:
    """The index term of a normalised Spanish word: its stem, or ``""`` for a stop word."""
    if acronym:
        return word
    if not word or word in STOP:
        return ""
    if len(word) == 1 and not word.isdigit():
        return ""
    word = SYNONYMS_ES.get(word, word)
    return stem_es(_ZC.sub(r"\1ce", word))


@lru_cache(maxsize=1)
def weak_terms_es() -> frozenset[str]:
    """Spanish terms that carry no skill of their own."""
    words = GENERIC_VERBS_ES | FAMILY_WORDS_ES | TIME_WORDS_ES
    return frozenset({term_es(normalize_es(w)) for w in words} - {""})


def retouch_es(tokens: list[Token]) -> list[Token]:
    """US Spanish forms that depend on the next word ("aplicaba para" -> "solicitaba")."""
    before = _before()
    out = list(tokens)
    for n, token in enumerate(tokens[:-1]):
        found = before.get(token.word)
        if found is not None and tokens[n + 1].word in found[1]:
            out[n] = replace(token, word=found[0], term=term_es(found[0]))
    return out


SPANISH = Pipeline("es", normalize_es, term_es, FILLER_WORDS_ES, weak_terms_es, retouch_es)
