"""One rule, used wherever suggestions from several lookups meet: the best match per
competency (the highest score; ties go to the lower competency id), best first."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from lerkit.core.matching.types import Match

T = TypeVar("T")


def _identity(match: Match) -> Match:
    return match


def best_per_competency(items: Iterable[T], match: Callable[[T], Match]) -> list[T]:
    """One item per competency (taxonomy and id): the one whose match scores highest,
    the earliest among equals; best first, ties by taxonomy and competency id."""
    best: dict[tuple[str, str], tuple[T, Match]] = {}
    for item in items:
        m = match(item)
        key = (m.taxonomy, m.competency_id)
        if key not in best or m.score > best[key][1].score:
            best[key] = (item, m)
    ranked = sorted(best.values(), key=lambda p: (-p[1].score, p[1].taxonomy,
                                                   p[1].competency_id))
    return [item for item, _ in ranked]


def best_matches(matches: Iterable[Match], top: int | None = None) -> list[Match]:
    """The best match per competency, best first (the first ``top`` if given)."""
    ranked = best_per_competency(matches, _identity)
    return ranked if top is None else ranked[:top]
