"""Short answers made fit for the record: a job title said the way people talk, and an
evidence question answered with a plain "no".

A title answer such as "counter clerk / presser i guess", "I was the night manager" or
"Volunteer, i do the pickups" becomes "Counter clerk / presser", "Night manager" and
"Volunteer": the hedges, the "I was a" and the sentence after the name that people add
when they talk are left out, and the first letter is a capital. What is left
is what they typed, in their order; nothing is guessed or reworded. An evidence answer
that only says no ("not really", "nope", "no tengo") is not evidence.
"""

from __future__ import annotations

import re

_HEDGES = (
    r"i guess|i think|i believe|i suppose|or something(?: like that)?|kind of|sort of|"
    r"kinda|sorta|basically|basicly|probably|more or less|maybe|lol|idk|"
    r"creo|supongo|o algo así|o algo asi|más o menos|mas o menos|como que"
)
_HEDGE = re.compile(rf"(?:^|(?<=[\s,(]))(?:{_HEDGES})(?=$|[\s,.;!?)])", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:(?:well|so|um+|uh+|pues|bueno)[,\s]+)*"
    r"(?:(?:i|we)\s+(?:was|were|am|worked|work)\s+(?:as\s+)?|was\s+|i'm\s+|im\s+|"
    r"(?:yo\s+)?(?:era|fui|soy|trabajaba|trabajé|trabaje)\s+(?:de\s+|como\s+)?)?"
    r"(?:just\s+|only\s+|solo\s+)?(?:(?:an?|the|un|una|el|la)\s+)?",
    re.IGNORECASE,
)
# ", i do the pickups and driving": what follows is a sentence about the role, not its name
_CLAUSE = re.compile(r"\s*[,;(-]\s*(?:and |but )?(?:i|we|yo)\b.*$", re.IGNORECASE)
_NOTHING = re.compile(
    r"^\W*(?:no+|nope|nah|none|nothing|not really|not that i know of|i don'?t think so|"
    r"n/?a|no tengo|nada|ninguno|ninguna|no realmente)\W*$",
    re.IGNORECASE,
)


def tidy_title(text: str, *, title: bool = True) -> str:
    """A title (or, not ``title``, an organization or a place, whose "The" stays) as the
    record shows it (see the module docstring); the text as typed when tidying would
    leave nothing."""
    tidied = _HEDGE.sub(" ", " ".join(text.split())).strip(" ,.;:!?-")
    if title:
        tidied = _CLAUSE.sub("", _LEAD.sub("", tidied, count=1))
    tidied = re.sub(r"\s+([,.;])", r"\1", " ".join(tidied.split())).strip(" ,.;:!?-")
    if not tidied:
        return " ".join(text.split())
    return tidied[0].upper() + tidied[1:]


def says_nothing(text: str) -> bool:
    """Whether an evidence answer only says no ("not really", "nope", "nada")."""
    return bool(_NOTHING.match(text.strip()))
