"""Stage one of a query: candidate entries from the inverted index, scored and ranked.

An entry (a label, alternative label, phrasing or description of a competency) scores
by how much of *its* weight the input covers (a short label fully present counts) and
how much of the *input's* weight it explains (a long label that says what the person
said counts more), combined as a weighted F-measure whose balance depends on how much
the person said. A competency takes its best entry's score, plus a little from its
second-best entry and from its description.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from lerkit.core.matching.index import MatchIndex

POSTINGS_HEAD = 250
BETA2_K = 2.5  # F-measure beta squared = K / number of distinct terms in the input,
BETA2_MIN = 0.15  # within these bounds: the more the person said, the less of it one
BETA2_MAX = 0.75  # competency has to explain
KIND_WEIGHT = (1.0, 0.97, 0.95, 0.0)  # label, alt label, phrasing, description
DESCRIPTION = 3
SUPPORT = 0.1  # share of the second-best entry's score added to the best
DESCRIBED = 0.15  # share of the input the description explains, added
DESCRIPTION_ONLY = 0.45  # score factor when only the description matched
PRUNE_AFTER = 300  # matched entries beyond which the cheap bar is worth computing


@dataclass(frozen=True, slots=True)
class Scored:
    """A competency's stage-one score and the entry that earned it."""

    score: float  # best entry's score plus the bonus
    bonus: float  # from the competency's other entries and description
    comp: int
    entry: int


def f_measure(covered: float, explained: float, beta2: float) -> float:
    """Weighted harmonic mean of entry coverage and input coverage (0 if either is 0)."""
    if covered <= 0.0 or explained <= 0.0:
        return 0.0
    return (1.0 + beta2) * covered * explained / (beta2 * covered + explained)


def beta2_for(distinct_terms: int) -> float:
    """Short inputs must be explained as much as the label covers; long ones less."""
    return min(BETA2_MAX, max(BETA2_MIN, BETA2_K / max(distinct_terms, 1)))


def _accumulate(index: MatchIndex, weights: dict[int, float]) -> dict[int, float]:
    """Matched weight per entry.

    Postings are sorted shortest entry first. A term's first ``POSTINGS_HEAD`` entries
    become candidates (on this term alone they outscore the longer ones); the rest of a
    long postings list only adds to entries that are candidates already, through a set
    intersection -- so a common word like "manage" never costs a walk over thousands.
    """
    acc: dict[int, float] = {}
    get = acc.get
    tail: list[tuple[int, float]] = []
    for term, w in weights.items():
        postings = index.postings(term)
        head = postings if len(postings) <= POSTINGS_HEAD else postings[:POSTINGS_HEAD]
        for entry in head:
            acc[entry] = get(entry, 0.0) + w
        if len(postings) > POSTINGS_HEAD:
            tail.append((term, w))
    for term, w in tail:
        for entry in acc.keys() & set(index.postings(term)[POSTINGS_HEAD:]):
            acc[entry] += w
    return acc


def _cutoff(total: float, beta2: float, threshold: float) -> float:
    """The least matched weight with which an entry could still reach ``threshold``."""
    needed = (threshold - DESCRIBED) / (1.0 + SUPPORT)  # best score with full support
    if needed <= 0.0:
        return 0.0
    if needed >= 1.0 + beta2:
        return total
    return total * needed * beta2 / (1.0 + beta2 - needed)


def rank(
    index: MatchIndex, weights: dict[int, float], total: float, beta2: float, keep: int
) -> list[Scored]:
    """The ``keep`` best competencies: best entry, plus support from other entries.

    The entries that matched most are scored first; their ``keep``-th best competency
    sets a bar, and entries whose matched weight cannot reach it are skipped.
    """
    acc = _accumulate(index, weights)
    kinds = index.entry_kind
    cut = 0.0
    if len(acc) > PRUNE_AFTER:
        first = heapq.nlargest(keep * 4, acc.items(), key=itemgetter(1))
        bar = _combine(index, first, total, beta2, keep)
        if len(bar) >= keep:
            cut = _cutoff(total, beta2, bar[-1].score)
    items = (
        acc.items()
        if cut <= 0.0
        else [(e, m) for e, m in acc.items() if m >= cut or kinds[e] == DESCRIPTION]
    )
    return _combine(index, items, total, beta2, keep)


def _combine(
    index: MatchIndex, items: Iterable[tuple[int, float]], total: float, beta2: float, keep: int
) -> list[Scored]:
    best: dict[int, tuple[float, int]] = {}
    second: dict[int, float] = {}
    described: dict[int, tuple[float, int]] = {}
    norms, kinds, comps = index.entry_norm, index.entry_kind, index.entry_comp
    top_up = 1.0 + beta2
    for entry, matched in items:
        kind = kinds[entry]
        comp = comps[entry]
        explained = matched / total
        if kind == DESCRIPTION:
            if explained > described.get(comp, (0.0, -1))[0]:
                described[comp] = (explained, entry)
            continue
        covered = matched / norms[entry]
        if covered > 1.0:
            covered = 1.0
        score = top_up * covered * explained / (beta2 * covered + explained) * KIND_WEIGHT[kind]
        current = best.get(comp)
        if current is None:
            best[comp] = (score, entry)
        elif score > current[0]:
            best[comp] = (score, entry)
            if current[0] > second.get(comp, 0.0):
                second[comp] = current[0]
        elif score > second.get(comp, 0.0):
            second[comp] = score
    bonus = {
        c: SUPPORT * second.get(c, 0.0) + DESCRIBED * described.get(c, (0.0, -1))[0] for c in best
    }
    ranked = [(s + bonus[c], -c, e) for c, (s, e) in best.items()]
    ranked += [(DESCRIPTION_ONLY * d, -c, e) for c, (d, e) in described.items() if c not in best]
    return [Scored(s, bonus.get(-c, 0.0), -c, e) for s, c, e in heapq.nlargest(keep, ranked)]
