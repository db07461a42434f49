"""Turning what a person typed or picked into the stored answer for a question.

Text and date answers are kept as typed (trimmed). Yes/no takes yes, y, no, n and a few
more. A choice takes its id, its label (any case) or its number in the list; a
multi-choice takes a list of those, or one string separated by commas or spaces.
An empty answer means "skip". A value that cannot be read raises BadInputError with a
sentence a person can act on.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.interview.model import NO, YES, Choice, Kind, Question
from lerkit.core.interview.state import Answer
from lerkit.core.text_safety import clean_text

AnswerInput = str | bool | Sequence[str]

_YES_WORDS = frozenset({"yes", "y", "yeah", "yep", "sure", "true", "1", "ok", "okay",
                        "sí", "si", "s", "claro", "claro que sí", "así es", "correcto"})
_NO_WORDS = frozenset({"no", "n", "nope", "nah", "false", "0", "none", "not really",
                       "nada", "para nada", "no mucho", "la verdad no"})
_NONE_WORDS = frozenset({"none", "none of these", "nothing", "no", "-", "ninguno",
                         "ninguna", "ninguno de estos", "nada"})
MAX_ANSWER = 20_000


def normalise(question: Question, value: AnswerInput) -> Answer | None:
    """The answer to store, or None when the answer is empty (a skip)."""
    if question.kind is Kind.YESNO:
        return _yesno(value)
    if question.kind is Kind.MULTI:
        return _multi(question, value)
    if not isinstance(value, str):
        raise BadInputError(_("Please type an answer."))
    text = clean_text(value, multiline=True).strip()
    if not text:
        return None
    if len(text) > MAX_ANSWER:
        raise BadInputError(
            _("That answer is too long (more than {limit} characters).").format(limit=MAX_ANSWER)
        )
    if question.kind is Kind.CHOICE:
        return _pick(question, text).id
    return text


def _yesno(value: AnswerInput) -> str | None:
    if isinstance(value, bool):
        return YES if value else NO
    if not isinstance(value, str):
        raise BadInputError(_("Please answer yes or no."))
    word = " ".join(value.lower().split()).strip(".!¡¿")
    if not word:
        return None
    if word in _YES_WORDS:
        return YES
    if word in _NO_WORDS:
        return NO
    raise BadInputError(_("Please answer yes or no."))


def _multi(question: Question, value: AnswerInput) -> list[str] | None:
    if isinstance(value, bool):
        raise BadInputError(_("Please pick from the list."))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text.lower() in _NONE_WORDS:
            return []
        parts = _split(question, text)
    else:
        parts = [str(v).strip() for v in value if str(v).strip()]
    picked = {_pick(question, p).id for p in parts}
    return [c.id for c in question.choices if c.id in picked]


def _split(question: Question, text: str) -> list[str]:
    """Split "1, 3 5" or "army, navy"; a whole label with spaces is kept whole."""
    if _find(question, text) is not None:
        return [text]
    pieces = [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        out.extend([piece] if _find(question, piece) is not None else piece.split())
    return out


def _find(question: Question, text: str) -> Choice | None:
    low = _fold(text.strip().rstrip("."))
    if low.isdecimal() and len(low) <= 3 and 1 <= int(low) <= len(question.choices):
        return question.choices[int(low) - 1]
    for choice in question.choices:
        if low in (choice.id, _fold(choice.label)):
            return choice
    return None


def _fold(text: str) -> str:
    """Lower case without accents: "Ejército" and "ejercito" are the same choice."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pick(question: Question, text: str) -> Choice:
    found = _find(question, text)
    if found is None:
        raise BadInputError(
            _("{answer!r} is not one of the choices; type a number from 1 to {count}, or the "
              "words of a choice.").format(answer=text, count=len(question.choices))
        )
    return found
