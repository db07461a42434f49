"""A record page built without signing: hostile text, endorsements, every tier."""

from __future__ import annotations

from typing import Any

from lerkit.core.credentials.badges import credential_id
from lerkit.core.credentials.report import BundleReport, ClaimEntry, EndorsementEntry
from lerkit.core.outputs import PageInput, RecordPage, build_page
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    LifeArea,
    Proficiency,
)

DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
DIGEST = "ab" * 32
EVIL = '<script>alert("x")</script> & <img src=http://evil.invalid/x.png> [link](http://e.invalid)'
NAME = "Zoë O'Brien <b>Boss</b>"


def _experience(number: int, area: LifeArea) -> ExperienceRecord:
    return ExperienceRecord(
        id=f"exp-{number}", life_area=area, title=f"Title {number} {EVIL}",
        organization=f"Org-{number} & Sons", place=f"Place-{number}",
        started="2019-03" if number == 1 else "2015", ended="2023" if number == 1 else "2018",
        narrative=f"# Heading?\n- not a list\n1. not a list\n{EVIL}",
    )


def claims() -> list[ClaimRecord]:
    """Three accepted claims from two experiences, with note, link and file evidence."""
    work = _experience(1, LifeArea.PAID_WORK)
    church = _experience(2, LifeArea.FAITH)
    evidence = [
        EvidenceRecord(id="ev-note", kind=EvidenceKind.NOTE, name="Note", narrative=EVIL),
        EvidenceRecord(id="ev-link", kind=EvidenceKind.URL, name="Link",
                       url="https://example.org/a?b=1&c=<2>"),
        EvidenceRecord(id="ev-js", kind=EvidenceKind.URL, name="Bad link",
                       url="javascript:alert(1)"),
        EvidenceRecord(id="ev-file", kind=EvidenceKind.FILE, name="Log", file_name="log.txt",
                       media_type="text/plain", size=3, sha256="cd" * 32),
    ]
    return [
        ClaimRecord(id="c1", taxonomy="lerkit", competency_id="logistics.inventory-control",
                    label=f"Inventory {EVIL}", description="Counts stock.",
                    status=ClaimStatus.ACCEPTED, proficiency=Proficiency.ON_MY_OWN,
                    experience=work, evidence=evidence, target_url="urn:x:1", framework="F"),
        ClaimRecord(id="c2", taxonomy="lerkit", competency_id="caregiving.meds",
                    label="Medication management", status=ClaimStatus.ACCEPTED,
                    proficiency=Proficiency.TAUGHT_OR_LED, experience=church),
        ClaimRecord(id="c3", taxonomy="lerkit", competency_id="x.y", label="Loose skill",
                    status=ClaimStatus.ACCEPTED),
    ]


def endorsement(name: str, *, valid: bool = True) -> EndorsementEntry:
    """An endorsement entry as the verifier reports it (relationship set if supported)."""
    entry = EndorsementEntry(credential_id="urn:uuid:e-" + name, endorser="did:key:z6MkEnd",
                             endorser_name=name, subject_id=None, valid=valid,
                             comment=f"Reliable. {EVIL}")
    entry.relationship = "supervisor"  # type: ignore[attr-defined,unused-ignore]
    entry.organization = "Riverside <Center>"  # type: ignore[attr-defined,unused-ignore]
    return entry


def report(tiers: dict[str, str] | None = None) -> BundleReport:
    """What verifying the bundle of :func:`claims` would say."""
    tiers = tiers or {"c1": "endorsed-trusted", "c2": "self-attested", "c3": "self-attested"}
    entries = []
    for claim in claims():
        entry = ClaimEntry(credential_id=credential_id(DID, claim.id), skill=claim.label,
                           valid=True, tier=tiers[claim.id])
        if claim.id == "c1":
            entry.endorsements = [endorsement(f"Dana {EVIL}"), endorsement("Bad", valid=False)]
        entries.append(entry)
    return BundleReport(valid=True, holder=DID, bundle_id="urn:uuid:bundle-1", claims=entries)


def bundle() -> dict[str, Any]:
    """Just enough of a signed bundle for the renderers: ids, date, credentials."""
    return {
        "id": "urn:uuid:bundle-1", "validFrom": "2026-03-01T09:30:00Z",
        "credentialSubject": {"verifiableCredential": [
            {"id": credential_id(DID, c.id), "type": ["VerifiableCredential"], "proof": {}}
            for c in claims()
        ]},
    }


def page_input(**changes: Any) -> PageInput:
    """The input of :func:`page`; keyword arguments replace fields."""
    values: dict[str, Any] = {
        "person_name": NAME, "claims": claims(), "bundle": bundle(), "report": report(),
        "digest": DIGEST, "bundle_file": "zoë record.bundle.json",
        "areas": {"c1": "Logistics & <supply>", "c2": "Caregiving"},
    }
    values.update(changes)
    return PageInput(**values)


def page(**changes: Any) -> RecordPage:
    """A built page."""
    return build_page(page_input(**changes))
