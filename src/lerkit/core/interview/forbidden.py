"""Topics an interview never asks about: pay, age, gender, race, disability, religion
(in English and in Spanish).

The check runs on everything a person is *asked* or *shown as an option* (question
text, help, choice and checklist labels), not on the sample answers in ``examples``.
It looks for ways of asking, not for words: "a family member with a disability" and
"your faith community" are fine; "do you have a disability?" and "what is your
religion?" are not. A coach who needs a phrase the rule dislikes can reword it; the
rule is deliberately on the strict side.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_BELIEF_OWNERS = (
    r"christian|muslim|jewish|jew|hindu|buddhist|sikh|catholic|protestant|atheist|"
    r"agnostic|mormon|evangelical|orthodox|pagan"
)

_RULES: tuple[tuple[str, str], ...] = (
    (
        "pay",
        r"\bsalar(?:y|ies)\b|\bwages?\b|\bincome\b|\bpaychecks?\b|\bpay ?rate\b|"
        r"\bhourly rate\b|\byour pay\b|\bearnings\b|"
        r"\bhow much (?:were|was|are|did|do) (?:you|they) (?:get )?(?:paid|earn|make)\b|"
        r"\bwhat did (?:they|it|the job) pay\b",
    ),
    (
        "age",
        r"\bhow old (?:are|were) you\b|\byour age\b|\bwhat age\b|\bage range\b|"
        r"\b(?:date|year) of birth\b|\bbirth ?(?:date|day|year)\b|"
        r"\b(?:when|what year) were you born\b",
    ),
    (
        "gender",
        r"\bgender\b|\byour sex\b|\bmale or female\b|\bman or (?:a )?woman\b|"
        r"\byour pronouns\b",
    ),
    (
        "race",
        r"\byour race\b|\bwhat race\b|\brace or ethnicity\b|\bethnic(?:ity|ities)?\b|"
        r"\bracial\b|\bskin colou?r\b|\bnational origin\b",
    ),
    (
        "disability status",
        r"\b(?:do|did) you have (?:a |any )?(?:disabilit(?:y|ies)|medical condition|"
        r"health condition|handicap|impairment)\b|\bare you (?:disabled|handicapped)\b|"
        r"\byour (?:own )?(?:disabilit(?:y|ies)|diagnosis|medical condition|"
        r"health condition|va rating)\b|\bdisability (?:status|rating|percentage)\b",
    ),
    (
        "religion",
        r"\breligions?\b|\breligious (?:belief|beliefs|affiliation|preference|views)\b|"
        r"\bdenomination\b|\bwhat (?:do|did) you believe\b|\byour beliefs?\b|"
        r"\b(?:what|which) (?:is your )?faith\b(?! (?:community|group|center|centre))|"
        r"\bwhat is your faith\b|\b(?:do|did) you (?:pray|worship)\b|"
        rf"\bare you (?:a |an )?(?:{_BELIEF_OWNERS})\b",
    ),
)

# The same topics asked in Spanish, read without accents ("¿Cuántos años tiene?").
_RULES_ES: tuple[tuple[str, str], ...] = (
    (
        "pay",
        r"\bsalarios?\b|\bsueldos?\b|\bingresos\b|\bsu pago\b|\bpago por hora\b|"
        r"\bcuanto (?:le |te |les )?(?:pagaban|pagaron|pagan|paga)\b|"
        r"\bcuanto (?:ganaba|gano|gana|ganabas|ganas|cobraba)\b",
    ),
    (
        "age",
        r"\bcuantos anos (?:tiene|tenia|tienes|tenias)\b|\bque edad\b|\b(?:su|tu) edad\b|"
        r"\b(?:fecha|ano|dia) de (?:su |tu )?nacimiento\b|\bcuando (?:nacio|naciste)\b|"
        r"\ben que ano (?:nacio|naciste)\b",
    ),
    ("gender", r"\bgenero\b|\b(?:su|tu) sexo\b|\bhombre o mujer\b|\bmujer u hombre\b|"
               r"\b(?:sus|tus) pronombres\b"),
    (
        "race",
        r"\b(?:su|tu|que) raza\b|\betnias?\b|\betnicos?\b|\betnicas?\b|\bcolor de piel\b|"
        r"\bpais de origen\b|\bnacionalidad\b|\bde que pais (?:es|eres)\b",
    ),
    (
        "disability status",
        r"\b(?:tiene|tenia|tienes|tenias) (?:usted )?(?:alguna |una )?(?:discapacidad|"
        r"condicion medica|condicion de salud)\b|\b(?:es usted|eres) discapacitad[oa]\b|"
        r"\b(?:su|tu) (?:propia )?(?:discapacidad|diagnostico|condicion medica|"
        r"condicion de salud)\b|\bporcentaje de discapacidad\b",
    ),
    (
        "religion",
        r"\breligion(?:es)?\b|\bcreencias?\b|\ben que (?:cree|crees)\b|\bque cree usted\b|"
        r"\bdenominacion\b|\b(?:su|tu) fe\b|\b(?:reza|rezas) usted\b|\busted reza\b|"
        r"\b(?:es usted|eres) (?:cristian|musulman|judi|catolic|evangelic|protestant|"
        r"mormon|budista|hindu|ate[oa])",
    ),
)

_COMPILED = tuple((topic, re.compile(pattern, re.IGNORECASE)) for topic, pattern in _RULES)
_COMPILED_ES = tuple((topic, re.compile(pattern)) for topic, pattern in _RULES_ES)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class ForbiddenTopic:
    """Why a text was refused: the topic and the words that triggered the rule."""

    topic: str
    words: str

    def __str__(self) -> str:
        return f'asks about {self.topic} ("{self.words}"), which lerkit never asks'


def find_forbidden(text: str) -> ForbiddenTopic | None:
    """The first forbidden topic asked by ``text``, or None."""
    flat = " ".join(text.split())
    for topic, pattern in _COMPILED:
        found = pattern.search(flat)
        if found:
            return ForbiddenTopic(topic, found.group(0))
    folded = _fold(flat)
    for topic, pattern in _COMPILED_ES:
        found = pattern.search(folded)
        if found:
            return ForbiddenTopic(topic, found.group(0))
    return None


def first_forbidden(texts: Iterable[str]) -> ForbiddenTopic | None:
    """The first forbidden topic among several texts, or None."""
    for text in texts:
        found = find_forbidden(text)
        if found is not None:
            return found
    return None
