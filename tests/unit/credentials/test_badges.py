"""OpenBadgeCredential documents built from claims: content, self-attestation, omissions."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

import pytest

from lerkit.core.credentials import SELF_ATTESTED, Holder, credential_id
from lerkit.core.credentials.badges import build_claim_credential
from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.core.credentials.dates import activity_datetime, format_datetime
from lerkit.core.credentials.digests import parse_digest_multibase
from lerkit.core.errors import BadInputError
from lerkit.core.records import ClaimStatus, EvidenceKind, EvidenceRecord
from tests.unit.credentials.factory import ISSUED, claim, worker

HOLDER = Holder(did=worker().did, name="Alex Example")
VALID_FROM = format_datetime(ISSUED)


def _build(number: int = 1, omit: frozenset[str] = frozenset(), **kw: Any) -> dict[str, Any]:
    return build_claim_credential(HOLDER, claim(number, **kw), valid_from=VALID_FROM, omit=omit)


def test_credential_shape() -> None:
    vc = _build()
    assert vc["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["id"] == credential_id(HOLDER.did, "claim-1")
    assert vc["id"].startswith("urn:uuid:")
    assert vc["issuer"] == {"id": HOLDER.did, "type": ["Profile"], "name": "Alex Example"}
    assert vc["validFrom"] == "2025-03-01T09:30:00Z"
    subject = vc["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and subject["id"] == HOLDER.did
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Competency"
    assert achievement["name"] == "Inventory management 1"
    assert achievement["alignment"] == [
        {
            "type": ["Alignment"],
            "targetName": "Inventory management 1",
            "targetUrl": "http://data.europa.eu/esco/skill/example-1",
            "targetCode": "S1.1",
            "targetFramework": "ESCO",
        }
    ]
    assert subject["activityStartDate"] == "2019-03-01T00:00:00Z"
    assert subject["activityEndDate"] == "2023-12-31T00:00:00Z"
    canonicalize_rdfc(vc)  # every term is defined; nothing would be dropped


def test_ids_are_stable_and_distinct() -> None:
    assert _build()["id"] == _build()["id"]
    assert _build(1)["id"] != _build(2)["id"]
    other = Holder(did="did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", name="B")
    assert credential_id(other.did, "claim-1") != credential_id(HOLDER.did, "claim-1")


def test_self_attestation_is_stated_in_words_and_tags() -> None:
    vc = _build()
    achievement = vc["credentialSubject"]["achievement"]
    assert vc["description"] == SELF_ATTESTED
    assert "Self-attested: this claim is made by the person it describes" in SELF_ATTESTED
    assert achievement["criteria"]["narrative"].startswith(SELF_ATTESTED)
    assert "self-attested" in vc["name"]
    assert achievement["tag"] == ["self-attested"]
    assert vc["issuer"]["id"] == vc["credentialSubject"]["id"]


def test_proficiency_in_plain_words() -> None:
    narrative = _build()["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert 'Alex Example describes their level as "on my own".' in narrative


def test_narrative_mentions_experience_details() -> None:
    text = _build()["credentialSubject"]["narrative"]
    assert "volunteering" in text and "Riverside Food Bank" in text and "Leeds" in text
    assert "2019-03" in text and "400 product lines" in text


def test_ongoing_experience_has_no_end_date() -> None:
    subject = _build(ongoing=True)["credentialSubject"]
    assert "activityEndDate" not in subject
    assert "ongoing" in subject["narrative"]


def test_evidence_objects() -> None:
    note, link, file = _build()["evidence"]
    assert note == {
        "type": ["Evidence"],
        "name": "What I did",
        "narrative": "Counted, reconciled and re-ordered stock every week.",
    }
    assert link["id"] == "https://example.org/foodbank/volunteers"
    assert file["id"].startswith("urn:uuid:")
    assert file["name"] == "stock-log.txt"
    assert file["description"] == "Stock count log, week 12"
    assert file["mediaType"] == "text/plain"
    algorithm, digest = parse_digest_multibase(file["digestMultibase"])
    assert algorithm == "sha256"
    assert digest.hex() == claim(1).evidence[2].sha256
    assert file["digestMultibase"].startswith("zQm")


@pytest.mark.parametrize(
    ("field", "gone"),
    [
        ("dates", ["2019-03", "activityStartDate", "activityEndDate", "When:"]),
        ("organization", ["Riverside Food Bank"]),
        ("place", ["Leeds"]),
        ("narrative", ["400 product lines"]),
    ],
)
def test_selective_disclosure(field: str, gone: list[str]) -> None:
    text = json.dumps(_build(omit=frozenset({field})))
    for fragment in gone:
        assert fragment not in text
    assert "Inventory management 1" in text


def test_omit_one_evidence_item() -> None:
    vc = _build(omit=frozenset({"evidence:file-1"}))
    assert [e["name"] for e in vc["evidence"]] == ["What I did", "Food bank page"]
    everything = frozenset({"evidence:file-1", "evidence:note-1", "evidence:link-1"})
    assert "evidence" not in _build(omit=everything)


@pytest.mark.parametrize("entry", ["colour", "evidence:nope", "evidence:", "Dates"])
def test_unknown_omit_entries_are_refused(entry: str) -> None:
    with pytest.raises(BadInputError, match="cannot omit"):
        _build(omit=frozenset({entry}))


def test_only_accepted_claims_are_built() -> None:
    suggested = dataclasses.replace(claim(1), status=ClaimStatus.SUGGESTED)
    with pytest.raises(BadInputError, match="not accepted"):
        build_claim_credential(HOLDER, suggested, valid_from=VALID_FROM)


def test_bad_links_and_digests_are_refused() -> None:
    relative = dataclasses.replace(
        claim(1), evidence=[EvidenceRecord(id="e", kind=EvidenceKind.URL, url="evidence/stock.txt")]
    )
    with pytest.raises(BadInputError, match="not an absolute URL"):
        build_claim_credential(HOLDER, relative, valid_from=VALID_FROM)
    no_digest = dataclasses.replace(
        claim(1), evidence=[EvidenceRecord(id="e", kind=EvidenceKind.FILE, file_name="a.pdf")]
    )
    with pytest.raises(BadInputError, match="no SHA-256"):
        build_claim_credential(HOLDER, no_digest, valid_from=VALID_FROM)
    bad_digest = dataclasses.replace(
        claim(1),
        evidence=[EvidenceRecord(id="e", kind=EvidenceKind.FILE, file_name="a.pdf", sha256="abc")],
    )
    with pytest.raises(BadInputError, match="64 hexadecimal"):
        build_claim_credential(HOLDER, bad_digest, valid_from=VALID_FROM)


def test_claim_without_target_url_has_no_alignment() -> None:
    plain = dataclasses.replace(claim(1), target_url=None)
    vc = build_claim_credential(HOLDER, plain, valid_from=VALID_FROM)
    assert "alignment" not in vc["credentialSubject"]["achievement"]


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2019", False, "2019-01-01T00:00:00Z"),
        ("2019", True, "2019-12-31T00:00:00Z"),
        ("2019-05", False, "2019-05-01T00:00:00Z"),
        ("2019-02", True, "2019-02-28T00:00:00Z"),
        ("2020-02", True, "2020-02-29T00:00:00Z"),
        ("2019-05-03", True, "2019-05-03T00:00:00Z"),
        ("2019-05-03T10:00:00+02:00", False, "2019-05-03T08:00:00Z"),
    ],
)
def test_activity_dates(value: str, end: bool, expected: str) -> None:
    assert activity_datetime(value, end=end) == expected


@pytest.mark.parametrize("value", ["May 2019", "2019-13", "2019-02-30", "0000", "19"])
def test_bad_activity_dates(value: str) -> None:
    with pytest.raises(BadInputError):
        activity_datetime(value)


def test_file_digest_matches_sha256_of_the_bytes() -> None:
    from tests.unit.credentials.factory import FILE_BYTES

    file = _build()["evidence"][2]
    assert parse_digest_multibase(file["digestMultibase"])[1] == hashlib.sha256(FILE_BYTES).digest()
