"""Key generation, passphrase sealing, and keeping private material out of sight."""

from __future__ import annotations

import copy
import json
import pickle
import threading
import unicodedata

import base58
import pytest

from lerkit.core.credentials import keys as keys_module
from lerkit.core.credentials.keys import (
    Identity,
    SealedKey,
    UnlockingIdentity,
    seal_identity,
    unseal_identity,
)
from lerkit.core.credentials.multikey import seed_to_multibase
from lerkit.core.errors import BadInputError, PassphraseError
from lerkit.core.passphrase_kdf import (
    DEFAULT_MEMLIMIT,
    DEFAULT_OPSLIMIT,
    TEST_MEMLIMIT,
    TEST_OPSLIMIT,
)

FAST = {"opslimit": TEST_OPSLIMIT, "memlimit": TEST_MEMLIMIT}


def _secret_spellings(identity: Identity) -> list[str]:
    seed = identity.export_seed()
    return [
        seed.hex(),
        seed.hex().upper(),
        base58.b58encode(seed).decode(),
        seed_to_multibase(seed),
        repr(seed)[2:-1],
    ]


def test_seal_and_unseal_round_trip() -> None:
    identity = Identity.generate()
    sealed = seal_identity(identity, "correct horse battery staple", **FAST)
    stored = json.loads(json.dumps(sealed.to_dict()))
    opened = unseal_identity(SealedKey.from_dict(stored), "correct horse battery staple")
    assert opened.did == identity.did
    assert opened.sign(b"x") == identity.sign(b"x")
    assert stored["kdf"]["opslimit"] == TEST_OPSLIMIT
    assert stored["kdf"]["memlimit"] == TEST_MEMLIMIT


def test_each_seal_uses_a_fresh_salt() -> None:
    identity = Identity.generate()
    first = seal_identity(identity, "pass", **FAST)
    second = seal_identity(identity, "pass", **FAST)
    assert first.salt != second.salt
    assert first.box != second.box


def test_defaults_are_argon2id_moderate() -> None:
    assert DEFAULT_OPSLIMIT >= 3
    assert DEFAULT_MEMLIMIT >= 256 * 1024 * 1024


def test_wrong_passphrase_is_a_passphrase_error() -> None:
    identity = Identity.generate()
    sealed = seal_identity(identity, "right", **FAST)
    with pytest.raises(PassphraseError, match="wrong passphrase") as caught:
        unseal_identity(sealed, "wrong")
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    for secret in _secret_spellings(identity):
        assert secret not in str(caught.value)


def test_tampered_box_reads_as_wrong_passphrase() -> None:
    sealed = seal_identity(Identity.generate(), "right", **FAST)
    broken = SealedKey(
        did=sealed.did,
        salt=sealed.salt,
        box=sealed.box[:-1] + b"\0",
        opslimit=sealed.opslimit,
        memlimit=sealed.memlimit,
    )
    with pytest.raises(PassphraseError):
        unseal_identity(broken, "right")
    short = SealedKey(
        did=sealed.did,
        salt=sealed.salt,
        box=b"short",
        opslimit=sealed.opslimit,
        memlimit=sealed.memlimit,
    )
    with pytest.raises(PassphraseError):
        unseal_identity(short, "right")


def test_empty_passphrase_is_refused() -> None:
    with pytest.raises(PassphraseError, match="passphrase is needed"):
        seal_identity(Identity.generate(), "", **FAST)


def test_passphrase_unicode_is_normalised() -> None:
    composed = "caf\u00e9 au lait"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    identity = Identity.generate()
    sealed = seal_identity(identity, composed, **FAST)
    assert unseal_identity(sealed, decomposed).did == identity.did


def test_crafted_cost_parameters_are_refused() -> None:
    sealed = seal_identity(Identity.generate(), "pass", **FAST)
    data = sealed.to_dict()
    data["kdf"]["memlimit"] = 64 * 1024**3
    with pytest.raises(BadInputError, match="out of range"):
        unseal_identity(SealedKey.from_dict(data), "pass")


def test_swapped_did_is_detected() -> None:
    sealed = seal_identity(Identity.generate(), "pass", **FAST)
    other = Identity.generate().did
    swapped = SealedKey(
        did=other,
        salt=sealed.salt,
        box=sealed.box,
        opslimit=sealed.opslimit,
        memlimit=sealed.memlimit,
    )
    with pytest.raises(BadInputError, match="does not match"):
        unseal_identity(swapped, "pass")


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"format": "other"},
        {"format": "lerkit-sealed-ed25519/1", "kdf": "x"},
        {
            "format": "lerkit-sealed-ed25519/1",
            "did": "d",
            "box": "!!",
            "kdf": {"name": "argon2id", "opslimit": 1, "memlimit": 8192, "salt": "AA=="},
        },
    ],
)
def test_malformed_sealed_files_are_bad_input(data: object) -> None:
    with pytest.raises(BadInputError):
        SealedKey.from_dict(data)


def test_no_private_material_in_repr_or_str() -> None:
    identity = Identity.from_seed(bytes(range(32)))
    sealed = seal_identity(identity, "pass", **FAST)
    shown = [
        repr(identity),
        str(identity),
        f"{identity}",
        repr(sealed),
        str(sealed),
        repr([identity]),
        repr({"k": identity}),
    ]
    for text in shown:
        assert identity.did in text
        for secret in _secret_spellings(identity):
            assert secret not in text
    assert "box" not in repr(sealed) and "salt" not in repr(sealed)


def test_identity_has_no_instance_dict_and_does_not_pickle() -> None:
    identity = Identity.generate()
    assert not hasattr(identity, "__dict__")
    with pytest.raises(TypeError):
        pickle.dumps(identity)
    with pytest.raises(TypeError):
        copy.deepcopy(identity)


def test_bad_seed_length() -> None:
    with pytest.raises(BadInputError, match="32 bytes"):
        Identity.from_seed(b"short")


def test_unlocking_identity_knows_its_did_before_the_key_is_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    identity = Identity.generate()
    sealed = seal_identity(identity, "pass phrase", **FAST)
    release = threading.Event()
    real_unseal = keys_module.unseal_identity

    def held_unseal(key: SealedKey, passphrase: str) -> Identity:
        assert release.wait(10)
        return real_unseal(key, passphrase)

    monkeypatch.setattr(keys_module, "unseal_identity", held_unseal)
    pending = UnlockingIdentity(sealed, "pass phrase")
    # The constructor returned while unsealing is still held: the DID comes from the
    # stored public part, so documents can be built and hashed meanwhile.
    assert pending.did == identity.did
    assert pending.verification_method == identity.verification_method
    release.set()
    assert pending.sign(b"message") == identity.sign(b"message")


def test_unlocking_identity_with_a_wrong_passphrase_fails_when_signing() -> None:
    sealed = seal_identity(Identity.generate(), "right pass", **FAST)
    pending = UnlockingIdentity(sealed, "wrong pass")
    for _ in range(2):  # the same clear error every time it is asked
        with pytest.raises(PassphraseError, match="wrong passphrase"):
            pending.sign(b"x")


def test_unlocking_identity_shows_no_secret_and_does_not_pickle() -> None:
    identity = Identity.from_seed(bytes(range(32)))
    pending = UnlockingIdentity(seal_identity(identity, "pass phrase", **FAST), "pass phrase")
    pending.identity()
    for text in (repr(pending), str(pending), repr([pending])):
        assert identity.did in text and "pass phrase" not in text
        for secret in _secret_spellings(identity):
            assert secret not in text
    with pytest.raises(TypeError):
        pickle.dumps(pending)
