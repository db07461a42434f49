"""Experiences with the skills used in them, most recent first (as résumés list them)."""

from __future__ import annotations

from collections.abc import Iterable

from lerkit.core.outputs.build import skill_order
from lerkit.core.outputs.model import EvidenceView, ExperienceView, RecordPage, SkillView
from lerkit.core.outputs.wording import iso_date


def _recency(item: tuple[ExperienceView, list[SkillView]]) -> tuple[bool, str]:
    exp = item[0]
    return exp.ongoing, iso_date(exp.ended) or iso_date(exp.started) or ""


def by_experience(skills: Iterable[SkillView]) -> list[tuple[ExperienceView, list[SkillView]]]:
    """Each experience (as disclosed) with its skills; ongoing, then latest, first."""
    found: dict[ExperienceView, list[SkillView]] = {}
    for skill in skills:
        if skill.experience is not None:
            found.setdefault(skill.experience, []).append(skill)
    return sorted(found.items(), key=_recency, reverse=True)


def page_sections(page: RecordPage
                  ) -> tuple[list[tuple[ExperienceView, list[SkillView]]], list[SkillView]]:
    """What the page and the Markdown show: each experience once, with its skills
    (strongest backing first), and the skills tied to no experience."""
    experiences = [(exp, sorted(skills, key=skill_order))
                   for exp, skills in by_experience(page.skills)]
    loose = sorted((s for s in page.skills if s.experience is None), key=skill_order)
    return experiences, loose


def shared_evidence(skills: list[SkillView]) -> tuple[EvidenceView, ...]:
    """Evidence that every one of several skills shows (an experience's own notes), to be
    shown once with the experience rather than under each skill."""
    if len(skills) < 2:
        return ()
    return tuple(item for item in dict.fromkeys(skills[0].evidence)
                 if all(item in skill.evidence for skill in skills[1:]))


def at_a_glance(skills: Iterable[SkillView]) -> list[SkillView]:
    """An area's skills for the list at a glance: a skill claimed for two experiences (a
    job and the service) is named once, at the strongest backing it has."""
    kept: dict[str, SkillView] = {}
    for skill in skills:  # strongest backing first (see build.skill_order)
        kept.setdefault(skill.name.casefold(), skill)
    return list(kept.values())
