"""A JSON Resume document (jsonresume.org schema v1) for résumé builders and job sites.

Experiences become ``work`` (paid work, service, caregiving and other unpaid work),
``volunteer`` or ``education`` entries with the skills used there as highlights;
each skill becomes a ``skills`` entry; endorsements become ``references``. The
signed bundle is named in ``meta.lerkit`` with its digest and the command that
checks it. Only what the person chose to disclose is there.
"""

from __future__ import annotations

from typing import Any

from lerkit.core.i18n import N_
from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import by_experience
from lerkit.core.outputs.model import ExperienceView, RecordPage, SkillView
from lerkit.core.outputs.wording import say

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
VOLUNTEER_AREAS = frozenset({"volunteering", "faith", "fundraising"})
EDUCATION_AREAS = frozenset({"education", "self-taught"})


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        target[key] = value


def _dates(target: dict[str, Any], exp: ExperienceView) -> None:
    _put(target, "startDate", wording.iso_date(exp.started))
    if not exp.ongoing:
        _put(target, "endDate", wording.iso_date(exp.ended))


def _highlight(skill: SkillView, lang: str) -> str:
    level = wording.level_words(skill.proficiency, lang)
    tier = wording.tier_label(skill.tier, lang).lower()
    return f"{skill.name} ({tier}{'; ' + level.lower() if level else ''})"


def _entry(exp: ExperienceView, skills: list[SkillView], lang: str
           ) -> tuple[str, dict[str, Any]]:
    entry: dict[str, Any] = {}
    highlights = [_highlight(skill, lang) for skill in skills]
    if exp.life_area in EDUCATION_AREAS:
        _put(entry, "institution",
             exp.organization or wording.life_area_words(exp.life_area, lang))
        _put(entry, "area", exp.title)
        _dates(entry, exp)
        _put(entry, "courses", highlights)
        return "education", entry
    if exp.life_area in VOLUNTEER_AREAS:
        _put(entry, "organization", exp.organization)
        _put(entry, "position", exp.title)
        _dates(entry, exp)
        _put(entry, "summary", exp.narrative)
        _put(entry, "highlights", highlights)
        return "volunteer", entry
    _put(entry, "name", exp.organization)
    _put(entry, "location", exp.place)
    _put(entry, "description", wording.life_area_words(exp.life_area, lang))
    _put(entry, "position", exp.title)
    _dates(entry, exp)
    _put(entry, "summary", exp.narrative)
    _put(entry, "highlights", highlights)
    return "work", entry


def _skill(skill: SkillView, lang: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": skill.name}
    _put(entry, "level", wording.level_words(skill.proficiency, lang))
    entry["keywords"] = [skill.area, wording.tier_label(skill.tier, lang),
                         *wording.alignment_words(skill)]
    return entry


def _references(page: RecordPage) -> list[dict[str, str]]:
    found = []
    for skill in page.skills:
        for e in skill.endorsements:
            if not e.valid:
                continue
            about = ", ".join(p for p in (e.relationship, e.organization) if p)
            text = (say(page.language, N_("Endorses “{skill}”: {comment}"), skill=skill.name,
                        comment=e.comment) if e.comment else
                    say(page.language, N_("Endorses “{skill}”."), skill=skill.name))
            found.append({"name": e.name + (f" ({about})" if about else ""), "reference": text})
    return found


def render_json_resume(page: RecordPage) -> dict[str, Any]:
    """The résumé as a JSON-ready dict."""
    sections: dict[str, list[dict[str, Any]]] = {"work": [], "volunteer": [], "education": []}
    for exp, skills in by_experience(page.skills):
        section, entry = _entry(exp, skills, page.language)
        sections[section].append(entry)
    count = len(page.skills)
    basics: dict[str, Any] = {}
    _put(basics, "name", page.person_name)
    basics["summary"] = say(page.language, N_(
        "1 skill from life and work, each a signed Open Badges 3.0 credential. Check the "
        "signed record with: {command}") if count == 1 else N_(
        "{count} skills from life and work, each a signed Open Badges 3.0 credential. Check "
        "the signed record with: {command}"), count=count, command=page.verify_command)
    resume: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    for name, entries in sections.items():
        _put(resume, name, entries)
    resume["skills"] = [_skill(skill, page.language) for skill in page.skills]
    _put(resume, "references", _references(page))
    resume["meta"] = {
        "version": "v1.0.0",
        "lastModified": page.issued,
        "lerkit": {"bundleFile": page.bundle_file, "bundleId": page.bundle_id,
                   "digest": page.digest_uri, "holder": page.holder_did,
                   "verify": page.verify_command},
    }
    _put(resume["meta"]["lerkit"], "attribution", wording.sources_notes(page))
    return resume
