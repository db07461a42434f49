"""Kept RDF datasets are reused only when their digest binds them to the exact credential;
credentials stored with a proof object go into new bundles with a proof array."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from lerkit.core.credentials.bundle import BundleOptions, clr_hash, sign_bundle_with_datasets
from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.core.credentials.endorsement import (
    EndorserProfile,
    binding_errors,
    build_endorsement,
)
from lerkit.core.credentials.kept import KeptDataset, dataset_digest
from lerkit.core.credentials.keys import Identity
from lerkit.core.credentials.proofs import sign_document, verify_proofs
from lerkit.core.credentials.verify import verify_bundle
from tests.unit.credentials.factory import ENDORSER_SEED, ISSUED, LATER, claim, worker


def _first() -> tuple[list[Any], dict[str, Any], dict[str, KeptDataset]]:
    records = [claim(0), claim(1)]
    signed = sign_bundle_with_datasets(worker(), records, BundleOptions(issued=ISSUED))
    return records, signed.credential, signed.datasets


def _want(clr: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in clr.items() if k != "proof"}
    return hashlib.sha256(canonicalize_rdfc(unsigned).encode("utf-8")).digest()


def test_the_digest_covers_the_credential_and_the_dataset() -> None:
    records, clr, datasets = _first()
    credential = clr["credentialSubject"]["verifiableCredential"][0]
    kept = datasets[records[0].id]
    assert kept.digest.startswith("sha256:") and kept.fits(credential)
    assert kept.digest == dataset_digest(credential, kept.nquads)
    changed = {**credential, "name": credential["name"] + "!"}
    assert not kept.fits(changed)
    assert not dataclasses.replace(kept, nquads=kept.nquads + kept.nquads[:40]).fits(credential)
    assert not dataclasses.replace(kept, digest="").fits(credential)
    assert not dataclasses.replace(kept, digest=kept.digest.upper()).fits(credential)


def test_a_tampered_dataset_is_not_reused_even_when_the_credential_id_is_in_it() -> None:
    records, clr, datasets = _first()
    credentials = clr["credentialSubject"]["verifiableCredential"]
    kept = datasets[records[0].id]
    # what the old substring check accepted: the id and proofValue are still there
    extra = f'<{credentials[0]["id"]}> <https://schema.org/name> "Forged skill" .\n'
    tampered = {records[0].id: dataclasses.replace(kept, nquads=kept.nquads + extra),
                records[1].id: datasets[records[1].id]}
    made: dict[str, KeptDataset] = {}
    assert clr_hash({k: v for k, v in clr.items() if k != "proof"}, records, tampered,
                    made) == _want(clr)
    assert set(made) == {records[0].id}
    assert made[records[0].id].nquads == canonicalize_rdfc(credentials[0])


def test_a_dataset_of_a_credential_signed_again_is_made_again() -> None:
    records, _clr, datasets = _first()
    again = sign_bundle_with_datasets(worker(), records, BundleOptions(issued=LATER))
    resigned = again.credential["credentialSubject"]["verifiableCredential"]
    # the same claims, signed anew: the old datasets name the same ids, but not these proofs
    options = BundleOptions(issued=LATER, signed={r.id: c for r, c in zip(records, resigned,
                                                                          strict=True)},
                            datasets=datasets)
    bundle = sign_bundle_with_datasets(worker(), records, options)
    assert set(bundle.datasets) == {r.id for r in records}
    for record, credential in zip(records, resigned, strict=True):
        assert bundle.datasets[record.id].fits(credential)
        assert bundle.datasets[record.id].nquads == canonicalize_rdfc(credential)
    assert all(result.ok for result in verify_proofs(bundle.credential))


def test_fitting_datasets_are_used_as_they_are() -> None:
    records, clr, datasets = _first()
    credentials = clr["credentialSubject"]["verifiableCredential"]
    options = BundleOptions(issued=LATER, signed={r.id: c for r, c in zip(records, credentials,
                                                                          strict=True)},
                            datasets=datasets)
    bundle = sign_bundle_with_datasets(worker(), records, options)
    assert bundle.datasets == {}
    assert all(result.ok for result in verify_proofs(bundle.credential))


def _as_object(credential: dict[str, Any]) -> dict[str, Any]:
    """The credential as lerkit signed it before proofs were arrays: one proof object."""
    [proof] = credential["proof"]
    return {**credential, "proof": proof}


def test_a_credential_stored_with_a_proof_object_goes_in_as_an_array() -> None:
    records, clr, _ = _first()
    credentials = clr["credentialSubject"]["verifiableCredential"]
    stored = {r.id: _as_object(c) for r, c in zip(records, credentials, strict=True)}
    # the datasets kept then were bound to the JSON with the proof object
    kept = {r.id: KeptDataset.made_from(stored[r.id], canonicalize_rdfc(stored[r.id]))
            for r in records}
    options = BundleOptions(issued=LATER, signed=stored, datasets=kept)
    bundle = sign_bundle_with_datasets(worker(), records, options)
    inner = bundle.credential["credentialSubject"]["verifiableCredential"]
    assert inner == credentials  # the array form, the very same proofs
    assert isinstance(bundle.credential["proof"], list)
    # the same RDF either way, but the kept digests name the other JSON: made again
    assert set(bundle.datasets) == {r.id for r in records}
    for record, credential in zip(records, inner, strict=True):
        assert not kept[record.id].fits(credential)
        assert bundle.datasets[record.id].fits(credential)
        assert bundle.datasets[record.id].nquads == kept[record.id].nquads
    unsigned = {k: v for k, v in bundle.credential.items() if k != "proof"}
    assert clr_hash(unsigned, records, {}, {}) == _want(bundle.credential)
    assert all(result.ok for result in verify_proofs(bundle.credential))
    # the next export finds the datasets made now fitting, and makes none
    again = sign_bundle_with_datasets(worker(), records, dataclasses.replace(
        options, datasets=bundle.datasets))
    assert again.datasets == {}


def test_a_proof_object_an_endorsement_is_bound_to_is_kept_byte_for_byte() -> None:
    records, clr, _ = _first()
    credential = _as_object(clr["credentialSubject"]["verifiableCredential"][0])
    endorser = Identity.from_seed(ENDORSER_SEED)
    unsigned = build_endorsement(EndorserProfile(did=endorser.did, name="Jordan Coach"),
                                 credential, relationship="supervisor", comment="",
                                 valid_from="2025-04-01T09:00:00Z")
    endorsement = sign_document(unsigned, endorser, created="2025-04-01T09:00:05Z")
    assert binding_errors(endorsement, credential, exact=True) == []
    normalized = {**credential, "proof": [credential["proof"]]}
    assert binding_errors(endorsement, normalized, exact=True)  # a file is checked as it is
    assert binding_errors(endorsement, normalized) == []  # the record may hold either form
    options = BundleOptions(issued=LATER, signed={records[0].id: credential},
                            endorsements=[endorsement])
    bundle = sign_bundle_with_datasets(worker(), records[:1], options).credential
    assert bundle["credentialSubject"]["verifiableCredential"] == [credential]
    assert verify_bundle(bundle, now=LATER).valid
