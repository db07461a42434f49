"""Sample claims and identities for the credentials tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lerkit.core.credentials.keys import Identity
from lerkit.core.credentials.loader import OB_V3, VC_V2
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    LifeArea,
    Proficiency,
)

ISSUED = datetime(2025, 3, 1, 9, 30, 0, tzinfo=UTC)
LATER = datetime(2025, 6, 1, tzinfo=UTC)
WORKER_SEED = bytes(range(32))
OTHER_SEED = bytes(range(1, 33))
ENDORSER_SEED = bytes(range(2, 34))
FILE_BYTES = b"week 12: 412 lines counted, 9 re-orders\n"


def worker() -> Identity:
    """The test worker (a fixed, public test seed)."""
    return Identity.from_seed(WORKER_SEED)


def write_evidence(folder: Path) -> Path:
    """The evidence file the sample claims point at."""
    path = folder / "stock-log.txt"
    path.write_bytes(FILE_BYTES)
    return path


def claim(
    number: int,
    *,
    label: str | None = None,
    with_file: bool = True,
    ongoing: bool = False,
) -> ClaimRecord:
    """An accepted claim with an experience and note, link and file evidence."""
    experience = ExperienceRecord(
        id=f"exp-{number}",
        life_area=LifeArea.VOLUNTEERING,
        title="Stock coordinator at the food bank",
        organization="Riverside Food Bank",
        place="Leeds",
        started="2019-03",
        ended=None if ongoing else "2023",
        ongoing=ongoing,
        narrative="Ran weekly stock counts for about 400 product lines.",
    )
    evidence = [
        EvidenceRecord(
            id=f"note-{number}",
            kind=EvidenceKind.NOTE,
            name="What I did",
            narrative="Counted, reconciled and re-ordered stock every week.",
        ),
        EvidenceRecord(
            id=f"link-{number}",
            kind=EvidenceKind.URL,
            name="Food bank page",
            url="https://example.org/foodbank/volunteers",
        ),
    ]
    if with_file:
        evidence.append(
            EvidenceRecord(
                id=f"file-{number}",
                kind=EvidenceKind.FILE,
                name="Stock count log, week 12",
                file_name="stock-log.txt",
                media_type="text/plain",
                size=len(FILE_BYTES),
                sha256=hashlib.sha256(FILE_BYTES).hexdigest(),
            )
        )
    return ClaimRecord(
        id=f"claim-{number}",
        taxonomy="esco",
        competency_id=f"S{number}.1",
        label=label or f"Inventory management {number}",
        description="Plans, counts and reconciles stock; sets re-order points.",
        status=ClaimStatus.ACCEPTED,
        proficiency=Proficiency.ON_MY_OWN,
        experience=experience,
        evidence=evidence,
        target_url=f"http://data.europa.eu/esco/skill/example-{number}",
        framework="ESCO",
    )


def signed_endorsement(subject_id: str, endorser: Identity, number: int = 1) -> dict[str, Any]:
    """A signed EndorsementCredential of ``subject_id`` with no digest binding."""
    unsigned = {
        "@context": [VC_V2, OB_V3],
        "id": f"urn:uuid:5e6f7a8b-9c0d-4e1f-8a2b-{number:012d}",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Endorsement",
        "issuer": {"id": endorser.did, "type": ["Profile"], "name": "Jordan Coach"},
        "validFrom": "2025-02-01T09:00:00Z",
        "credentialSubject": {
            "id": subject_id,
            "type": ["EndorsementSubject"],
            "endorsementComment": "I supervised this work.",
        },
    }
    return sign_document(unsigned, endorser, created="2025-02-01T09:00:05Z")
