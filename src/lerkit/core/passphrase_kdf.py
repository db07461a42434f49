"""Keys derived from a passphrase with Argon2id (libsodium via PyNaCl), for sealing secrets.

Shared by the sealed signing keys (``core/credentials/keys.py``) and sealed files
(``core/sealed_file.py``). The cost parameters travel with what they sealed, and are
bounded when opening so that a crafted file cannot exhaust memory.
"""

from __future__ import annotations

import unicodedata

import nacl.pwhash
import nacl.secret

from lerkit.core.errors import PassphraseError

# "Moderate" Argon2id: about half a second and 256 MiB on a laptop.
DEFAULT_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
DEFAULT_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
# Fast, weak parameters for tests only.
TEST_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_MIN
TEST_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_MIN
# Upper bounds accepted when opening, so a crafted file cannot exhaust memory.
MAX_OPSLIMIT = 64
MAX_MEMLIMIT = 2 * 1024 * 1024 * 1024
SALT_BYTES: int = nacl.pwhash.argon2id.SALTBYTES


def params_ok(opslimit: int, memlimit: int) -> bool:
    """True for Argon2id costs between the test minimum and the accepted maximum."""
    return TEST_OPSLIMIT <= opslimit <= MAX_OPSLIMIT and TEST_MEMLIMIT <= memlimit <= MAX_MEMLIMIT


def derive_key(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    """A SecretBox key from the passphrase (Unicode NFC, UTF-8) and salt."""
    if not isinstance(passphrase, str) or passphrase == "":
        raise PassphraseError("a passphrase is needed to protect the signing key")
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE, secret, salt, opslimit=opslimit, memlimit=memlimit
        )
    )
