"""HR Open Standards LER-RS (Learning and Employment Record Resume Standard) JSON.

The mapping, field by field, is in docs/outputs.md. The signed Open Badges 3.0
credentials, and the endorsements of them, are embedded unchanged (proofs included,
so each still verifies on its own) as ``verifications`` of the employment history
or education entry of the experience they come from.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import by_experience
from lerkit.core.outputs.model import ExperienceView, RecordPage, SkillView

LER_RS_TYPE = "http://schema.hropenstandards.org/4.4/recruiting/json/ler-rs/LER-RSType.json"
EDUCATION_AREAS = frozenset({"education", "self-taught"})
RELATIONSHIP_CODES = {"paid-work": "Employee", "volunteering": "Volunteer",
                      "faith": "Volunteer", "fundraising": "Volunteer"}


def _credentials(bundle: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    subject = bundle.get("credentialSubject")
    listed = subject.get("verifiableCredential") if isinstance(subject, dict) else None
    found: dict[str, dict[str, Any]] = {}
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found[item["id"]] = copy.deepcopy(item)
    return found


def _endorsements(bundle: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The bundle's endorsement credentials, by the id of the credential they endorse."""
    found: dict[str, list[dict[str, Any]]] = {}
    listed = bundle.get("endorsement")
    for item in listed if isinstance(listed, list) else []:
        subject = item.get("credentialSubject") if isinstance(item, dict) else None
        target = subject.get("id") if isinstance(subject, dict) else None
        if isinstance(target, str):
            found.setdefault(target, []).append(copy.deepcopy(item))
    return found


def _put(target: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        target[key] = value


def _period(target: dict[str, Any], exp: ExperienceView) -> None:
    _put(target, "start", wording.iso_date(exp.started))
    if exp.ongoing:
        target["current"] = True
    else:
        _put(target, "end", wording.iso_date(exp.ended))


def _history(exp: ExperienceView, verifications: list[dict[str, Any]]
             ) -> tuple[str, dict[str, Any]]:
    entry: dict[str, Any] = {}
    if exp.life_area in EDUCATION_AREAS:
        name = exp.organization or wording.life_area_words(exp.life_area)
        entry["institution"] = {"name": name}
        _put(entry, "programs", [exp.title])
        _period(entry, exp)
        _put(entry, "descriptions", [exp.narrative] if exp.narrative else [])
        _put(entry, "verifications", verifications)
        return "educationAndLearnings", entry
    if exp.organization:
        entry["organization"] = {"tradeName": exp.organization}
    position: dict[str, Any] = {"title": exp.title}
    _put(position, "resourceRelationshipCode", RELATIONSHIP_CODES.get(exp.life_area))
    entry["positionHistories"] = [position]
    _period(entry, exp)
    descriptions = [wording.life_area_words(exp.life_area)]
    if exp.place:
        descriptions.append(f"Place: {exp.place}")
    if exp.narrative:
        descriptions.append(exp.narrative)
    entry["descriptions"] = descriptions
    _put(entry, "verifications", verifications)
    return "employmentHistories", entry


def _skill(skill: SkillView) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": skill.name}
    _put(entry, "description", skill.description)
    comments = [f"{wording.tier_label(skill.tier)}: {wording.tier_sentence(skill.tier)}"]
    level = wording.level_words(skill.proficiency)
    if level:
        comments.insert(0, f"Level: {level}")
    comments += [f"Aligned to {line}" for line in wording.alignment_words(skill)]
    entry["comments"] = comments
    endorsers = []
    for e in skill.endorsements:
        if not e.valid:
            continue
        endorser: dict[str, Any] = {"person": {"name": {"formattedName": e.name}}}
        if e.organization:
            endorser["organization"] = {"name": e.organization}
        endorsers.append(endorser)
    _put(entry, "endorsers", endorsers)
    return entry


def render_ler_rs(page: RecordPage, bundle: Mapping[str, Any]) -> dict[str, Any]:
    """The LER-RS document as a JSON-ready dict."""
    credentials = _credentials(bundle)
    endorsements = _endorsements(bundle)
    doc: dict[str, Any] = {"type": LER_RS_TYPE, "documentId": {"value": page.bundle_id}}
    person: dict[str, Any] = {"id": {"value": page.holder_did}}
    _put(person, "name", {"formattedName": page.person_name} if page.person_name else None)
    doc["person"] = person
    sections: dict[str, list[dict[str, Any]]] = {"employmentHistories": [],
                                                 "educationAndLearnings": []}
    for exp, skills in by_experience(page.skills):
        verifications = [credentials[s.credential_id] for s in skills
                         if s.credential_id in credentials]
        verifications += [e for s in skills for e in endorsements.get(s.credential_id, [])]
        section, entry = _history(exp, verifications)
        sections[section].append(entry)
    for name, entries in sections.items():
        _put(doc, name, entries)
    doc["skills"] = [_skill(skill) for skill in page.skills]
    return doc
