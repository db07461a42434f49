"""Creating and checking Data Integrity proofs, proof sets, and failure reasons."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from lerkit.core.credentials import JCS, RDFC, Identity, create_proof, sign_document, verify_proofs
from lerkit.core.credentials.multikey import multibase_encode
from lerkit.core.credentials.proofs import sign_documents, with_proof_array
from lerkit.core.errors import BadInputError
from tests.unit.credentials.factory import ENDORSER_SEED, OTHER_SEED, worker

CREATED = "2025-01-15T10:00:05Z"


def _doc(identity: Identity) -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:11111111-2222-4333-8444-555555555555",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Cooking for a family",
        "issuer": {"id": identity.did, "type": ["Profile"], "name": "Sam"},
        "validFrom": "2025-01-15T10:00:00Z",
        "credentialSubject": {
            "id": identity.did,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:1",
                "type": ["Achievement"],
                "name": "Cooking",
                "description": "Plans and cooks meals.",
                "criteria": {"narrative": "Self-attested."},
            },
        },
    }


@pytest.mark.parametrize("suite", [RDFC, JCS])
def test_round_trip_and_proof_shape(suite: str) -> None:
    identity = worker()
    signed = sign_document(_doc(identity), identity, cryptosuite=suite, created=CREATED)
    assert isinstance(signed["proof"], list)  # always an array, a single proof too
    [proof] = signed["proof"]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == suite
    assert proof["verificationMethod"] == identity.verification_method
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["proofValue"].startswith("z")
    assert ("@context" in proof) == (suite == JCS)
    [result] = verify_proofs(signed)
    assert result.ok, result.reason
    assert result.controller == identity.did


@pytest.mark.parametrize("suite", [RDFC, JCS])
def test_changed_document_fails(suite: str) -> None:
    identity = worker()
    signed = sign_document(_doc(identity), identity, cryptosuite=suite, created=CREATED)
    signed["name"] = "Cooking for a familY"
    [result] = verify_proofs(signed)
    assert not result.ok
    assert result.reason == "invalid signature"


@pytest.mark.parametrize("suite", [RDFC, JCS])
def test_signing_many_documents_gives_the_same_proofs_as_one_by_one(suite: str) -> None:
    identity = worker()
    documents = [_doc(identity) for _ in range(3)]
    for n, document in enumerate(documents):
        document["name"] = f"Skill {n}"
    together = sign_documents(documents, identity, cryptosuite=suite, created=CREATED)
    one_by_one = [sign_document(d, identity, cryptosuite=suite, created=CREATED)
                  for d in documents]
    assert together == one_by_one
    assert all(result.ok for signed in together for result in verify_proofs(signed))


def test_created_accepts_a_datetime() -> None:
    proof = create_proof(
        _doc(worker()), worker(), created=datetime(2025, 1, 15, 10, 0, 5, 999, tzinfo=UTC)
    )
    assert proof["created"] == CREATED


def test_signing_refuses_bad_options() -> None:
    with pytest.raises(BadInputError, match="cryptosuite"):
        create_proof(_doc(worker()), worker(), cryptosuite="eddsa-2022")
    with pytest.raises(BadInputError, match="dateTime"):
        create_proof(_doc(worker()), worker(), created="yesterday")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"type": "Ed25519Signature2020"}, "proof type"),
        ({"cryptosuite": "eddsa-2022"}, "unsupported cryptosuite"),
        ({"proofPurpose": "authentication"}, "proof purpose"),
        ({"proofValue": "z1111"}, "not a 64-byte signature"),
        ({"proofValue": "u" + "A" * 86}, "must start with 'z'"),
        ({"proofValue": None}, "no proofValue"),
        ({"verificationMethod": "https://example.org/keys/1"}, "offline"),
        ({"verificationMethod": None}, "no verificationMethod"),
        ({"created": "2025-13-45"}, "created"),
        ({"expires": "2025-01-16T00:00:00Z"}, "expired"),
        ({"previousProof": "urn:uuid:1"}, "previousProof"),
    ],
)
def test_failure_reasons(change: dict[str, Any], reason: str) -> None:
    identity = worker()
    signed = sign_document(_doc(identity), identity, created=CREATED)
    signed["proof"][0].update(change)
    [result] = verify_proofs(signed)
    assert not result.ok
    assert reason in result.reason


def test_signature_by_another_key_fails() -> None:
    identity, other = worker(), Identity.from_seed(OTHER_SEED)
    signed = sign_document(_doc(identity), identity, created=CREATED)
    signed["proof"][0]["proofValue"] = multibase_encode(other.sign(b"x"))
    assert verify_proofs(signed)[0].reason == "invalid signature"
    signed = sign_document(_doc(identity), other, created=CREATED)
    [result] = verify_proofs(signed)
    assert result.ok and result.controller == other.did  # the issuer check is the caller's


@pytest.mark.parametrize("document", [None, [], "x", {}, {"proof": 1}, {"proof": [None, {}]}])
def test_malformed_documents_give_reasons(document: Any) -> None:
    results = verify_proofs(document)
    assert results
    assert not any(r.ok for r in results)
    assert all(r.reason for r in results)


def test_proof_set_each_proof_is_independent() -> None:
    identity, endorser = worker(), Identity.from_seed(ENDORSER_SEED)
    once = sign_document(_doc(identity), identity, created=CREATED)
    twice = sign_document(once, endorser, created=CREATED, cryptosuite=JCS)
    assert isinstance(twice["proof"], list) and len(twice["proof"]) == 2
    results = verify_proofs(twice)
    assert [r.ok for r in results] == [True, True]
    assert [r.controller for r in results] == [identity.did, endorser.did]
    # Each proof was computed without the other: alone, each still verifies.
    for proof in twice["proof"]:
        alone = {**copy.deepcopy(twice), "proof": proof}
        assert verify_proofs(alone)[0].ok
    twice["proof"][1]["proofValue"] = once["proof"][0]["proofValue"]
    assert [r.ok for r in verify_proofs(twice)] == [True, False]


def test_jcs_context_must_prefix_the_document_context() -> None:
    identity = worker()
    signed = sign_document(_doc(identity), identity, cryptosuite=JCS, created=CREATED)
    signed["@context"] = list(reversed(signed["@context"]))
    assert "does not start with" in verify_proofs(signed)[0].reason


def test_presentation_purpose_with_challenge() -> None:
    identity = worker()
    signed = sign_document(
        _doc(identity),
        identity,
        created=CREATED,
        proof_purpose="authentication",
        challenge="abc",
        domain="example.org",
    )
    assert verify_proofs(signed, purpose="authentication")[0].ok
    assert not verify_proofs(signed)[0].ok


def test_undefined_term_added_after_signing_fails() -> None:
    identity = worker()
    signed = sign_document(_doc(identity), identity, created=CREATED)
    signed["favouriteColour"] = "green"
    assert "favouriteColour" in verify_proofs(signed)[0].reason


@pytest.mark.parametrize("suite", [RDFC, JCS])
def test_a_proof_object_is_accepted_and_a_new_proof_makes_an_array(suite: str) -> None:
    identity, endorser = worker(), Identity.from_seed(ENDORSER_SEED)
    signed = sign_document(_doc(identity), identity, cryptosuite=suite, created=CREATED)
    as_object = {**signed, "proof": signed["proof"][0]}  # as lerkit signed before
    assert [r.ok for r in verify_proofs(as_object)] == [True]
    assert with_proof_array(as_object) == signed
    assert with_proof_array(signed) == signed
    twice = sign_document(as_object, endorser, cryptosuite=suite, created=CREATED)
    assert [p["proofValue"] for p in twice["proof"][:1]] == [as_object["proof"]["proofValue"]]
    assert [r.ok for r in verify_proofs(twice)] == [True, True]
