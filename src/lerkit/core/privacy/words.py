"""The privacy word lists: read from YAML (docs/privacy-check.md) and made ready to match.

An entry is a word or a phrase; each of its words matches that word, its plural and
its ``'s`` form; a word ending in ``*`` matches any word that starts with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_yaml
from lerkit.core.i18n import N_, _
from lerkit.core.resources import packaged

FORMAT = "lerkit-privacy-words/1"
SHIPPED = "privacy-words.yaml"
CHILD = N_("child's name")
# The kinds of the shipped lists, as a person reads them: kept as they are in the
# findings (and ``--json``), translated with ``_()`` where they are shown.
SHIPPED_KINDS = (N_("health"), N_("disability"), N_("religion"), CHILD)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words_of(text: str) -> list[str]:
    """The words of ``text`` in lower case, ``'s`` left off, as the lists are matched."""
    return [normal(m.group()) for m in _WORD.finditer(text)]


def normal(word: str) -> str:
    """One word as it is compared: lower case, straight apostrophe, no ``'s``."""
    plain = word.casefold().replace("’", "'")
    return plain[:-2] if plain.endswith("'s") and len(plain) > 2 else plain


@lru_cache(maxsize=4096)
def forms(word: str) -> frozenset[str]:
    """A listed word and its regular plurals: ``ally`` -> ally, allys, allies."""
    found = {word, word + "s", word + "es"}
    if word.endswith("y"):
        found.add(word[:-1] + "ies")
    return frozenset(found)


@dataclass(frozen=True)
class Entry:
    """One listed word or phrase, of one kind (``health``, ``religion``…)."""

    kind: str
    text: str
    words: tuple[str, ...]

    def matches(self, tokens: Sequence[str], at: int) -> bool:
        """Whether the entry's words are ``tokens`` from position ``at`` on."""
        if at + len(self.words) > len(tokens):
            return False
        for wanted, token in zip(self.words, tokens[at:], strict=False):
            if wanted.endswith("*"):
                if not token.startswith(wanted[:-1]):
                    return False
            elif token not in forms(wanted):
                return False
        return True


@dataclass(frozen=True)
class WordLists:
    """Every entry, the child-name rules and the phrases that cancel a match."""

    entries: tuple[Entry, ...]
    relations: tuple[str, ...]
    describing: tuple[str, ...]
    not_names: frozenset[str]
    ignore: tuple[Entry, ...]
    child_kind: str = CHILD

    @property
    def kinds(self) -> list[str]:
        """The kinds, as listed, then the child-name kind."""
        return [*dict.fromkeys(e.kind for e in self.entries), self.child_kind]


def _entry(kind: str, text: Any, source: str) -> Entry:
    if not isinstance(text, str) or not words_of(text.replace("*", "")):
        raise FileFormatError(source, _("{kind}: {text!r} is not a word or a phrase")
                              .format(kind=kind, text=text))
    words = tuple(words_of(text))
    if text.rstrip().endswith("*"):
        words = (*words[:-1], words[-1] + "*")
    return Entry(kind, text.strip(), words)


def _strings(value: Any, source: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FileFormatError(source, _("{what} must be a list of words").format(what=what))
    return list(value)


def parse_word_lists(data: Any, source: str) -> WordLists:
    """Validate parsed YAML; errors name the file."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise FileFormatError(source, _("not a word list (format: {format} is needed)")
                              .format(format=FORMAT))
    kinds = data.get("kinds")
    if not isinstance(kinds, Mapping) or not kinds:
        raise FileFormatError(source, _("kinds: needs at least one kind with words"))
    entries: list[Entry] = []
    for kind, body in kinds.items():
        words = body.get("words") if isinstance(body, Mapping) else None
        entries += [_entry(str(kind), w, source)
                    for w in _strings(words, source, f"{kind}: words")]
    children = data.get("children") or {}
    if not isinstance(children, Mapping):
        raise FileFormatError(source, _("children: must hold relations and not_names"))
    return WordLists(
        entries=tuple(entries),
        relations=tuple(_strings(children.get("relations", []), source, "relations")),
        describing=tuple(_strings(children.get("describing", []), source, "describing")),
        not_names=frozenset(_strings(children.get("not_names", []), source, "not_names")),
        ignore=tuple(_entry("ignore", w, source)
                     for w in _strings(data.get("ignore", []), source, "ignore")),
        child_kind=str(children.get("kind") or CHILD),
    )


def load_word_lists(path: Path | None = None) -> WordLists:
    """The lists in ``path``, or the ones shipped with lerkit."""
    source = path if path is not None else packaged(SHIPPED)
    return parse_word_lists(read_yaml(source), str(source))
