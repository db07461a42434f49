"""HR Open Standards LER-RS (Learning and Employment Record Resume Standard) JSON.

Written to the HR Open ``LER-RSType`` schema (4.4, draft-04; the published copy ships in
``lerkit/data/schemas`` and tests validate every document against it). The mapping,
field by field, is in docs/outputs.md:

- each experience becomes an ``employmentHistories`` entry (an ``organization`` is
  required there) or, for education and self-study, an ``educationAndLearnings`` entry
  (an ``institution`` is required); dates go in ``start`` / ``end`` or ``current``;
- the signed Open Badges 3.0 credentials of its skills, and the endorsements of them,
  go unchanged (proofs included, so each still verifies on its own) into that entry's
  ``verifications``, each in the LER-RS shape ``{"otherW3CVerifiableCredential": ...}``;
- every skill is a ``skills`` entry with its level, tier, alignment and endorsers.

Only properties the schema defines are written; the holder's DID is in every embedded
credential (``credentialSubject.id``), as LER-RS has no place for it on ``person``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lerkit.core.i18n import N_, translate_in
from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import by_experience
from lerkit.core.outputs.model import ExperienceView, RecordPage, SkillView

LER_RS_TYPE = "http://schema.hropenstandards.org/4.4/recruiting/json/ler-rs/LER-RSType.json"
EDUCATION_AREAS = frozenset({"education", "self-taught"})
# HR Open WorkRelationshipTypeCodeList (ResourceRelationshipCodeList is deprecated)
WORK_RELATIONSHIPS = {"paid-work": "Employment", "volunteering": "Volunteering",
                      "faith": "Volunteering", "fundraising": "Volunteering"}
NOT_STATED = N_("Not stated")


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
    """``start``, and ``end`` or ``current`` (BaseHistoryType)."""
    _put(target, "start", wording.iso_date(exp.started))
    if exp.ongoing:
        target["current"] = True
    else:
        _put(target, "end", wording.iso_date(exp.ended))


def _organization(name: str, language: str) -> dict[str, Any]:
    """An HR Open OrganizationType; it names an organization by ``tradeName``."""
    return {"tradeName": name or translate_in(language, NOT_STATED)}


def _history(exp: ExperienceView, verifications: list[dict[str, Any]], language: str
             ) -> tuple[str, dict[str, Any]]:
    entry: dict[str, Any] = {}
    if exp.life_area in EDUCATION_AREAS:
        entry["institution"] = _organization(
            exp.organization or wording.life_area_words(exp.life_area, language), language)
        _put(entry, "programs", [exp.title])
        _period(entry, exp)
        if exp.ongoing:
            entry["currentlyAttendingIndicator"] = True
        _put(entry, "descriptions", [exp.narrative] if exp.narrative else [])
        _put(entry, "verifications", verifications)
        return "educationAndLearnings", entry
    entry["organization"] = _organization(exp.organization, language)
    position: dict[str, Any] = {"title": exp.title}
    _put(position, "workRelationshipTypeCode", WORK_RELATIONSHIPS.get(exp.life_area))
    _period(position, exp)
    entry["positionHistories"] = [position]
    _period(entry, exp)
    descriptions = [wording.life_area_words(exp.life_area, language)]
    if exp.place:
        descriptions.append(wording.say(language, N_("Place: {place}"), place=exp.place))
    if exp.narrative:
        descriptions.append(exp.narrative)
    entry["descriptions"] = descriptions
    _put(entry, "verifications", verifications)
    return "employmentHistories", entry


def _endorser(name: str, relationship: str, organization: str) -> dict[str, Any]:
    """An HR Open EndorserType: a person (exactly one of person or organization)."""
    endorser: dict[str, Any] = {"person": {"name": {"formattedName": name}}}
    about = ", ".join(part for part in (relationship, organization) if part)
    _put(endorser, "comments", [about] if about else [])
    return endorser


def _skill(skill: SkillView, language: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": skill.name}
    _put(entry, "description", skill.description)
    if skill.target_url:
        reference: dict[str, Any] = {"reference": skill.target_url}
        _put(reference, "scheme", skill.framework)
        entry["definitionReference"] = reference
    comments = [f"{wording.tier_label(skill.tier, language)}: "
                f"{wording.tier_sentence(skill.tier, language)}"]
    level = wording.level_words(skill.proficiency, language)
    if level:
        comments.insert(0, wording.say(language, N_("Level: {level}"), level=level))
    comments += [wording.say(language, N_("Aligned to {entry}"), entry=line)
                 for line in wording.alignment_words(skill)]
    entry["comments"] = comments
    _put(entry, "endorsers", [_endorser(e.name, e.relationship, e.organization)
                              for e in skill.endorsements if e.valid])
    return entry


def _verification(credential: dict[str, Any]) -> dict[str, Any]:
    """An LER-RS verification holding a W3C Verifiable Credential as it was signed."""
    return {"otherW3CVerifiableCredential": credential}


def render_ler_rs(page: RecordPage, bundle: Mapping[str, Any]) -> dict[str, Any]:
    """The LER-RS document as a JSON-ready dict."""
    credentials = _credentials(bundle)
    endorsements = _endorsements(bundle)
    doc: dict[str, Any] = {"type": LER_RS_TYPE}
    _put(doc, "documentId", {"value": page.bundle_id} if page.bundle_id else None)
    person: dict[str, Any] = {}
    _put(person, "name", {"formattedName": page.person_name} if page.person_name else None)
    _put(doc, "person", person)
    sections: dict[str, list[dict[str, Any]]] = {"employmentHistories": [],
                                                 "educationAndLearnings": []}
    for exp, skills in by_experience(page.skills):
        signed = [credentials[s.credential_id] for s in skills if s.credential_id in credentials]
        signed += [e for s in skills for e in endorsements.get(s.credential_id, [])]
        section, entry = _history(exp, [_verification(item) for item in signed], page.language)
        sections[section].append(entry)
    for name, entries in sections.items():
        _put(doc, name, entries)
    _put(doc, "skills", [_skill(skill, page.language) for skill in page.skills])
    return doc
