"""A person's evidence as a list to review, edit and delete (repository functions)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from lerkit.core.errors import NotFoundError
from lerkit.core.i18n import _
from lerkit.storage import audit
from lerkit.storage.tables import Claim, Evidence, Experience


@dataclass(frozen=True)
class EvidenceItem:
    """A piece of evidence with what it stands behind, in words."""

    id: str
    kind: str
    name: str
    narrative: str
    url: str | None
    file_name: str | None
    sha256: str | None
    dated: str | None
    skill: str  # the claim's skill name ("" when it backs a whole experience)
    experience: str  # the experience's title ("" when it backs a loose skill)


def evidence_of(*, session: Session, person_id: str) -> list[EvidenceItem]:
    """A person's evidence, oldest first, each with its skill and experience."""
    rows = session.exec(select(Evidence).where(Evidence.person_id == person_id)
                        .order_by(col(Evidence.created_at), col(Evidence.id))).all()
    claims = {c.id: c for c in session.exec(select(Claim).where(
        Claim.person_id == person_id))}
    titles = {e.id: e.title or e.life_area for e in session.exec(select(Experience).where(
        Experience.person_id == person_id))}
    out = []
    for row in rows:
        claim = claims.get(row.claim_id or "")
        exp_id = row.experience_id or (claim.experience_id if claim else None)
        out.append(EvidenceItem(row.id, row.kind, row.name, row.narrative, row.url,
                                row.file_name, row.sha256, row.dated,
                                claim.label if claim else "", titles.get(exp_id or "", "")))
    return out


def _row(session: Session, evidence_id: str) -> Evidence:
    row = session.get(Evidence, evidence_id)
    if row is None:
        raise NotFoundError(_("no evidence with id {id!r}").format(id=evidence_id))
    return row


def evidence_kind(*, session: Session, evidence_id: str) -> str:
    """The kind of a stored piece of evidence (note, url or file); NotFoundError if none."""
    return _row(session, evidence_id).kind


def update_evidence(*, session: Session, actor: str, evidence_id: str,
                    values: Mapping[str, Any]) -> list[str]:
    """Change some fields of a piece of evidence; returns the fields changed."""
    row = _row(session, evidence_id)
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for key in changed:
        setattr(row, key, values[key])
    if changed:
        session.add(row)
        audit.record(session=session, actor=actor, action="update", entity="evidence",
                     entity_id=row.id, person_id=row.person_id, detail={"fields": changed})
    return changed


def remove_evidence(*, session: Session, actor: str, evidence_id: str) -> None:
    """Delete a piece of evidence; NotFoundError if there is none."""
    row = _row(session, evidence_id)
    session.delete(row)
    audit.record(session=session, actor=actor, action="delete", entity="evidence",
                 entity_id=row.id, person_id=row.person_id)


def experience_owner(*, session: Session, experience_id: str) -> str:
    """The person an experience belongs to; NotFoundError if there is none."""
    row = session.get(Experience, experience_id)
    if row is None:
        raise NotFoundError(_("no experience with id {id!r}").format(id=experience_id))
    return row.person_id
