"""The hybrid matcher of one taxonomy: shared words, closeness in meaning, and the bridge.

:class:`Matcher` runs the lexical search (:mod:`.search`), and, when the meaning model is
there, the semantic search (:mod:`.vectors`), fusing both (:mod:`.fusion`). For an
imported taxonomy it also starts from lerkit's own competencies and follows their
crosswalks (:mod:`.bridge`). Without the model it matches by words alone and
:attr:`Matcher.note` says why.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from lerkit.core.matching.bridge import Bridge, merge
from lerkit.core.matching.fusion import DEFAULT_BLEND, Blend, fuse
from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.meaning import StaticModel
from lerkit.core.matching.search import search
from lerkit.core.matching.types import Match
from lerkit.core.matching.vectors import MeaningIndex

POOL = 100  # candidates close in meaning taken before fusing...
WORD_POOL = 30  # ...and candidates from the word matcher


@dataclass
class Matcher:
    """Ranks the competencies of one taxonomy for free text, each with why it matched."""

    lexical: MatchIndex
    meaning: MeaningIndex | None = None
    model: StaticModel | None = None
    note: str = ""
    bridge: Bridge | None = None
    own: Matcher | None = None
    blend: Blend = DEFAULT_BLEND
    pool: int = POOL
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def taxonomy(self) -> str:
        """The taxonomy's name."""
        return self.lexical.taxonomy

    @property
    def by_meaning(self) -> bool:
        """Whether closeness in meaning is part of the match."""
        return self.meaning is not None and self.model is not None

    def _boosted(self, areas: Collection[str]) -> frozenset[int]:
        if not areas or not self.lexical.categories:
            return frozenset()
        key = "areas:" + "|".join(sorted(areas))
        found = self._cache.get(key)
        if found is None:
            chosen = set(areas)
            found = frozenset(n for n, c in enumerate(self.lexical.categories) if c in chosen)
            self._cache[key] = found
        result: frozenset[int] = found
        return result

    def match(self, text: str, top: int = 10, areas: Collection[str] = (),
              min_score: float = 0.0) -> list[Match]:
        """The best ``top`` competencies for ``text``; ``areas`` are taxonomy categories
        of the part of life being asked about, whose competencies count a little more."""
        if top <= 0 or not text.strip():
            return []
        pool = max(top, self.pool)
        boosted = self._boosted(areas)
        found = self._direct(text, pool, boosted)
        if self.bridge is not None and self.own is not None:
            own = self.own.match(text, top=pool, areas=areas)
            found = merge(found, self.bridge.reached(own, self.taxonomy, self._labels()), pool)
        return [m for m in found if m.score >= min_score][:top]

    def _direct(self, text: str, pool: int, boosted: frozenset[int]) -> list[Match]:
        """This taxonomy's own matches for ``text`` (not through the bridge)."""
        words = search(self.lexical, text, top=min(pool, WORD_POOL))
        if self.meaning is not None and self.model is not None:
            number = self._numbers()
            extra = tuple(number[m.competency_id] for m in words if m.competency_id in number)
            near = self.meaning.nearest(self.model.encode_one(text), top=pool, extra=extra,
                                        whole=self.blend.whole)
            found = fuse(taxonomy=self.taxonomy, ids=self.lexical.ids,
                         labels=self.lexical.labels, number=number, lexical=words, near=near,
                         meaning=self.meaning, blend=self.blend, boosted=boosted, top=pool)
            return found
        return self._weighted(words, boosted)

    def _weighted(self, words: list[Match], boosted: frozenset[int]) -> list[Match]:
        """Lexical matches alone, with the areas' boost."""
        if not boosted:
            return words
        number = self._numbers()
        factor = 1.0 + self.blend.area_boost
        out = [
            replace(m, score=round(min(100.0, m.score * factor), 1))
            if number.get(m.competency_id) in boosted else m
            for m in words
        ]
        return sorted(out, key=lambda m: (-m.score, number.get(m.competency_id, 0)))

    def _numbers(self) -> dict[str, int]:
        found = self._cache.get("numbers")
        if found is None:
            found = self._cache["numbers"] = {c: n for n, c in enumerate(self.lexical.ids)}
        result: dict[str, int] = found
        return result

    def _labels(self) -> dict[str, str]:
        found = self._cache.get("labels")
        if found is None:
            found = self._cache["labels"] = dict(zip(self.lexical.ids, self.lexical.labels,
                                                     strict=True))
        result: dict[str, str] = found
        return result

