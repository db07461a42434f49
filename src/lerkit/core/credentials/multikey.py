"""Ed25519 Multikey and did:key encoding.

A public key is written ``"z" + base58btc(0xed 0x01 || key)`` (it starts with
``z6Mk``), a seed ``"z" + base58btc(0x80 0x26 || seed)`` (``z3u2``). The DID is
``did:key:<multibase>`` and its one verification method is
``did:key:<multibase>#<multibase>``.
"""

from __future__ import annotations

from dataclasses import dataclass

import base58

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _

ED25519_PUB_PREFIX = b"\xed\x01"
ED25519_PRIV_PREFIX = b"\x80\x26"
KEY_LENGTH = 32
DID_KEY_PREFIX = "did:key:"


def multibase_encode(data: bytes) -> str:
    """Multibase base58btc (``z`` prefix)."""
    return "z" + base58.b58encode(data).decode("ascii")


def multibase_decode(value: str, what: str = "value") -> bytes:
    """Decode a base58btc multibase string; BadInputError if it is not one."""
    if not isinstance(value, str) or not value.startswith("z") or len(value) < 2:
        raise BadInputError(_("{field} is not base58btc multibase (must start with 'z')")
                            .format(field=what))
    if len(value) > 4096:
        raise BadInputError(_("{field} is too long").format(field=what))
    try:
        return bytes(base58.b58decode(value[1:]))
    except ValueError:
        raise BadInputError(_("{field} has characters that are not base58btc")
                            .format(field=what)) from None


def _decode_prefixed(value: str, prefix: bytes, what: str) -> bytes:
    raw = multibase_decode(value, what)
    if raw[:2] != prefix:
        raise BadInputError(
            _("{field} has multicodec prefix 0x{found}, expected 0x{expected} (Ed25519)")
            .format(field=what, found=raw[:2].hex() or "-", expected=prefix.hex()))
    if len(raw) != 2 + KEY_LENGTH:
        raise BadInputError(_("{field} holds {n} key bytes, expected {expected}")
                            .format(field=what, n=len(raw) - 2, expected=KEY_LENGTH))
    return raw[2:]


def public_key_to_multibase(public_key: bytes) -> str:
    """``z6Mk...`` for a 32-byte Ed25519 public key."""
    if len(public_key) != KEY_LENGTH:
        raise BadInputError(f"an Ed25519 public key has {KEY_LENGTH} bytes, not {len(public_key)}")
    return multibase_encode(ED25519_PUB_PREFIX + public_key)


def public_key_from_multibase(value: str) -> bytes:
    """The 32-byte public key inside ``z6Mk...``; clear errors for anything else."""
    return _decode_prefixed(value, ED25519_PUB_PREFIX, "public key multibase")


def seed_to_multibase(seed: bytes) -> str:
    """``z3u2...`` (secretKeyMultibase) for a 32-byte seed. Handle with care."""
    if len(seed) != KEY_LENGTH:
        raise BadInputError(f"an Ed25519 seed has {KEY_LENGTH} bytes")
    return multibase_encode(ED25519_PRIV_PREFIX + seed)


def seed_from_multibase(value: str) -> bytes:
    """The 32-byte seed inside a ``z3u2...`` secretKeyMultibase."""
    return _decode_prefixed(value, ED25519_PRIV_PREFIX, "secret key multibase")


def did_from_public_key(public_key: bytes) -> str:
    """``did:key:z6Mk...``."""
    return DID_KEY_PREFIX + public_key_to_multibase(public_key)


def verification_method_for(public_key: bytes) -> str:
    """``did:key:z6Mk...#z6Mk...``."""
    mb = public_key_to_multibase(public_key)
    return f"{DID_KEY_PREFIX}{mb}#{mb}"


def public_key_from_did(did: str) -> bytes:
    """The Ed25519 key of a ``did:key:z6Mk...`` DID."""
    if not isinstance(did, str) or not did.startswith(DID_KEY_PREFIX):
        raise BadInputError(_("not a did:key DID (must start with 'did:key:')"))
    value = did[len(DID_KEY_PREFIX) :]
    if "#" in value or "/" in value or "?" in value:
        raise BadInputError(_("a did:key DID has no path, query or fragment"))
    return public_key_from_multibase(value)


@dataclass(frozen=True)
class VerificationMethod:
    """A resolved verification method: its id, controller DID and public key."""

    id: str
    controller: str
    public_key: bytes


def resolve_verification_method(vm: str) -> VerificationMethod:
    """Resolve ``did:key:X#X`` offline; the fragment must repeat the key."""
    if not isinstance(vm, str):
        raise BadInputError(_("verificationMethod is not a string"))
    did, sep, fragment = vm.partition("#")
    if not sep:
        raise BadInputError(_("verificationMethod has no '#fragment'"))
    key = public_key_from_did(did)
    if fragment != did[len(DID_KEY_PREFIX) :]:
        raise BadInputError(_("verificationMethod fragment does not match its did:key"))
    return VerificationMethod(id=vm, controller=did, public_key=key)
