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
from lerkit.core.i18n import _

# "Moderate" Argon2id: about half a second and 256 MiB on a laptop.
DEFAULT_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
DEFAULT_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
# Fast, weak parameters for tests only.
TEST_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_MIN
TEST_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_MIN
# Upper bounds accepted when opening: the strongest cost lerkit writes ("sensitive":
# 4 passes over 1 GiB), so that a crafted file cannot spend minutes or memory for nothing.
MAX_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE
MAX_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE
SALT_BYTES: int = nacl.pwhash.argon2id.SALTBYTES
_MiB = 1024 * 1024


def params_ok(opslimit: int, memlimit: int) -> bool:
    """True for Argon2id costs between the test minimum and the strongest lerkit writes."""
    return (type(opslimit) is int and type(memlimit) is int
            and TEST_OPSLIMIT <= opslimit <= MAX_OPSLIMIT
            and TEST_MEMLIMIT <= memlimit <= MAX_MEMLIMIT)


def cost_problem(opslimit: object, memlimit: object) -> str | None:
    """Why lerkit will not derive a key at this Argon2id cost, or None if it will."""
    if type(opslimit) is not int or type(memlimit) is not int:
        return _("its Argon2id cost is not a pair of whole numbers")
    if params_ok(opslimit, memlimit):
        return None
    memory = f"{memlimit / _MiB:g}"
    if opslimit > MAX_OPSLIMIT or memlimit > MAX_MEMLIMIT:
        return _("its Argon2id cost ({passes} passes over {memory} MiB) is more than lerkit "
                 "ever writes (at most {most_passes} passes over {most_memory} MiB); no key "
                 "was derived").format(passes=opslimit, memory=memory, most_passes=MAX_OPSLIMIT,
                                       most_memory=MAX_MEMLIMIT // _MiB)
    return _("its Argon2id cost ({passes} passes over {memory} MiB) is less than lerkit "
             "accepts (at least {least_passes} pass over {least_memory} KiB)").format(
        passes=opslimit, memory=memory, least_passes=TEST_OPSLIMIT,
        least_memory=TEST_MEMLIMIT // 1024)


def derive_key(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    """A SecretBox key from the passphrase (Unicode NFC, UTF-8) and salt."""
    if not isinstance(passphrase, str) or passphrase == "":
        raise PassphraseError(_("a passphrase is needed to protect the signing key"))
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE, secret, salt, opslimit=opslimit, memlimit=memlimit
        )
    )
