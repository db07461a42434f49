"""Experiences, claims and evidence: the pieces of a person's record, with audit."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.records import ClaimStatus, EvidenceKind, ExperienceRecord, Proficiency
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage.tables import Claim, Evidence, Experience, utcnow

FILE_LIMIT = 512 * 1024 * 1024
_EXPERIENCE_FIELDS = ("life_area", "title", "organization", "place", "started", "ended",
                      "ongoing", "narrative")


def _log(session: Session, ler: Lerkit, action: str, entity: str, entity_id: str,
         person_id: str, fields: list[str] | None = None) -> None:
    audit.record(session=session, actor=ler.actor, action=action, entity=entity,
                 entity_id=entity_id, person_id=person_id,
                 detail={"fields": fields} if fields else None)


def save_experience(session: Session, ler: Lerkit, person_id: str,
                    record: ExperienceRecord) -> Experience:
    """Insert or update an experience from its core record, in the caller's transaction."""
    row = session.get(Experience, record.id) if record.id else None
    values: dict[str, Any] = {
        "life_area": record.life_area.value, "title": record.title[:300],
        "organization": record.organization[:300], "place": record.place[:300],
        "started": record.started, "ended": None if record.ongoing else record.ended,
        "ongoing": record.ongoing, "narrative": record.narrative,
    }
    if row is None:
        row = Experience(person_id=person_id, **values)
        if record.id:
            row.id = record.id
        action, changed = "create", list(_EXPERIENCE_FIELDS)
    else:
        if row.person_id != person_id:
            raise BadInputError(f"experience {record.id} belongs to someone else")
        changed = [k for k, v in values.items() if getattr(row, k) != v]
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        action = "update"
    session.add(row)
    session.flush()
    if changed:
        _log(session, ler, action, "experience", row.id, person_id, changed)
    return row


def add_experience(ler: Lerkit, person_id: str, record: ExperienceRecord) -> str:
    """Store a new experience; returns its id."""
    with ler.transaction() as session:
        return save_experience(session, ler, person_id, record).id


def suggest_claim(session: Session, ler: Lerkit, person_id: str, experience_id: str | None,
                  taxonomy: str, competency_id: str, label: str, score: float | None = None,
                  why: str = "", status: ClaimStatus = ClaimStatus.SUGGESTED) -> Claim:
    """Add a claim, or return the existing one for the same experience and competency."""
    row = session.exec(select(Claim).where(
        Claim.person_id == person_id, Claim.experience_id == experience_id,
        Claim.taxonomy == taxonomy, Claim.competency_id == competency_id)).first()
    if row is None:
        row = Claim(person_id=person_id, experience_id=experience_id, taxonomy=taxonomy,
                    competency_id=competency_id, label=label[:300], score=score, why=why,
                    status=status.value)
        session.add(row)
        session.flush()
        _log(session, ler, "create", "claim", row.id, person_id, ["status"])
    elif status != ClaimStatus.SUGGESTED and row.status != status.value:
        row.status = status.value
        row.updated_at = utcnow()
        session.add(row)
        _log(session, ler, "update", "claim", row.id, person_id, ["status"])
    return row


def _claim(session: Session, claim_id: str) -> Claim:
    row = session.get(Claim, claim_id)
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id!r}")
    return row


def set_claim(ler: Lerkit, claim_id: str, *, status: ClaimStatus | None = None,
              proficiency: Proficiency | None = None) -> None:
    """Accept or reject a claim, or set its proficiency."""
    with ler.transaction() as session:
        row = _claim(session, claim_id)
        changed: list[str] = []
        if status is not None and row.status != status.value:
            row.status, changed = status.value, [*changed, "status"]
        if proficiency is not None and row.proficiency != proficiency.value:
            row.proficiency, changed = proficiency.value, [*changed, "proficiency"]
        if changed:
            row.updated_at = utcnow()
            session.add(row)
            _log(session, ler, "update", "claim", row.id, row.person_id, changed)


def _owner(session: Session, claim_id: str | None, experience_id: str | None
           ) -> tuple[str, str | None]:
    if claim_id is not None:
        claim = _claim(session, claim_id)
        return claim.person_id, claim.experience_id
    if experience_id is not None:
        exp = session.get(Experience, experience_id)
        if exp is None:
            raise NotFoundError(f"no experience with id {experience_id!r}")
        return exp.person_id, exp.id
    raise BadInputError("evidence belongs to a claim or an experience")


def add_evidence(ler: Lerkit, *, kind: EvidenceKind, claim_id: str | None = None,
                 experience_id: str | None = None, name: str = "", narrative: str = "",
                 url: str | None = None, file: Path | None = None) -> str:
    """Record a note, a link, or a file (hashed with SHA-256 now); returns its id."""
    values: dict[str, object] = {"name": name[:300], "narrative": narrative}
    if kind == EvidenceKind.URL:
        if not url or "://" not in url:
            raise BadInputError(f"not a link: {url!r} (write it with https://)")
        values["url"] = url.strip()
    elif kind == EvidenceKind.FILE:
        if file is None:
            raise BadInputError("a file is needed")
        values.update(file_facts(file))
    elif not (name or narrative):
        raise BadInputError("a note needs some text")
    with ler.transaction() as session:
        person_id, exp_id = _owner(session, claim_id, experience_id)
        row = Evidence(person_id=person_id, claim_id=claim_id, experience_id=exp_id,
                       kind=kind.value, **values)  # type: ignore[arg-type]
        session.add(row)
        session.flush()
        _log(session, ler, "create", "evidence", row.id, person_id, ["kind"])
        return row.id


def file_facts(path: Path) -> dict[str, object]:
    """Name, size, media type and SHA-256 of a file, read in chunks."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BadInputError(f"{path}: not a file")
        if size > FILE_LIMIT:
            raise BadInputError(f"{path}: larger than {FILE_LIMIT // (1024 * 1024)} MiB")
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read ({exc.strerror})") from None
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"file_name": path.name, "size": size, "media_type": media,
            "sha256": digest.hexdigest()}
