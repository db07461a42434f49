"""Experiences with the skills used in them, most recent first (as résumés list them)."""

from __future__ import annotations

from collections.abc import Iterable

from lerkit.core.outputs.model import ExperienceView, SkillView
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
