"""Multikey / did:key encoding and parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lerkit.core.credentials import multikey as mk
from lerkit.core.credentials.keys import Identity
from lerkit.core.errors import BadInputError
from tests.unit.credentials.conftest import load


@given(st.binary(min_size=32, max_size=32))
def test_public_key_round_trip(key: bytes) -> None:
    encoded = mk.public_key_to_multibase(key)
    assert encoded.startswith("z6Mk")
    assert mk.public_key_from_multibase(encoded) == key
    did = mk.did_from_public_key(key)
    assert did == "did:key:" + encoded
    assert mk.public_key_from_did(did) == key
    vm = mk.resolve_verification_method(mk.verification_method_for(key))
    assert (vm.controller, vm.public_key) == (did, key)


def test_w3c_key_pair(vectors: Path) -> None:
    pair = load(vectors / "w3c-vc-di-eddsa" / "keyPair.json")
    seed = bytes.fromhex((vectors / "w3c-vc-di-eddsa" / "seed.hex").read_text().strip())
    identity = Identity.from_seed(seed)
    assert identity.public_key_multibase == pair["publicKeyMultibase"]
    assert mk.seed_to_multibase(seed) == pair["privateKeyMultibase"]
    assert mk.seed_from_multibase(pair["privateKeyMultibase"]) == seed


def test_did_and_verification_method_shape() -> None:
    identity = Identity.from_seed(bytes(32))
    mb = identity.public_key_multibase
    assert identity.did == f"did:key:{mb}"
    assert identity.verification_method == f"did:key:{mb}#{mb}"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "must start with 'z'"),
        ("z", "must start with 'z'"),
        ("z0OIl", "not base58btc"),
        ("z3u2en7t5LR2WtQH5PfsqMr5N4PeU1qtHA5bbZ5FpaLAkzsx", "prefix 0x8026"),
        (mk.multibase_encode(b"\xed\x01" + bytes(31)), "31 key bytes"),
        (mk.multibase_encode(b"\xed\x01" + bytes(33)), "33 key bytes"),
        (mk.multibase_encode(b"\x12\x00" + bytes(32)), "expected 0xed01"),
    ],
)
def test_bad_public_keys_are_refused(value: str, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        mk.public_key_from_multibase(value)


@pytest.mark.parametrize(
    ("vm", "message"),
    [
        ("did:web:example.org#key-1", "did:key"),
        ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "fragment"),
        ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#other", "does not match"),
        ("https://example.org/key#z6Mk", "did:key"),
    ],
)
def test_bad_verification_methods_are_refused(vm: str, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        mk.resolve_verification_method(vm)


def test_wrong_key_length_for_encoding() -> None:
    with pytest.raises(BadInputError):
        mk.public_key_to_multibase(bytes(31))
