"""A person's profile of work activities: their skills, placed on O*NET's DWAs.

A skill is placed through its own O*NET id (a claim on an ``onet-dwa`` entry), a
crosswalk (a lerkit competency names a few DWAs), or a military job code: the
crosswalk's competencies for that code, each placed the same way. A skill that names no
DWA cannot be placed and is listed as such. Nothing about who the person is enters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

CLAIM = "claim"
MILITARY = "military"


@dataclass(frozen=True)
class Skill:
    """One of the person's skills: what it is called, how much evidence backs it, the
    DWAs it stands for, and where it comes from (a claim, or a military job code)."""

    key: str
    label: str
    dwas: tuple[str, ...]
    evidence: int = 0
    source: str = CLAIM
    via: str = ""  # for a military skill: the job, in words


@dataclass
class Profile:
    """The skills placed on DWAs, those that could not be, and the occupations the
    person's military jobs commonly lead to (code -> the jobs, in words)."""

    skills: list[Skill] = field(default_factory=list)
    unplaced: list[Skill] = field(default_factory=list)
    leads: dict[str, list[str]] = field(default_factory=dict)

    @property
    def dwas(self) -> dict[str, list[Skill]]:
        """Each DWA the person has shown, with the skills that show it."""
        found: dict[str, list[Skill]] = defaultdict(list)
        for skill in self.skills:
            for dwa in skill.dwas:
                found[dwa].append(skill)
        return dict(found)


def build_profile(skills: list[Skill], known_dwas: set[str],
                  leads: dict[str, list[str]] | None = None) -> Profile:
    """Merge skills with the same key (evidence adds up), keep only DWAs the pack knows,
    and set aside skills left with none."""
    merged: dict[str, Skill] = {}
    for skill in skills:
        dwas = tuple(d for d in dict.fromkeys(skill.dwas) if d in known_dwas)
        old = merged.get(skill.key)
        if old is None:
            merged[skill.key] = Skill(skill.key, skill.label, dwas, skill.evidence,
                                      skill.source, skill.via)
        else:
            merged[skill.key] = Skill(old.key, old.label, old.dwas, old.evidence + skill.evidence,
                                      old.source, old.via)
    profile = Profile(leads=dict(leads or {}))
    for skill in merged.values():
        (profile.skills if skill.dwas else profile.unplaced).append(skill)
    return profile
