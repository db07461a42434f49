"""The person's Ed25519 identity and its passphrase protection.

The 32-byte seed is sealed with ``nacl.secret.SecretBox`` under a key derived
from the passphrase with Argon2id (fresh random salt; the cost parameters are
stored next to the sealed blob). Private material never appears in a repr, a
str or an error message.
"""

from __future__ import annotations

import base64
import binascii
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import nacl.exceptions
import nacl.secret
import nacl.signing
import nacl.utils

from lerkit.core.credentials.multikey import (
    did_from_public_key,
    public_key_from_did,
    public_key_to_multibase,
    verification_method_for,
)
from lerkit.core.errors import BadInputError, PassphraseError
from lerkit.core.i18n import _
from lerkit.core.passphrase_kdf import (
    DEFAULT_MEMLIMIT,
    DEFAULT_OPSLIMIT,
    SALT_BYTES,
    derive_key,
    params_ok,
)

SEALED_FORMAT = "lerkit-sealed-ed25519/1"
KDF_NAME = "argon2id"
class Signer(Protocol):
    """What signing needs: the DID, its verification method, and signatures."""

    did: str
    verification_method: str

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``."""
        ...


class Identity:
    """An Ed25519 signing key and its did:key. Its repr shows only the DID."""

    __slots__ = ("_signing_key", "did", "public_key", "verification_method")

    def __init__(self, signing_key: nacl.signing.SigningKey) -> None:
        self._signing_key = signing_key
        self.public_key: bytes = bytes(signing_key.verify_key)
        self.did: str = did_from_public_key(self.public_key)
        self.verification_method: str = verification_method_for(self.public_key)

    @classmethod
    def generate(cls) -> Identity:
        """A fresh random keypair."""
        return cls(nacl.signing.SigningKey.generate())

    @classmethod
    def from_seed(cls, seed: bytes) -> Identity:
        """The keypair for a 32-byte seed (e.g. a published test vector)."""
        if not isinstance(seed, bytes) or len(seed) != 32:
            raise BadInputError("an Ed25519 seed is 32 bytes")
        return cls(nacl.signing.SigningKey(seed))

    @property
    def public_key_multibase(self) -> str:
        """``z6Mk...``."""
        return public_key_to_multibase(self.public_key)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``."""
        return bytes(self._signing_key.sign(message).signature)

    def export_seed(self) -> bytes:
        """The raw 32-byte seed; only for sealing it again."""
        return bytes(self._signing_key)

    def __repr__(self) -> str:
        return f"Identity(did={self.did!r})"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("an Identity holds a private key and is not picklable")


@dataclass(frozen=True, repr=False)
class SealedKey:
    """A passphrase-sealed seed plus the public DID and the KDF parameters."""

    did: str
    salt: bytes
    box: bytes  # nonce || ciphertext from SecretBox
    opslimit: int
    memlimit: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "format": SEALED_FORMAT,
            "did": self.did,
            "kdf": {
                "name": KDF_NAME,
                "opslimit": self.opslimit,
                "memlimit": self.memlimit,
                "salt": base64.b64encode(self.salt).decode("ascii"),
            },
            "box": base64.b64encode(self.box).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Any) -> SealedKey:
        """Parse :meth:`to_dict` output; BadInputError on anything malformed."""
        try:
            if data["format"] != SEALED_FORMAT or data["kdf"]["name"] != KDF_NAME:
                raise BadInputError(_("sealed key: unknown format"))
            ops, mem = data["kdf"]["opslimit"], data["kdf"]["memlimit"]
            salt = base64.b64decode(data["kdf"]["salt"], validate=True)
            box = base64.b64decode(data["box"], validate=True)
            did = data["did"]
        except (KeyError, TypeError, binascii.Error):
            raise BadInputError(_("sealed key: missing or malformed fields")) from None
        if not (isinstance(ops, int) and isinstance(mem, int) and isinstance(did, str)):
            raise BadInputError(_("sealed key: malformed fields"))
        return cls(did=did, salt=salt, box=box, opslimit=ops, memlimit=mem)

    def __repr__(self) -> str:
        return f"SealedKey(did={self.did!r}, opslimit={self.opslimit}, memlimit={self.memlimit})"


def seal_identity(
    identity: Identity,
    passphrase: str,
    *,
    opslimit: int = DEFAULT_OPSLIMIT,
    memlimit: int = DEFAULT_MEMLIMIT,
) -> SealedKey:
    """Seal the identity's seed under ``passphrase`` (Argon2id + SecretBox)."""
    if not params_ok(opslimit, memlimit):
        raise BadInputError("Argon2id parameters out of range")
    salt = nacl.utils.random(SALT_BYTES)
    box = nacl.secret.SecretBox(derive_key(passphrase, salt, opslimit, memlimit))
    sealed = bytes(box.encrypt(identity.export_seed()))
    return SealedKey(did=identity.did, salt=salt, box=sealed, opslimit=opslimit, memlimit=memlimit)


def unseal_identity(sealed: SealedKey, passphrase: str) -> Identity:
    """Open a sealed key; PassphraseError if the passphrase is wrong."""
    if not params_ok(sealed.opslimit, sealed.memlimit):
        raise BadInputError(_("sealed key: Argon2id parameters out of range"))
    if len(sealed.salt) != SALT_BYTES:
        raise BadInputError(_("sealed key: salt has the wrong length"))
    key = derive_key(passphrase, sealed.salt, sealed.opslimit, sealed.memlimit)
    try:
        seed = nacl.secret.SecretBox(key).decrypt(sealed.box)
    except (nacl.exceptions.CryptoError, ValueError, TypeError):
        raise PassphraseError(_(
            "wrong passphrase: the signing key could not be unlocked (or the key file was changed)"
        )) from None
    identity = Identity.from_seed(bytes(seed))
    if identity.did != sealed.did:
        raise BadInputError(_("sealed key: the stored DID does not match the sealed key"))
    return identity


class UnlockingIdentity:
    """A sealed identity being opened in a background thread; a :class:`Signer`.

    Argon2id runs in C without holding the GIL, so the work that needs only the DID
    (building and canonicalizing documents) goes on meanwhile on the other core.
    :meth:`sign` and :meth:`identity` wait for the key and raise what unsealing raised
    (a wrong passphrase is a :class:`PassphraseError`).
    """

    def __init__(self, sealed: SealedKey, passphrase: str) -> None:
        self.did: str = sealed.did
        self.verification_method: str = verification_method_for(public_key_from_did(sealed.did))
        self._sealed = sealed
        self._passphrase: str | None = passphrase
        self._identity: Identity | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._unseal, name="unseal-key", daemon=True)
        self._thread.start()

    def _unseal(self) -> None:
        try:
            self._identity = unseal_identity(self._sealed, self._passphrase or "")
        except BaseException as exc:  # handed to the thread that asks for the key
            self._error = exc
        finally:
            self._passphrase = None

    def identity(self) -> Identity:
        """The unsealed identity (waits for the key derivation to finish)."""
        self._thread.join()
        if self._error is not None:
            raise self._error.with_traceback(None)
        assert self._identity is not None
        return self._identity

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``message``, once the key is open."""
        return self.identity().sign(message)

    def __repr__(self) -> str:
        return f"UnlockingIdentity(did={self.did!r})"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("an UnlockingIdentity holds a passphrase and is not picklable")
