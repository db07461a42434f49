"""Experiences, claims and evidence: the pieces of a person's record, with audit."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_date, check_file, check_url
from lerkit.core.i18n import _
from lerkit.core.records import ClaimStatus, EvidenceKind, ExperienceRecord, Proficiency
from lerkit.core.text_safety import clean_text
from lerkit.services.context import Lerkit
from lerkit.storage import record_rows as rows


def experience_values(record: ExperienceRecord) -> dict[str, Any]:
    """The stored columns of an experience."""
    return {
        "life_area": record.life_area.value, "title": clean_text(record.title)[:300],
        "organization": clean_text(record.organization)[:300],
        "place": clean_text(record.place)[:300],
        "started": record.started, "ended": None if record.ongoing else record.ended,
        "ongoing": record.ongoing, "narrative": clean_text(record.narrative, multiline=True),
    }


def add_experience(ler: Lerkit, person_id: str, record: ExperienceRecord) -> str:
    """Store a new experience; returns its id."""
    with ler.transaction() as session:
        return rows.add_experience(session=session, actor=ler.actor, person_id=person_id,
                                   values=experience_values(record))


def add_claim(ler: Lerkit, person_id: str, experience_id: str | None, taxonomy: str,
              competency_id: str, label: str,
              status: ClaimStatus = ClaimStatus.ACCEPTED) -> str:
    """A skill picked by hand for an experience (or for none); returns the claim's id."""
    with ler.transaction() as session:
        return rows.add_claim(session=session, actor=ler.actor, person_id=person_id,
                              experience_id=experience_id, taxonomy=taxonomy,
                              competency_id=competency_id, label=label,
                              status=status.value)


def set_claim(ler: Lerkit, claim_id: str, *, status: ClaimStatus | None = None,
              proficiency: Proficiency | None = None, clear_proficiency: bool = False) -> None:
    """Accept or reject a claim, or set its proficiency (``clear_proficiency``: back to
    not set)."""
    level = (rows.NOT_SET if clear_proficiency else
             proficiency.value if proficiency is not None else None)
    with ler.transaction() as session:
        rows.set_claim(session=session, actor=ler.actor, claim_id=claim_id,
                       status=status.value if status is not None else None, proficiency=level)


def add_evidence(ler: Lerkit, *, kind: EvidenceKind, claim_id: str | None = None,
                 experience_id: str | None = None, name: str = "", narrative: str = "",
                 url: str | None = None, file: Path | None = None,
                 dated: str | None = None) -> str:
    """Record a note, a link, or a file (hashed with SHA-256 now), with its own date if
    given; each is checked first (see :mod:`lerkit.core.evidence_checks`). Returns its id."""
    values: dict[str, object] = {"name": clean_text(name)[:300],
                                 "narrative": clean_text(narrative, multiline=True),
                                 "dated": check_date(dated or "")}
    if kind == EvidenceKind.URL:
        values["url"] = check_url(url or "")
    elif kind == EvidenceKind.FILE:
        if file is None:
            raise BadInputError(_("a file is needed"))
        values.update(file_facts(file))
    elif not (name or narrative):
        raise BadInputError(_("a note needs some text"))
    with ler.transaction() as session:
        person_id, exp_id = rows.owner(session=session, claim_id=claim_id,
                                       experience_id=experience_id)
        return rows.add_evidence(session=session, actor=ler.actor, person_id=person_id,
                                 claim_id=claim_id, experience_id=exp_id, kind=kind.value,
                                 values=values)


def file_facts(path: Path) -> dict[str, object]:
    """Name, size, media type and SHA-256 of a file (checked by :func:`check_file`),
    read in chunks."""
    path = check_file(path)
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise BadInputError(_("{path}: cannot read ({reason})")
                            .format(path=path, reason=exc.strerror)) from None
    media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"file_name": path.name, "size": size, "media_type": media,
            "sha256": digest.hexdigest()}
