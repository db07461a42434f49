"""Published vectors and the harness samples: our proofValues must match exactly."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import JCS, RDFC, Identity, sign_document, verify_proofs
from lerkit.core.credentials.canon import canonicalize_jcs, canonicalize_rdfc
from lerkit.core.credentials.multikey import public_key_from_multibase
from lerkit.core.credentials.proofs import hash_data
from tests.unit.credentials.conftest import load

W3C = "w3c-vc-di-eddsa"


def _seed(path: Path) -> Identity:
    return Identity.from_seed(bytes.fromhex(path.read_text().strip()))


def _text(path: Path) -> str:
    return path.read_text("utf-8").strip()


@pytest.mark.parametrize(
    ("suite", "folder", "suffix", "canon"),
    [
        (RDFC, "eddsa-rdfc-2022", "DataInt", canonicalize_rdfc),
        (JCS, "eddsa-jcs-2022", "JCS", canonicalize_jcs),
    ],
)
def test_w3c_vectors(vectors: Path, suite: str, folder: str, suffix: str, canon: Any) -> None:
    base = vectors / W3C
    here = base / folder
    identity = _seed(base / "seed.hex")
    unsigned = load(base / "unsigned.json")
    config = load(here / f"proofConfig{suffix}.json")
    proof_canon = canon(config)
    proof_canon = proof_canon if isinstance(proof_canon, str) else proof_canon.decode()
    assert proof_canon == (here / f"proofCanon{suffix}.txt").read_text("utf-8")
    proof_hash = hashlib.sha256(proof_canon.encode()).hexdigest()
    assert proof_hash == _text(here / f"proofHash{suffix}.txt")
    data = hash_data(unsigned, config, suite)
    assert data.hex() == _text(here / f"combinedHash{suffix}.txt")
    assert identity.sign(data).hex() == _text(here / f"sigHex{suffix}.txt")

    signed = sign_document(unsigned, identity, cryptosuite=suite, created=config["created"])
    expected = load(here / f"signed{'DataInt' if suite == RDFC else 'JCS'}.json")
    assert signed["proof"][0]["proofValue"] == _text(here / f"sigBTC58{suffix}.txt")
    assert signed == {**expected, "proof": [expected["proof"]]}  # lerkit writes an array
    assert all(result.ok for result in verify_proofs(expected))


def test_1edtech_ob3_vector(vectors: Path) -> None:
    folder = vectors / "1edtech-ob3-eddsa-rdfc-2022"
    key = load(folder / "key.json")
    options = load(folder / "proof-options.json")
    hashes = load(folder / "expected-hashes.json")
    identity = Identity.from_seed(bytes.fromhex(key["seedHex"]))
    unsigned = load(folder / "unsigned.json")
    config = {**options, "@context": unsigned["@context"]}
    assert canonicalize_rdfc(config) == (folder / "proof-canon.txt").read_text("utf-8")
    assert hash_data(unsigned, config, RDFC).hex() == hashes["dataToSignHex"]
    signed = sign_document(
        unsigned,
        identity,
        created=options["created"],
        verification_method=options["verificationMethod"],
    )
    assert signed["proof"][0]["proofValue"] == hashes["proofValue"]
    published = load(folder / "signed.json")
    assert signed == {**published, "proof": [published["proof"]]}
    keys = {key["verificationMethod"]: bytes.fromhex(key["publicKeyHex"])}
    assert [r.ok for r in verify_proofs(signed, keys=keys)] == [True]
    # Without the key, an https verification method cannot be resolved offline.
    assert "offline" in verify_proofs(signed)[0].reason


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("ob3-sample", "ob3-sample-seed.hex"),
        ("endorsement-sample", "endorser-sample-seed.hex"),
        ("clr-sample", "ob3-sample-seed.hex"),
        ("ler-bundle-vp", "ob3-sample-seed.hex"),
    ],
)
def test_repo_samples_are_reproduced(vectors: Path, name: str, seed: str) -> None:
    expected = load(vectors / f"{name}-signed.json")
    proof = expected["proof"]
    signed = sign_document(
        load(vectors / f"{name}-unsigned.json"),
        _seed(vectors / seed),
        created=proof["created"],
        proof_purpose=proof["proofPurpose"],
        challenge=proof.get("challenge"),
        domain=proof.get("domain"),
    )
    assert signed["proof"][0]["proofValue"] == proof["proofValue"]
    assert signed == {**expected, "proof": [proof]}  # lerkit writes the proof as an array
    results = verify_proofs(expected, purpose=proof["proofPurpose"])
    assert [r.ok for r in results] == [True]


def test_1edtech_clr_sample_verifies(vectors: Path) -> None:
    folder = vectors / "1edtech-clr2"
    keys = {}
    for line in (folder / "keys.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            vm, _, multibase = line.partition("=")
            keys[vm] = public_key_from_multibase(multibase)
    clr = load(folder / "simple.json")
    assert [r.ok for r in verify_proofs(clr, keys=keys)] == [True]
    for inner in clr["credentialSubject"]["verifiableCredential"]:
        assert [r.ok for r in verify_proofs(inner, keys=keys)] == [True]
