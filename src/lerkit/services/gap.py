"""The gap between a person and one occupation, and what would close it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.occupations import explain, learn
from lerkit.services import jobs, training
from lerkit.services.context import Lerkit

NEAREST = 5  # occupations in the goal set besides the target


@dataclass
class GapReport:
    """Where the person stands against the target, the activities to learn next and the
    programs (from imported catalogues) that would close the most of the gap."""

    standing: jobs.Standing
    gap: explain.Gap
    next_steps: list[learn.NextStep]
    programs: list[learn.ProgramGain] = field(default_factory=list)


def gap_report(ler: Lerkit, person_id: str, target: str) -> GapReport:
    """Coverage of ``target`` (code or title), what is missing, and what to learn next:
    the goal set is the target and the person's :data:`NEAREST` best-fitting others."""
    found = jobs.standing(ler, person_id)
    occupation = jobs.find_occupation(found.index, target)
    others = [f.occupation for f in found.ranked if f.occupation.code != occupation.code]
    reference = next((o for o in others if o.skills), None) if found.profile.skills else None
    result = explain.gap(found.index, found.profile, occupation, reference)
    held = set(found.profile.dwas)
    goal_set = learn.goals(others[:NEAREST], occupation)
    programs = learn.rank_programs(found.index, held, goal_set, training.programs(ler),
                                   jobs.crosswalk())
    return GapReport(found, result, learn.next_steps(found.index, held, goal_set), programs)
