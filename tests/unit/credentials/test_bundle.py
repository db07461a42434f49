"""Signing a CLR bundle and verifying it with lerkit's own verifier."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lerkit.core.credentials import (
    JCS,
    BundleOptions,
    EndorserProfile,
    Identity,
    build_endorsement,
    credential_id,
    sign_bundle,
    sign_document,
    verify_bundle,
)
from lerkit.core.credentials.loader import CLR_V2, OB_V3, VC_V2
from lerkit.core.errors import BadInputError
from lerkit.core.records import ClaimStatus
from tests.unit.credentials.conftest import signed_bundle
from tests.unit.credentials.factory import (
    ENDORSER_SEED,
    ISSUED,
    LATER,
    claim,
    signed_endorsement,
    worker,
    write_evidence,
)

VALID_FROM = "2025-04-01T09:00:00Z"


def test_bundle_shape() -> None:
    bundle = signed_bundle(3)
    assert bundle["@context"] == [VC_V2, CLR_V2, OB_V3]
    assert bundle["type"] == ["VerifiableCredential", "ClrCredential"]
    assert bundle["issuer"]["id"] == worker().did
    assert bundle["credentialSubject"]["type"] == ["ClrSubject"]
    inner = bundle["credentialSubject"]["verifiableCredential"]
    assert len(inner) == 3 and all("proof" in vc for vc in inner)
    assert bundle["validFrom"] == "2025-03-01T09:30:00Z"
    assert bundle["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"


def test_signed_bundle_verifies_with_a_full_report(tmp_path: Path) -> None:
    write_evidence(tmp_path)
    report = verify_bundle(signed_bundle(3), evidence_dir=tmp_path, now=LATER)
    assert report.valid, report.all_errors()
    assert report.holder == worker().did
    assert report.errors == []
    assert [c.skill for c in report.claims] == [f"Inventory management {i}" for i in range(3)]
    for number, entry in enumerate(report.claims):
        assert entry.valid and entry.tier == "self-attested"
        assert entry.credential_id == credential_id(worker().did, f"claim-{number}")
        assert entry.endorsements == [] and entry.errors == []
    assert report.to_dict()["valid"] is True


def test_jcs_bundle_verifies() -> None:
    bundle = signed_bundle(2, cryptosuite=JCS)
    assert bundle["proof"][0]["cryptosuite"] == JCS
    assert verify_bundle(bundle, now=LATER).valid


def test_evidence_files_are_checked(tmp_path: Path) -> None:
    bundle = signed_bundle(1)
    missing = verify_bundle(bundle, evidence_dir=tmp_path, now=LATER)
    assert not missing.valid
    assert "not in" in missing.claims[0].errors[0]
    write_evidence(tmp_path).write_bytes(b"changed\n")
    changed = verify_bundle(bundle, evidence_dir=tmp_path, now=LATER)
    assert "does not match its sha256 digest" in changed.claims[0].errors[0]


def test_evidence_file_names_cannot_leave_the_folder(tmp_path: Path) -> None:
    from lerkit.core.credentials.digests import check_evidence_file

    for name in ["../secret", "/etc/passwd", "..", "a\\b", "", None, 7]:
        problem = check_evidence_file(tmp_path, name, [("sha256", b"")])
        assert problem is not None and "plain file name" in problem


def test_validity_period() -> None:
    bundle = signed_bundle(1, valid_until=datetime(2026, 1, 1, tzinfo=UTC))
    assert verify_bundle(bundle, now=LATER).valid
    early = verify_bundle(bundle, now=ISSUED - timedelta(seconds=1))
    assert not early.valid and any("not valid yet" in e for e in early.all_errors())
    late = verify_bundle(bundle, now=datetime(2026, 1, 2, tzinfo=UTC))
    assert not late.valid and any("expired" in e for e in late.all_errors())
    naive = verify_bundle(bundle, now=datetime(2025, 6, 1))  # noqa: DTZ001 - naive on purpose
    assert naive.valid


def test_endorsements_go_next_to_the_credentials_which_stay_unchanged() -> None:
    endorser = Identity.from_seed(ENDORSER_SEED)
    plain = sign_bundle(worker(), [claim(0), claim(1)], BundleOptions(issued=ISSUED))
    first = plain["credentialSubject"]["verifiableCredential"][0]
    profile = EndorserProfile(did=endorser.did, name="Jordan Coach")
    on_claim = sign_document(
        build_endorsement(profile, first, relationship="supervisor",
                          comment="I supervised this work.", valid_from=VALID_FROM),
        endorser, created=VALID_FROM,
    )
    on_person = signed_endorsement(worker().did, endorser, 2)
    options = BundleOptions(holder_name="Alex", issued=ISSUED, endorsements=[on_claim, on_person],
                            signed={"claim-0": first})
    bundle = sign_bundle(worker(), [claim(0), claim(1)], options)
    assert bundle["credentialSubject"]["verifiableCredential"][0] == first
    assert bundle["endorsement"] == [on_claim, on_person]
    report = verify_bundle(bundle, now=LATER)
    assert report.valid, report.all_errors()
    [entry] = report.claims[0].endorsements
    assert entry.valid and entry.endorser == endorser.did
    assert entry.endorser_name == "Jordan Coach" and entry.relationship == "supervisor"
    assert entry.comment == "I supervised this work."
    assert report.claims[0].tier == "endorsed-unknown"
    assert report.claims[1].endorsements == [] and report.claims[1].tier == "self-attested"
    assert [e.credential_id for e in report.endorsements] == [on_person["id"]]


def test_an_unbound_endorsement_of_a_claim_is_refused() -> None:
    target = credential_id(worker().did, "claim-0")
    unbound = signed_endorsement(target, Identity.from_seed(ENDORSER_SEED))
    with pytest.raises(BadInputError, match="not bound"):
        sign_bundle(worker(), [claim(0)], BundleOptions(issued=ISSUED, endorsements=[unbound]))


def test_a_broken_endorsement_is_not_included() -> None:
    endorsement = signed_endorsement(
        credential_id(worker().did, "claim-0"), Identity.from_seed(ENDORSER_SEED)
    )
    endorsement["credentialSubject"]["endorsementComment"] = "changed"
    options = BundleOptions(issued=ISSUED, endorsements=[endorsement])
    with pytest.raises(BadInputError, match="does not verify"):
        sign_bundle(worker(), [claim(0)], options)
    with pytest.raises(BadInputError, match="EndorsementCredential"):
        sign_bundle(worker(), [claim(0)], BundleOptions(endorsements=[{"type": ["X"]}]))


def test_bundle_input_errors() -> None:
    with pytest.raises(BadInputError, match="at least one"):
        sign_bundle(worker(), [])
    with pytest.raises(BadInputError, match="twice"):
        sign_bundle(worker(), [claim(1), claim(1)])
    with pytest.raises(BadInputError, match="not in the bundle"):
        sign_bundle(worker(), [claim(1)], BundleOptions(omit={"claim-9": frozenset({"dates"})}))
    rejected = dataclasses.replace(claim(2), status=ClaimStatus.REJECTED)
    with pytest.raises(BadInputError, match="rejected, not accepted"):
        sign_bundle(worker(), [claim(1), rejected])
    with pytest.raises(BadInputError, match="validUntil"):
        sign_bundle(worker(), [claim(1)], BundleOptions(issued=ISSUED, valid_until=ISSUED))


def test_omit_is_applied_per_claim() -> None:
    options = BundleOptions(issued=ISSUED, omit={"claim-1": frozenset({"organization"})})
    bundle = sign_bundle(worker(), [claim(0), claim(1)], options)
    first, second = bundle["credentialSubject"]["verifiableCredential"]
    assert "Riverside" in first["credentialSubject"]["narrative"]
    assert "Riverside" not in second["credentialSubject"]["narrative"]
    assert verify_bundle(bundle, now=LATER).valid


def test_optional_clr_fields() -> None:
    bundle = signed_bundle(2, list_achievements=True, partial=True, bundle_name="My record")
    subject = bundle["credentialSubject"]
    assert [a["name"] for a in subject["achievement"]] == [
        "Inventory management 0",
        "Inventory management 1",
    ]
    assert bundle["partial"] is True and bundle["name"] == "My record"
    assert verify_bundle(bundle, now=LATER).valid


def test_claim_from_another_issuer_is_third_party() -> None:
    bundle = signed_bundle(1)
    other = Identity.from_seed(ENDORSER_SEED)
    inner = bundle["credentialSubject"]["verifiableCredential"][0]
    del inner["proof"]
    inner["issuer"] = {"id": other.did, "type": ["Profile"]}
    bundle["credentialSubject"]["verifiableCredential"][0] = sign_document(inner, other)
    del bundle["proof"]
    bundle = sign_document(bundle, worker())
    report = verify_bundle(bundle, now=LATER)
    assert report.valid, report.all_errors()
    assert report.claims[0].tier == "third-party"


def test_a_single_credential_is_verified_as_a_one_claim_bundle() -> None:
    inner = signed_bundle(2)["credentialSubject"]["verifiableCredential"][1]
    report = verify_bundle(inner, now=LATER)
    assert report.valid, report.all_errors()
    assert report.holder == worker().did
    assert report.bundle_id == inner["id"]
    assert [c.skill for c in report.claims] == ["Inventory management 1"]
    inner["name"] = "changed"
    assert not verify_bundle(inner, now=LATER).valid
