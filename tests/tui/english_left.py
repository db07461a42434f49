"""English left on a screen that should speak another language.

:func:`english_left` takes the text a screen shows (rows of a headless app, or a tmux
capture) and returns the English it still holds:

* every English message lerkit marks for translation (its pieces between placeholders)
  of two words or more (of two letters or more) that appears on the screen as it is;
* whole words from a short list of common English interface words that are not also
  Spanish words.

Data is not the interface's to translate (a person's name, a skill's label from an
English taxonomy, an occupation's title): name it in ``allow`` and it is taken out of
the text before the search. Key names (Enter, Escape, Tab, Delete, Ctrl+S) are allowed.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import lru_cache

from lerkit.core.catalogs import marked_messages
from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "lerkit"
# Common interface words in English that are not Spanish words too.
ENGLISH_WORDS = frozenset("""
    the your you and with this that what which there here every only more nothing
    skills skill record records next back save saved skip search export review
    accepted accept evidence interview people person press help quit close open cancel
    yes keys edit find leave choose sign first shows why how well not file folder
    answer question choose chosen turned down signing passphrase loading reading
""".split())
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # letters of any language
SPACES = re.compile(r"\s+")
FRAMES = re.compile("[\u2500-\u259f]")  # box borders and scroll bars: a wrapped line joins


def _flat(text: str) -> str:
    return SPACES.sub(" ", FRAMES.sub(" ", text)).strip()


@lru_cache(maxsize=1)
def english_pieces() -> tuple[str, ...]:
    """Each marked message's text between placeholders, of two words or more, longest
    first (Markdown marks and line breaks dropped)."""
    pieces: set[str] = set()
    for message in marked_messages(PACKAGE):
        try:
            parts = [literal for literal, _, _, _ in string.Formatter().parse(message)]
        except ValueError:
            parts = [message]
        for part in parts:
            for line in part.replace("**", "").replace("##", "").split("\n"):
                piece = _flat(line.strip(" .,:;()*“”\"'"))
                if sum(len(w) > 1 for w in WORD.findall(piece)) >= 2:
                    pieces.add(piece)
    return tuple(sorted(pieces, key=len, reverse=True))


def english_left(text: str, allow: Iterable[str | None] = ()) -> list[str]:
    """The English found in ``text`` (empty when none), data in ``allow`` set aside."""
    shown = _flat(text)
    allowed = [a for a in allow if a and a.strip()]
    for data in sorted(allowed, key=len, reverse=True):
        shown = re.sub(rf"(?<!\w){re.escape(_flat(data))}(?!\w)", " ", shown)
    found = [f"message: {piece!r}" for piece in english_pieces() if piece in shown]
    words = {w.lower().strip("'’-") for w in WORD.findall(shown)}
    # a word of the data may still show where the data is cut short ("Dispatch and…")
    data_words = {w.lower().strip("'’-") for data in allowed for w in WORD.findall(data)}
    found += [f"word: {w!r}" for w in sorted((words & ENGLISH_WORDS) - data_words)]
    return found
