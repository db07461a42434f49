"""Finding listed words, and children's names, sentence by sentence in one text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lerkit.core.privacy.words import Entry, WordLists, forms, normal

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# a sentence ends at . ! ? (or a line break) followed by space; not after an abbreviation
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "sgt", "lt", "col", "capt", "cpt",
                            "maj", "gen", "jr", "sr", "mt", "ft", "no", "vs", "etc", "rev",
                            "inc", "co", "dept", "approx", "e.g", "i.e", "u.s", "a.m", "p.m"})


@dataclass(frozen=True)
class Hit:
    """A listed word (or a child's name) as written in the text, and its kind."""

    kind: str
    words: str


@dataclass(frozen=True)
class Found:
    """A sentence of a text (``text[start:end]``) and what was found in it."""

    sentence: str
    start: int
    end: int
    hits: tuple[Hit, ...]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` of each sentence, surrounding spaces left out."""
    start = 0
    for match in _END.finditer(text):
        before = text[start:match.start()].split()
        last = before[-1].rstrip(".").casefold() if before else ""
        if match.group().strip() and (last in _ABBREVIATIONS or len(last) == 1):
            continue
        yield from _trimmed(text, start, match.start() + len(match.group().rstrip()))
        start = match.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + len(piece.rstrip())


class Finder:
    """Matches one set of word lists against texts; build it once, use it often."""

    def __init__(self, lists: WordLists) -> None:
        self.lists = lists
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: list[Entry] = []
        for entry in lists.entries:
            first = entry.words[0]
            if first.endswith("*"):
                self._prefix.append(entry)
            else:
                for form in forms(first):
                    self._exact.setdefault(form, []).append(entry)
        relation = "|".join(sorted({re.escape(f) for r in lists.relations
                                    for f in forms(r.casefold())}, key=len, reverse=True))
        describing = "|".join(re.escape(d.casefold()) for d in lists.describing) or "(?!)"
        name = r"[^\W\d_][\w'’-]*"
        kin = rf"(?i:\b(?:my|our)\s+(?:(?:{describing})\s+)*(?:{relation})\b)"
        self._after = re.compile(rf"{kin}\s*,?\s*(?:\(\d{{1,2}}\)\s*,?\s*)?(?P<n1>{name})"
                                 rf"(?:\s*(?:,|and|&)\s*(?P<n2>{name}))?")
        self._before = re.compile(rf"(?<![\w'’-])(?P<n1>{name})\s*,\s*{kin}")

    def child_names(self, text: str) -> set[str]:
        """Names given next to "my son", "our daughter"…: capitalized, not a plain word."""
        found: set[str] = set()
        for pattern in (self._after, self._before):
            for match in pattern.finditer(text):
                for group in ("n1", "n2"):
                    word = match.groupdict().get(group)
                    if word and self._is_name(word):
                        found.add(word.rstrip("'’-").removesuffix("'s").removesuffix("’s"))
        return found

    def _is_name(self, word: str) -> bool:
        return word[0].isupper() and word not in self.lists.not_names and len(word) > 1

    def _hits(self, sentence: str, names: Iterable[str]) -> list[Hit]:
        spans = [(m.group(), normal(m.group())) for m in _TOKEN.finditer(sentence)]
        tokens = [plain for _, plain in spans]
        ignored = {at + k for at in range(len(tokens)) for e in self.lists.ignore
                   if e.matches(tokens, at) for k in range(len(e.words))}
        matched: list[tuple[int, int, str]] = []  # token span and kind
        for at, token in enumerate(tokens):
            for entry in [*self._exact.get(token, []), *self._prefix]:
                end = at + len(entry.words)
                if entry.matches(tokens, at) and not set(range(at, end)) <= ignored:
                    matched.append((at, end, entry.kind))
        hits: dict[tuple[str, str], Hit] = {}
        for at, end, kind in matched:
            if any(a <= at and end <= b and (a, b) != (at, end) for a, b, _ in matched):
                continue  # "fibrosis" inside "cystic fibrosis"
            words = " ".join(word for word, _ in spans[at:end])
            hits.setdefault((kind, words.casefold()), Hit(kind, words))
        written = {word.removesuffix("'s").removesuffix("’s") for word, _ in spans}
        return [*hits.values(), *(Hit(self.lists.child_kind, name)
                                  for name in sorted(names) if name in written)]

    def find(self, text: str, names: Iterable[str] = ()) -> list[Found]:
        """Each sentence of ``text`` that holds a listed word or one of ``names``."""
        names = set(names) | self.child_names(text)
        found = []
        for start, end in sentences(text):
            hits = self._hits(text[start:end], names)
            if hits:
                found.append(Found(text[start:end], start, end, tuple(hits)))
        return found
