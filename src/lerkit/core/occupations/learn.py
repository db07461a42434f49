"""What to learn next: the activities, and the programs, that would raise fit most.

The *goal set* is the person's nearest occupations and, if they name one, their target,
which counts :data:`TARGET_WEIGHT` times. The gain of learning something is how much the
fits of the goal set would rise, added up, if the person showed those activities too
(an activity learnt can also turn related activities of its IWA into part credit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lerkit.core.occupations.catalogue import Program
from lerkit.core.occupations.fit import OccupationIndex
from lerkit.core.taxonomy.onet_pack import Occupation

TARGET_WEIGHT = 2.0
NEXT_STEPS = 5


@dataclass(frozen=True)
class Goal:
    """An occupation in the goal set and how much it counts."""

    occupation: Occupation
    weight: float = 1.0


@dataclass(frozen=True)
class NextStep:
    """An activity to learn, the total fit it would add, and where it would count."""

    dwa: str
    title: str
    gain: float
    occupations: tuple[str, ...]  # titles


@dataclass(frozen=True)
class ProgramGain:
    """A program, the fit it would add, and the activities it would add that count."""

    program: Program
    gain: float
    adds: tuple[str, ...]  # DWA titles, the most telling first
    target_fit: float | None = None  # the target's fit after it, if there is a target


def goals(nearest: Iterable[Occupation], target: Occupation | None) -> list[Goal]:
    """The goal set: the target (weighted) and the nearest occupations besides it."""
    found = [Goal(target, TARGET_WEIGHT)] if target is not None else []
    found += [Goal(o) for o in nearest if target is None or o.code != target.code]
    return found


def gain(index: OccupationIndex, held: set[str], more: set[str], goal_set: list[Goal]) -> float:
    """How much the goal set's fits rise (weighted sum) if ``more`` is shown as well."""
    after = held | more
    return sum(g.weight * (index.fit_of(g.occupation, after) - index.fit_of(g.occupation, held))
               for g in goal_set)


def next_steps(index: OccupationIndex, held: set[str], goal_set: list[Goal],
               limit: int = NEXT_STEPS) -> list[NextStep]:
    """The few activities, not yet shown, that would raise the goal set's fit most."""
    candidates = dict.fromkeys(d for g in goal_set for d, _ in g.occupation.dwas
                               if d not in held)
    found = []
    for dwa in candidates:
        total = gain(index, held, {dwa}, goal_set)
        where = tuple(g.occupation.title for g in goal_set
                      if any(d == dwa for d, _ in g.occupation.dwas))
        found.append(NextStep(dwa, index.dwa_title.get(dwa, dwa), total, where))
    found.sort(key=lambda s: (-s.gain, s.title))
    return found[:limit]


def taught(program: Program, index: OccupationIndex,
           crosswalk: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The DWAs a program teaches: its activities, its competencies' crosswalked DWAs and
    every activity of the occupations it prepares for."""
    found = set(program.activities)
    for comp in program.competencies:
        found.update(crosswalk.get(comp, ()))
    for code in program.occupations:
        occ = index.by_code.get(code)
        if occ is not None:
            found.update(d for d, _ in occ.dwas)
    return found


def raised(index: OccupationIndex, held: set[str], more: set[str],
           goal_set: list[Goal]) -> list[str]:
    """The goal set's activities whose credit ``more`` would raise: those it would cover
    in full first, then those it would bring part credit, each by weight."""
    after = held | more
    found: dict[str, tuple[float, float]] = {}
    for g in goal_set:
        before = {c.dwa: c.credit for c in index.credits(g.occupation, held)}
        for c in index.credits(g.occupation, after):
            if c.credit > before[c.dwa]:
                full, weight = found.get(c.dwa, (0.0, 0.0))
                found[c.dwa] = (max(full, c.credit), weight + g.weight * c.weight)
    ordered = sorted(found, key=lambda d: (-found[d][0], -found[d][1], d))
    return [index.dwa_title.get(d, d) for d in ordered]


def rank_programs(index: OccupationIndex, held: set[str], goal_set: list[Goal],
                  programs: list[Program], crosswalk: Mapping[str, tuple[str, ...]],
                  limit: int = NEXT_STEPS) -> list[ProgramGain]:
    """Programs that would close the most of the gap, with what each would add."""
    target = next((g.occupation for g in goal_set if g.weight == TARGET_WEIGHT), None)
    found = []
    for program in programs:
        new = taught(program, index, crosswalk) - held
        total = gain(index, held, new, goal_set)
        if total > 0:
            after = index.fit_of(target, held | new) if target is not None else None
            found.append(ProgramGain(program, total,
                                     tuple(raised(index, held, new, goal_set)), after))
    found.sort(key=lambda p: (-p.gain, p.program.program))
    return found[:limit]
