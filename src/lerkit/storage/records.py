"""Turning stored rows into the core's plain records (for export and the interview)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, or_, select

from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    LifeArea,
    Proficiency,
)
from lerkit.core.taxonomy.onet_alignment import claim_alignments
from lerkit.storage.tables import Claim, Competency, Evidence, Experience
from lerkit.storage.tables import Taxonomy as TaxonomyRow
from lerkit.storage.taxonomies import texts_in


def experience_record(row: Experience) -> ExperienceRecord:
    """The core record of a stored experience."""
    try:
        area = LifeArea(row.life_area)
    except ValueError:
        area = LifeArea.OTHER
    return ExperienceRecord(
        id=row.id, life_area=area, title=row.title, organization=row.organization,
        place=row.place, started=row.started, ended=row.ended, ongoing=row.ongoing,
        narrative=row.narrative,
    )


def evidence_record(row: Evidence) -> EvidenceRecord:
    """The core record of a stored evidence item."""
    return EvidenceRecord(
        id=row.id, kind=EvidenceKind(row.kind), name=row.name, narrative=row.narrative,
        url=row.url, file_name=row.file_name, media_type=row.media_type, size=row.size,
        sha256=row.sha256,
    )


def experience_notes(*, session: Session, person_id: str
                     ) -> list[tuple[str | None, EvidenceRecord]]:
    """A person's evidence that belongs to an experience rather than a claim, with the
    experience's id."""
    rows = session.exec(select(Evidence).where(
        Evidence.person_id == person_id, col(Evidence.claim_id).is_(None)))
    return [(row.experience_id, evidence_record(row)) for row in rows]


def claim_records(
    *, session: Session, person_id: str, claim_ids: Sequence[str] | None = None,
    status: ClaimStatus | None = ClaimStatus.ACCEPTED, language: str = "en",
) -> list[ClaimRecord]:
    """A person's claims with their experience, evidence and taxonomy entry; with another
    ``language`` than English, each skill's name and description in that language where
    its taxonomy has them (the English ones kept beside them)."""
    query = select(Claim).where(Claim.person_id == person_id)
    if status is not None:
        query = query.where(Claim.status == status.value)
    if claim_ids is not None:
        query = query.where(col(Claim.id).in_(list(claim_ids)))
    claims = list(session.exec(query.order_by(col(Claim.created_at), col(Claim.id))).all())
    exp_ids = {c.experience_id for c in claims if c.experience_id}
    experiences = {
        e.id: experience_record(e)
        for e in session.exec(select(Experience).where(col(Experience.id).in_(exp_ids)))
    }
    claim_set = [c.id for c in claims]
    evidence_rows = session.exec(
        select(Evidence).where(
            Evidence.person_id == person_id,
            or_(col(Evidence.claim_id).in_(claim_set),
                (col(Evidence.claim_id).is_(None)) & col(Evidence.experience_id).in_(exp_ids)),
        ).order_by(col(Evidence.created_at), col(Evidence.id))
    ).all()
    entries: dict[tuple[str, str], Competency] = {}
    for name in {c.taxonomy for c in claims}:
        codes = [c.competency_id for c in claims if c.taxonomy == name]
        for row in session.exec(select(Competency).where(
                Competency.taxonomy == name, col(Competency.code).in_(codes))):
            entries[(name, row.code)] = row
    headers = {name: session.get(TaxonomyRow, name) for name in {c.taxonomy for c in claims}}
    records = []
    for c in claims:
        entry = entries.get((c.taxonomy, c.competency_id))
        tax = headers[c.taxonomy]
        evidence = [
            evidence_record(e) for e in evidence_rows
            if e.claim_id == c.id or (e.claim_id is None and e.experience_id == c.experience_id
                                      and c.experience_id is not None)
        ]
        label, description = c.label, entry.description if entry is not None else ""
        english_label = english_description = ""
        translated = _texts_in(entry, language)
        if entry is not None and translated.get("label"):
            english_label, english_description = entry.label, entry.description
            label = str(translated["label"])
            description = str(translated.get("description") or description)
        records.append(ClaimRecord(
            id=c.id, taxonomy=c.taxonomy, competency_id=c.competency_id, label=label,
            description=description, english_label=english_label,
            english_description=english_description,
            status=ClaimStatus(c.status),
            proficiency=Proficiency(c.proficiency) if c.proficiency else None,
            experience=experiences.get(c.experience_id) if c.experience_id else None,
            evidence=evidence,
            target_url=_target_url(entry, tax, c.competency_id, c.taxonomy),
            framework=(tax.framework or tax.title) if tax is not None else c.taxonomy,
            alignments=claim_alignments(c.taxonomy, c.competency_id,
                                        dict(entry.crosswalk) if entry is not None else {}),
        ))
    return records


def _texts_in(entry: Competency | None, language: str) -> dict[str, object]:
    """The entry's texts in ``language`` (kept by the taxonomy store), if any."""
    found = texts_in(entry.attributes, language) if entry is not None else None
    return found if isinstance(found, dict) else {}


def _target_url(entry: Competency | None, tax: TaxonomyRow | None, code: str, name: str) -> str:
    if entry is not None and entry.url:
        return entry.url
    if code.startswith(("http://", "https://", "urn:")):
        return code
    if tax is not None and tax.base_url:
        return tax.base_url.rstrip("/") + "/" + code
    return f"urn:lerkit:taxonomy:{name}:{code}"
