"""The default search: lerkit's own competencies and other taxonomies in one ranked list.

lerkit's taxonomy describes everyday lives in everyday words; O*NET's Detailed Work
Activities (shipped with lerkit) and any taxonomy a coach adds to the default search
cover the work of every occupation in the words employers' systems use. Each is matched
on its own (:class:`~lerkit.core.matching.hybrid.Matcher`) and the results are merged by
score; every match keeps its taxonomy, so the list shows where each suggestion comes from.

An entry that a lerkit competency higher in the list already crosswalks to is folded into
it: accepting the lerkit competency aligns the claim to that entry, so the list does not
offer the same skill twice and keeps room for what else the person said. A suggestion
that only repeats words a higher one of another area already took gives way
(:func:`~lerkit.core.matching.shortlist.one_sense`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.shortlist import one_sense
from lerkit.core.matching.types import Match

POOL = 20


@dataclass
class MergedSearch:
    """lerkit's matcher (``own``) and the other default taxonomies' matchers."""

    own: Matcher
    others: list[Matcher] = field(default_factory=list)
    crosswalks: Mapping[str, Collection[str]] = field(default_factory=dict)

    @property
    def taxonomies(self) -> list[str]:
        """The names of the taxonomies searched, lerkit's first."""
        return [self.own.taxonomy, *(m.taxonomy for m in self.others)]

    @property
    def by_meaning(self) -> bool:
        """Whether closeness in meaning is part of the match."""
        return self.own.by_meaning

    @property
    def note(self) -> str:
        """Why matching is by words only ("" when meaning is on)."""
        return self.own.note

    def notice(self, text: str, language: str | None = None) -> str:
        """What to tell the person about how ``text`` is matched ("" when nothing)."""
        return self.own.notice(text, language=language)

    def match(self, text: str, top: int = 10, areas: Collection[str] = (),
              min_score: float = 0.0, language: str | None = None) -> list[Match]:
        """The best ``top`` suggestions from every taxonomy searched, best first;
        ``language`` is the one the person speaks (None: the one spoken now)."""
        if top <= 0 or not text.strip():
            return []
        pool = max(top * 2, POOL)
        spanish = self.own.reads_spanish(text, language)
        found = self.own.match(text, top=pool, areas=areas, min_score=min_score,
                               spanish=spanish)
        for matcher in self.others:
            found += matcher.match(text, top=pool, min_score=min_score, spanish=spanish)
        found.sort(key=lambda m: (-m.score, m.taxonomy != self.own.taxonomy, m.competency_id))
        kept: list[Match] = []
        covered: set[str] = set()
        for m in found:
            if m.taxonomy != self.own.taxonomy and m.competency_id in covered:
                continue
            kept.append(m)
            if m.taxonomy == self.own.taxonomy:
                covered.update(self.crosswalks.get(m.competency_id, ()))
        return one_sense(kept, self._area)[:top]

    def _area(self, match: Match) -> str:
        """The area a suggestion belongs to: its category in lerkit's taxonomy, else its
        taxonomy."""
        if match.taxonomy != self.own.taxonomy:
            return match.taxonomy
        categories = self.own.categories()
        return categories.get(match.competency_id, "") or match.taxonomy
