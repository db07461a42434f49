"""Ranking metrics as the eval README defines them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Scores:
    """recall@1, recall@5, hit@1, hit@5 and MRR (over the top 100), averaged over cases."""

    n: int = 0
    r1: float = 0.0
    r5: float = 0.0
    hit1: float = 0.0
    hit5: float = 0.0
    mrr: float = 0.0

    def add(self, ranked: Sequence[str], gold: Sequence[str]) -> None:
        """Score one case: ``ranked`` ids best first, ``gold`` the correct ids."""
        wanted = set(gold)
        top1, top5 = set(ranked[:1]), set(ranked[:5])
        self.n += 1
        self.r1 += len(wanted & top1) / len(wanted)
        self.r5 += len(wanted & top5) / len(wanted)
        self.hit1 += 1.0 if wanted & top1 else 0.0
        self.hit5 += 1.0 if wanted & top5 else 0.0
        for rank, found in enumerate(ranked[:100], start=1):
            if found in wanted:
                self.mrr += 1.0 / rank
                break

    def mean(self) -> dict[str, float]:
        """The averages."""
        n = max(self.n, 1)
        return {
            "R@1": self.r1 / n,
            "R@5": self.r5 / n,
            "hit@1": self.hit1 / n,
            "hit@5": self.hit5 / n,
            "MRR": self.mrr / n,
        }


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]
