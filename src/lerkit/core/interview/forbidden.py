"""Topics an interview never asks about: pay, age, gender, race, disability, religion.

The check runs on everything a person is *asked* or *shown as an option* (question
text, help, choice and checklist labels), not on the sample answers in ``examples``.
It looks for ways of asking, not for words: "a family member with a disability" and
"your faith community" are fine; "do you have a disability?" and "what is your
religion?" are not. A coach who needs a phrase the rule dislikes can reword it; the
rule is deliberately on the strict side.
"""

from __future__ import annotations

import re
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

_COMPILED = tuple((topic, re.compile(pattern, re.IGNORECASE)) for topic, pattern in _RULES)


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
    return None


def first_forbidden(texts: Iterable[str]) -> ForbiddenTopic | None:
    """The first forbidden topic among several texts, or None."""
    for text in texts:
        found = find_forbidden(text)
        if found is not None:
            return found
    return None
