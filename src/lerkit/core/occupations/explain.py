"""Why an occupation fits, and what is missing: in the person's own skills' words.

- :func:`reasons`: the person's skills that cover an occupation's work activities, each
  with its evidence count and the activities it covers, the most weight first.
- :func:`gap`: the activities covered (by which skills), those only related through a
  shared IWA, the missing ones by centrality, skill-level gaps where O*NET rates skills,
  and the technology examples O*NET lists for the occupation.

Skill levels: the person's record says nothing of O*NET's 0-7 skill levels, so the levels
an occupation needs are compared with those of the occupation the person fits best (the
*reference*): a skill the target rates important (importance at least
:data:`IMPORTANT`) that it needs at least :data:`STEP` higher is a gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.occupations.fit import OccupationIndex
from lerkit.core.occupations.profile import Profile, Skill
from lerkit.core.taxonomy.onet_pack import Occupation

IMPORTANT = 3.0  # O*NET importance, 1-5
STEP = 0.5  # O*NET level, 0-7


@dataclass(frozen=True)
class Reason:
    """One of the person's skills and the occupation's activities it covers."""

    skill: Skill
    activities: tuple[str, ...]  # DWA titles
    weight: float  # the share of the occupation's work they make up


@dataclass(frozen=True)
class Activity:
    """An activity of the occupation: id, title, weight, and how it is covered."""

    dwa: str
    title: str
    weight: float
    by: tuple[str, ...] = ()  # the skills (shown) or the related activities (related)


@dataclass(frozen=True)
class SkillGap:
    """A skill the occupation rates important, the level it needs and the reference's."""

    skill: str
    name: str
    importance: float
    level: float
    reference_level: float | None


@dataclass
class Gap:
    """Where a person stands against one occupation (see the module docstring)."""

    occupation: Occupation
    fit: float
    shown: list[Activity] = field(default_factory=list)
    related: list[Activity] = field(default_factory=list)
    missing: list[Activity] = field(default_factory=list)
    skill_gaps: list[SkillGap] = field(default_factory=list)
    reference: Occupation | None = None


def reasons(index: OccupationIndex, profile: Profile, occupation: Occupation) -> list[Reason]:
    """The person's skills that cover the occupation's activities, most weight first."""
    weights = dict(occupation.dwas)
    found = []
    for skill in profile.skills:
        mine = [d for d in skill.dwas if d in weights]
        if mine:
            found.append(Reason(skill, tuple(index.dwa_title.get(d, d) for d in mine),
                                sum(weights[d] for d in mine)))
    found.sort(key=lambda r: (-r.weight, -r.skill.evidence, r.skill.label))
    return found


def gap(index: OccupationIndex, profile: Profile, occupation: Occupation,
        reference: Occupation | None = None) -> Gap:
    """Covered, related and missing activities and skill-level gaps for ``occupation``."""
    held = profile.dwas
    by_iwa: dict[str, list[str]] = {}
    for dwa in held:
        by_iwa.setdefault(index.iwa_of.get(dwa, ""), []).append(index.dwa_title.get(dwa, dwa))
    credits = index.credits(occupation, set(held))
    result = Gap(occupation, min(1.0, sum(c.weight * c.credit for c in credits)),
                 reference=reference)
    for c in credits:
        title = index.dwa_title.get(c.dwa, c.dwa)
        if c.credit >= 1:
            labels = tuple(dict.fromkeys(s.label for s in held[c.dwa]))
            result.shown.append(Activity(c.dwa, title, c.weight, labels))
        elif c.credit > 0:
            related = tuple(by_iwa.get(index.iwa_of.get(c.dwa, ""), []))
            result.related.append(Activity(c.dwa, title, c.weight, related))
        else:
            result.missing.append(Activity(c.dwa, title, c.weight))
    result.skill_gaps = skill_gaps(occupation, reference, index)
    return result


def skill_gaps(occupation: Occupation, reference: Occupation | None,
               index: OccupationIndex) -> list[SkillGap]:
    """Important skills of ``occupation`` needed at a higher level than ``reference``
    needs them (all important skills when there is no reference), biggest step first."""
    names = {s.id: s.title for s in index.pack.skills}
    theirs = {s: level for s, _imp, level in reference.skills} if reference else {}
    found = []
    for skill, importance, level in occupation.skills:
        if importance < IMPORTANT:
            continue
        before = theirs.get(skill) if reference else None
        if before is not None and level - before < STEP:
            continue
        found.append(SkillGap(skill, names.get(skill, skill), importance, level, before))
    found.sort(key=lambda g: (-(g.level - (g.reference_level or 0.0)) * g.importance, g.name))
    return found
