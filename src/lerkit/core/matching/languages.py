"""The languages the matcher reads, and telling a Spanish (or mixed) answer from English.

An answer is read as Spanish when it has two Spanish function words no English sentence
uses ("el", "los", "que", "para"...), or one of them and either a word that only the
taxonomy's Spanish texts use or an accented letter. Words that only the Spanish texts
use are not enough on their own: many English words ("dental", "original") are Spanish
too. Where the person speaks Spanish (the screen's language, or the caller says so), a
short answer has no such words ("limpiaba casas"): there an answer is read as Spanish
unless it says more in English than in Spanish (English function words, words only the
English texts use). Then the answer goes through both pipelines, each word to the one
that knows it (:func:`split`); the commonest Spanish words ("va", "son", "hay") never go
to the English texts, unless typed as an acronym ("el VA").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lerkit.core.matching.lexicon import STOP_WORDS
from lerkit.core.matching.lexicon_es import (
    ARTICLES_ES,
    AUXILIARY_VERBS_ES,
    FREQUENT_VERBS_ES,
    FUNCTION_WORDS_ES,
    NOUNS_AFTER_ARTICLE_ES,
    STOP_WORDS_ES,
)
from lerkit.core.matching.spanish import SPANISH
from lerkit.core.matching.text import ENGLISH, Pipeline, Token, tokenize

PIPELINES = {"en": ENGLISH, "es": SPANISH}
# Spanish function words that are not English words (nor common parts of English names)
MARKERS = frozenset(
    """
    el los las del al que y mi mis tu su sus para por una unos unas yo le les nos como
    pero cuando donde porque muy todo todos toda todas este esta estos estas ese esa eso
    esos esas era fue fui estaba estaban tenia habia hacia hice tengo soy estoy tambien
    entre hasta desde ya aqui alli casi siempre nunca cada mucho muchos poco otro otra
    otros otras despues antes ahi nomas pues sobre ella ellos nosotros cuando la de lo
    """.split()
)
_SPANISH_ONLY_STOP = STOP_WORDS_ES - STOP_WORDS
_SURE = MARKERS | _SPANISH_ONLY_STOP
# never an English word in a Spanish answer (unless typed as an acronym)
COMMON_ES = STOP_WORDS_ES | AUXILIARY_VERBS_ES | FREQUENT_VERBS_ES | FUNCTION_WORDS_ES
# English function words that are no Spanish words: a sign of English where Spanish is
# spoken
ENGLISH_MARKERS = STOP_WORDS - COMMON_ES - MARKERS - frozenset(
    "once ok okay etc eg ie id via oh um uh hey yes yeah".split())
_WORD = re.compile(r"[^\W\d_]+")
_ACCENTED = re.compile(r"[áéíóúñÁÉÍÓÚÑ¿¡]")

Known = Callable[[str], bool]


def pipeline(language: str) -> Pipeline:
    """The text pipeline of a language code ("en", "es")."""
    return PIPELINES.get(language, ENGLISH)


def _spanish_token(es: Token, en: Token, text: str, es_known: Known, en_known: Known) -> int:
    """How surely one word is Spanish: 2 for a marker or a Spanish stop word English does
    not use, 1 for a word only the Spanish index knows, 0 otherwise."""
    if es.word in MARKERS:
        return 0 if es.word == "de" and text[es.end:es.end + 1] in "-\u2010\u2011" else 2
    if not en.term or es.acronym:  # an English stop word ("a", "me", "no"), "IT"
        return 0
    if es.word in _SPANISH_ONLY_STOP:
        return 2
    return int(bool(es.term) and es_known(es.term) and not en_known(en.term))


def _maybe_spanish(text: str) -> bool:
    """A quick test that rules out most English texts: no Spanish function word and no
    accented letter."""
    return _ACCENTED.search(text) is not None or any(
        w in _SURE for w in _WORD.findall(text.casefold()))


def _common(tokens: list[Token]) -> list[bool]:
    """Whether each word is a common Spanish word, never matched in English ("la van",
    a noun, and "VA", an acronym, are not)."""
    return [t.word in COMMON_ES and not t.acronym and not (
        t.word in NOUNS_AFTER_ARTICLE_ES and n > 0 and tokens[n - 1].word in ARTICLES_ES)
        for n, t in enumerate(tokens)]


def _more_english(english: list[Token], in_spanish: list[Token], marks: list[int],
                  common: list[bool], accented: bool, es_known: Known,
                  en_known: Known) -> bool:
    """Whether the words say more in English than in Spanish: English function words
    and words only the English index knows against Spanish ones and those only the
    Spanish index knows."""
    spanish = {s.word: 2 if mark == 2 or is_common else mark for s, mark, is_common
               in zip(in_spanish, marks, common, strict=True) if mark or is_common}
    english_words: dict[str, int] = {}
    for e, s, mark, is_common in zip(english, in_spanish, marks, common, strict=True):
        if mark or is_common:
            continue
        if e.word in ENGLISH_MARKERS:
            english_words[e.word] = 2
        elif e.term and en_known(e.term) and not (s.term and es_known(s.term)):
            english_words[e.word] = 1
    return sum(english_words.values()) > sum(spanish.values()) + accented


def split(text: str, es_known: Known, en_known: Known, force: bool = False,
          prior: str = "en") -> tuple[list[Token], list[Token]] | None:
    """The tokens of ``text`` for the English and the Spanish index, each without the
    other language's words; None when the text reads as English (unless ``force``).
    ``es_known`` and ``en_known`` tell whether a term is in the Spanish and the English
    index; ``prior`` is the language the person speaks: with "es", a text reads as
    English only when it says more in English than in Spanish."""
    spoken = prior == "es"
    if not force and not spoken and not _maybe_spanish(text):
        return None
    english = tokenize(text)
    in_spanish = tokenize(text, SPANISH)
    if len(english) != len(in_spanish):  # pragma: no cover - both use one tokenizer
        return None
    marks = [_spanish_token(s, e, text, es_known, en_known)
             for e, s in zip(english, in_spanish, strict=True)]
    sure = len({s.word for s, mark in zip(in_spanish, marks, strict=True) if mark == 2})
    vocabulary = len({s.word for s, mark in zip(in_spanish, marks, strict=True) if mark == 1})
    accented = _ACCENTED.search(text) is not None
    spanish = sure >= 2 or (sure == 1 and (vocabulary >= 1 or accented)) or (
        accented and vocabulary >= 1)
    common = _common(in_spanish)
    if spoken and not spanish:
        spanish = not _more_english(english, in_spanish, marks, common, accented,
                                    es_known, en_known)
    if not (spanish or force):
        return None
    en_out = [replace(e, term="") if mark or is_common else e
              for e, mark, is_common in zip(english, marks, common, strict=True)]
    es_out = [replace(s, term="") if (is_common and s.word in AUXILIARY_VERBS_ES) or (
        not mark and e.term and en_known(e.term) and not es_known(s.term))
        else s for e, s, mark, is_common in zip(english, in_spanish, marks, common, strict=True)]
    return en_out, es_out


def reads_spanish(text: str, es_known: Known, en_known: Known, prior: str = "en") -> bool:
    """Whether ``text`` reads as Spanish or mixed Spanish and English (``prior``: the
    language the person speaks)."""
    return split(text, es_known, en_known, prior=prior) is not None


__all__ = ["COMMON_ES", "ENGLISH_MARKERS", "MARKERS", "PIPELINES", "pipeline",
           "reads_spanish", "split"]
