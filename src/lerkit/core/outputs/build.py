"""Build the reader's view of a record from what was signed and what verifying it found."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lerkit.core.credentials.badges import EVIDENCE_OMIT_PREFIX, check_omit, credential_id
from lerkit.core.credentials.report import BundleReport, ClaimEntry, EndorsementEntry
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import N_, translate_in
from lerkit.core.outputs.model import (
    AreaView,
    EndorsementView,
    EvidenceView,
    ExperienceView,
    RecordPage,
    SkillView,
)
from lerkit.core.records import ClaimRecord, EvidenceRecord

OTHER_AREA = N_("Other skills")
# Skills within an area: the strongest backing first, then by name.
TIER_ORDER = ("endorsed-accredited", "endorsed-trusted", "endorsed-unknown", "third-party",
              "self-attested")
# The details selective disclosure can leave out; must match badges.OMIT_FIELDS (tested).
HANDLED_OMIT = frozenset({"dates", "organization", "place", "narrative"})


@dataclass(frozen=True)
class PageInput:
    """The plain data a page is made from.

    ``claims`` are exactly the claims that were signed into the bundle and ``omit``
    the details left out of each (claim id -> fields), as given to the signer.
    ``areas`` names each claim's skill area (claim id -> words). ``bundle`` is the
    signed bundle as written, ``report`` what verifying that file found, ``digest``
    the file's SHA-256 (hex) and ``bundle_file`` the name a reader uses for it.
    ``language`` is the record's (the words of the page, whatever the screen speaks).
    """

    person_name: str
    claims: Sequence[ClaimRecord]
    bundle: Mapping[str, Any]
    report: BundleReport
    digest: str
    bundle_file: str
    omit: Mapping[str, frozenset[str]] = field(default_factory=dict)
    areas: Mapping[str, str] = field(default_factory=dict)
    language: str = "en"


def _experience(claim: ClaimRecord, omit: frozenset[str]) -> ExperienceView | None:
    exp = claim.experience
    if exp is None:
        return None
    keep_dates = "dates" not in omit
    return ExperienceView(
        life_area=exp.life_area.value,
        title=exp.title,
        organization="" if "organization" in omit else exp.organization,
        place="" if "place" in omit else exp.place,
        started=exp.started if keep_dates else None,
        ended=exp.ended if keep_dates and not exp.ongoing else None,
        ongoing=exp.ongoing and keep_dates,
        narrative="" if "narrative" in omit else exp.narrative,
        id=exp.id,
    )


def _evidence(item: EvidenceRecord, language: str) -> EvidenceView:
    return EvidenceView(
        kind=item.kind.value,
        name=item.name or item.file_name or item.url or translate_in(language, N_("Note")),
        text=item.narrative,
        url=item.url,
        file_name=item.file_name,
        sha256=item.sha256,
    )


def _endorsement(entry: EndorsementEntry, language: str) -> EndorsementView:
    def text(name: str) -> str:
        value = getattr(entry, name, None)
        return value.strip() if isinstance(value, str) else ""

    return EndorsementView(
        name=(text("endorser_name") or entry.endorser
              or translate_in(language, N_("Unknown endorser"))),
        did=entry.endorser,
        valid=entry.valid,
        relationship=text("relationship"),
        organization=text("organization"),
        comment=text("comment"),
    )


def _skill(claim: ClaimRecord, entry: ClaimEntry, did: str, data: PageInput) -> SkillView:
    omit = check_omit(claim, data.omit.get(claim.id, frozenset()))
    evidence = tuple(
        _evidence(item, data.language) for item in claim.evidence
        if f"{EVIDENCE_OMIT_PREFIX}{item.id}" not in omit
    )
    return SkillView(
        claim_id=claim.id,
        credential_id=credential_id(did, claim.id),
        name=claim.label.removesuffix("."),  # O*NET's activity titles end in a full stop
        area=data.areas.get(claim.id) or translate_in(data.language, OTHER_AREA),
        description=claim.description,
        proficiency=claim.proficiency.value if claim.proficiency is not None else None,
        tier=entry.tier,
        valid=entry.valid,
        taxonomy_code=claim.competency_id,
        framework=claim.framework or claim.taxonomy,
        target_url=claim.target_url,
        alignments=claim.alignments,
        experience=_experience(claim, omit),
        evidence=evidence,
        endorsements=tuple(_endorsement(e, data.language) for e in entry.endorsements),
    )


def skill_order(skill: SkillView) -> tuple[int, str, str]:
    """Strongest backing first, then by name."""
    rank = TIER_ORDER.index(skill.tier) if skill.tier in TIER_ORDER else len(TIER_ORDER)
    return rank, skill.name.casefold(), skill.claim_id


def _area_order(other: str) -> Callable[[tuple[str, list[SkillView]]], tuple[bool, str]]:
    """Areas by name, the skills of no known area (``other``, in words) last."""
    return lambda item: (item[0] == other, item[0].casefold())


def build_page(data: PageInput) -> RecordPage:
    """The reader's view; refuses claims that the verified bundle does not hold."""
    did = data.report.holder
    if not did:
        raise BadInputError("the bundle names no holder; nothing to show")
    entries = {entry.credential_id: entry for entry in data.report.claims}
    grouped: dict[str, list[SkillView]] = {}
    for claim in data.claims:
        entry = entries.pop(credential_id(did, claim.id), None)
        if entry is None:
            raise BadInputError(f"claim {claim.id} is not in the signed bundle")
        skill = _skill(claim, entry, did, data)
        grouped.setdefault(skill.area, []).append(skill)
    if entries:
        raise BadInputError("the signed bundle holds claims that are not in this record")
    issued = data.bundle.get("validFrom")
    return RecordPage(
        person_name=data.person_name,
        holder_did=did,
        bundle_id=data.report.bundle_id or "",
        bundle_file=data.bundle_file,
        digest=data.digest.lower().removeprefix("sha256:"),
        issued=issued if isinstance(issued, str) else "",
        valid=data.report.valid,
        areas=tuple(AreaView(name, tuple(sorted(skills, key=skill_order)))
                    for name, skills in sorted(
                        grouped.items(), key=_area_order(translate_in(data.language, OTHER_AREA)))),
        errors=tuple(data.report.all_errors()),
        language=data.language,
    )
