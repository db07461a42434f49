"""The sealed-file container: authenticated header, fresh salt and nonce, clear refusals."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core import sealed_file
from lerkit.core.errors import BadInputError, LerError, PassphraseError
from lerkit.core.passphrase_kdf import TEST_MEMLIMIT, TEST_OPSLIMIT
from lerkit.core.sealed_file import DamagedFileError

PASS = "a long passphrase"
PAYLOAD = b'{"name": "Zephyrine Quillfeather", "story": "harpsichords"}' * 20


def _seal(payload: bytes = PAYLOAD, kind: str = "test") -> bytes:
    return sealed_file.seal(payload, PASS, kind=kind, opslimit=TEST_OPSLIMIT,
                            memlimit=TEST_MEMLIMIT)


SEALED = _seal()


def _with_checksum(body: bytes) -> bytes:
    """A deliberate edit: the (unkeyed) checksum recomputed over the changed bytes."""
    return body + hashlib.sha256(body).digest()


def test_round_trip_and_nothing_readable() -> None:
    assert sealed_file.unseal(SEALED, PASS, kind="test") == PAYLOAD
    assert b"Zephyrine" not in SEALED and b"harpsichord" not in SEALED
    assert SEALED.startswith(sealed_file.MAGIC)


def test_fresh_salt_and_nonce_every_time() -> None:
    again = _seal()
    first, _, _ = sealed_file.read_header(SEALED)
    second, _, _ = sealed_file.read_header(again)
    assert first.salt != second.salt and first.nonce != second.nonce
    assert again != SEALED


def test_wrong_passphrase() -> None:
    with pytest.raises(PassphraseError, match="wrong passphrase"):
        sealed_file.unseal(SEALED, "not the passphrase", kind="test")


def test_wrong_kind_is_refused() -> None:
    with pytest.raises(DamagedFileError, match="holds a 'test'"):
        sealed_file.unseal(SEALED, PASS, kind="lerkit-profile")


def test_every_single_byte_flip_and_every_truncation_is_refused() -> None:
    for position in range(len(SEALED)):
        damaged = bytearray(SEALED)
        damaged[position] ^= 0x5A
        with pytest.raises(DamagedFileError):
            sealed_file.read_header(bytes(damaged))
    for length in range(len(SEALED)):
        with pytest.raises(DamagedFileError):
            sealed_file.read_header(SEALED[:length])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_a_deliberate_edit_with_a_new_checksum_is_still_refused(position: int, flip: int
                                                                ) -> None:
    body = bytearray(SEALED[:-32])
    body[position % len(body)] ^= flip
    with pytest.raises(LerError) as raised:
        sealed_file.unseal(_with_checksum(bytes(body)), PASS, kind="test")
    assert isinstance(raised.value, PassphraseError | BadInputError)


def test_header_changed_consistently_is_caught_by_the_inner_digest() -> None:
    header, prefix, box = sealed_file.read_header(SEALED)
    # Same key parameters, but another "kind" in the header: the key still derives and
    # the box still opens, so only the sealed digest of the header can notice.
    forged = sealed_file.SealedHeader("other", header.opslimit, header.memlimit,
                                      header.salt, header.nonce).to_bytes()
    new_prefix = sealed_file._PREFIX.pack(sealed_file.MAGIC, 1, len(forged)) + forged
    with pytest.raises(DamagedFileError, match="header does not match"):
        sealed_file.unseal(_with_checksum(new_prefix + box), PASS, kind="other")
    assert prefix != new_prefix


def test_unaffordable_key_derivation_cost_is_refused_before_deriving() -> None:
    header, _, box = sealed_file.read_header(SEALED)
    greedy = sealed_file.SealedHeader("test", 10_000, 1 << 40, header.salt,
                                      header.nonce).to_bytes()
    prefix = sealed_file._PREFIX.pack(sealed_file.MAGIC, 1, len(greedy)) + greedy
    with pytest.raises(DamagedFileError, match="more than lerkit ever writes"):
        sealed_file.unseal(_with_checksum(prefix + box), PASS, kind="test")


def test_newer_version_is_named() -> None:
    body = bytearray(SEALED[:-32])
    body[len(sealed_file.MAGIC)] = 9
    with pytest.raises(DamagedFileError, match="version 9"):
        sealed_file.unseal(_with_checksum(bytes(body)), PASS, kind="test")
