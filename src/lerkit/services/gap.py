"""The gap between a person and one occupation, and what would close it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from lerkit.core.occupations import explain, learn
from lerkit.core.occupations.profile import CLAIM, Profile, Skill
from lerkit.core.taxonomy.onet_pack import Occupation
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


def find_target(ler: Lerkit, target: str) -> Occupation:
    """The occupation ``target`` names (an O*NET-SOC code or words of its title);
    NotFoundError or BadInputError (exit 2) if it names none or several."""
    return jobs.find_occupation(jobs.occupation_index(ler), target)


def _only(found: jobs.Standing, keys: Collection[str]) -> jobs.Standing:
    """The standing from the person's claims named in ``keys`` alone."""
    def keep(skills: list[Skill]) -> list[Skill]:
        return [s for s in skills if s.source == CLAIM and s.key in keys]

    profile = Profile(keep(found.profile.skills), keep(found.profile.unplaced))
    return jobs.Standing(found.person_id, found.name, profile,
                         found.index.rank(set(profile.dwas)), found.index)


def gap_report(ler: Lerkit, person_id: str, target: str, *,
               claims: Collection[str] | None = None) -> GapReport:
    """Coverage of ``target`` (code or title), what is missing, and what to learn next:
    the goal set is the target and the person's :data:`NEAREST` best-fitting others.

    ``claims`` (``taxonomy:competency`` keys) limits the skills counted to those claims,
    as a record made of some of them shows (military-code skills, not claims, are left
    out then)."""
    found = jobs.standing(ler, person_id)
    if claims is not None:
        found = _only(found, frozenset(claims))
    occupation = jobs.find_occupation(found.index, target)
    others = [f.occupation for f in found.ranked if f.occupation.code != occupation.code]
    reference = next((o for o in others if o.skills), None) if found.profile.skills else None
    result = explain.gap(found.index, found.profile, occupation, reference)
    held = set(found.profile.dwas)
    goal_set = learn.goals(others[:NEAREST], occupation)
    programs = learn.rank_programs(found.index, held, goal_set, training.programs(ler),
                                   jobs.crosswalk())
    return GapReport(found, result, learn.next_steps(found.index, held, goal_set), programs)
