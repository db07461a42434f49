"""A passphrase-sealed file: Argon2id + SecretBox, with an authenticated header.

Layout (see docs/portable-profile.md)::

    magic     8 bytes   b"\\x89LKP\\r\\n\\x1a\\n"
    version   1 byte    1
    length    4 bytes   big-endian length H of the header
    header    H bytes   UTF-8 JSON: kind, KDF name and cost, salt, cipher, nonce, compression
    box       n bytes   SecretBox ciphertext (Poly1305 tag + XSalsa20 stream)
    checksum  32 bytes  SHA-256 of everything before it

The sealed plaintext is ``SHA-256(magic .. header) || zlib(payload)``: the header is
authenticated by the box (and its KDF cost and salt also shape the key). The trailing
checksum is not a secret: it only tells a damaged or truncated file apart from a wrong
passphrase, before any expensive key derivation.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

import nacl.exceptions
import nacl.secret
import nacl.utils

from lerkit.core.errors import BadInputError, FileFormatError, PassphraseError
from lerkit.core.i18n import _
from lerkit.core.passphrase_kdf import SALT_BYTES, cost_problem, derive_key, params_ok
from lerkit.core.strict_json import parse_json

MAGIC = b"\x89LKP\r\n\x1a\n"
VERSION = 1
KDF = "argon2id"
CIPHER = "xsalsa20-poly1305"
COMPRESSION = "zlib"
MAX_HEADER = 4096
MAX_PAYLOAD = 256 * 1024 * 1024
_PREFIX = struct.Struct(">8sBI")
_DIGEST = 32


class DamagedFileError(BadInputError):
    """The file is not a sealed lerkit file, or it was changed or cut short."""


@dataclass(frozen=True)
class SealedHeader:
    """The readable part of a sealed file (nothing secret)."""

    kind: str
    opslimit: int
    memlimit: int
    salt: bytes
    nonce: bytes

    def to_bytes(self) -> bytes:
        """Canonical JSON of the header."""
        return json.dumps({
            "kind": self.kind,
            "kdf": {"name": KDF, "opslimit": self.opslimit, "memlimit": self.memlimit,
                    "salt": base64.b64encode(self.salt).decode("ascii")},
            "cipher": CIPHER,
            "nonce": base64.b64encode(self.nonce).decode("ascii"),
            "compression": COMPRESSION,
        }, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(payload: bytes, passphrase: str, *, kind: str, opslimit: int, memlimit: int) -> bytes:
    """Seal ``payload`` under a key derived from ``passphrase`` (fresh salt and nonce)."""
    if not params_ok(opslimit, memlimit):
        raise BadInputError("Argon2id parameters out of range")
    header = SealedHeader(kind, opslimit, memlimit,
                          nacl.utils.random(SALT_BYTES),
                          nacl.utils.random(nacl.secret.SecretBox.NONCE_SIZE))
    head = header.to_bytes()
    prefix = _PREFIX.pack(MAGIC, VERSION, len(head)) + head
    key = derive_key(passphrase, header.salt, opslimit, memlimit)
    plain = hashlib.sha256(prefix).digest() + zlib.compress(payload, 6)
    box = nacl.secret.SecretBox(key).encrypt(plain, header.nonce).ciphertext
    body = prefix + bytes(box)
    return body + hashlib.sha256(body).digest()


def read_header(data: bytes, source: str = "file") -> tuple[SealedHeader, bytes, bytes]:
    """Check the frame and checksum; returns the header, the authenticated prefix, the box."""
    if len(data) < _PREFIX.size or not data.startswith(MAGIC):
        raise DamagedFileError(_("{source}: not a sealed lerkit file").format(source=source))
    _version, version, length = _PREFIX.unpack_from(data)
    if version != VERSION:
        raise DamagedFileError(_("{source}: sealed-file version {version} is not supported "
                                 "by this lerkit (upgrade lerkit)").format(source=source,
                                                                          version=version))
    end = _PREFIX.size + length
    if length > MAX_HEADER or len(data) < end + nacl.secret.SecretBox.MACBYTES + _DIGEST:
        raise DamagedFileError(_("{source}: the file is damaged or incomplete")
                               .format(source=source))
    body, checksum = data[:-_DIGEST], data[-_DIGEST:]
    if not hmac.compare_digest(hashlib.sha256(body).digest(), checksum):
        raise DamagedFileError(_("{source}: the file is damaged or incomplete (checksum "
                                 "mismatch)").format(source=source))
    header = _parse_header(data[_PREFIX.size:end], source)
    return header, data[:end], data[end:-_DIGEST]


def _parse_header(raw: bytes, source: str) -> SealedHeader:
    try:
        doc: Any = parse_json(raw.decode("utf-8"), source)
        kdf = doc["kdf"]
        header = SealedHeader(
            kind=doc["kind"], opslimit=kdf["opslimit"], memlimit=kdf["memlimit"],
            salt=base64.b64decode(kdf["salt"], validate=True),
            nonce=base64.b64decode(doc["nonce"], validate=True))
        known = (kdf["name"] == KDF and doc["cipher"] == CIPHER
                 and doc["compression"] == COMPRESSION)
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError,
            FileFormatError):
        raise DamagedFileError(_("{source}: the header is malformed")
                               .format(source=source)) from None
    if not known or not isinstance(header.kind, str):
        raise DamagedFileError(_("{source}: unknown key derivation, cipher or compression")
                               .format(source=source))
    problem = cost_problem(header.opslimit, header.memlimit)
    if problem is not None:
        raise DamagedFileError(f"{source}: {problem}")
    if (len(header.salt) != SALT_BYTES
            or len(header.nonce) != nacl.secret.SecretBox.NONCE_SIZE):
        raise DamagedFileError(_("{source}: salt or nonce has the wrong length")
                               .format(source=source))
    return header


def unseal(data: bytes, passphrase: str, *, kind: str, source: str = "file") -> bytes:
    """The payload of a sealed file; PassphraseError or DamagedFileError otherwise."""
    header, prefix, box = read_header(data, source)
    if header.kind != kind:
        raise DamagedFileError(_("{source}: holds a {found!r}, not a {kind!r}")
                               .format(source=source, found=header.kind, kind=kind))
    key = derive_key(passphrase, header.salt, header.opslimit, header.memlimit)
    try:
        plain = nacl.secret.SecretBox(key).decrypt(box, header.nonce)
    except (nacl.exceptions.CryptoError, ValueError, TypeError):
        raise PassphraseError(_("{source}: wrong passphrase (or the file was altered)")
                              .format(source=source)) from None
    if not hmac.compare_digest(plain[:_DIGEST], hashlib.sha256(prefix).digest()):
        raise DamagedFileError(_("{source}: the header does not match the sealed content")
                               .format(source=source))
    inflater = zlib.decompressobj()
    try:
        payload = inflater.decompress(plain[_DIGEST:], MAX_PAYLOAD)
    except zlib.error:
        raise DamagedFileError(_("{source}: the sealed content is damaged")
                               .format(source=source)) from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise DamagedFileError(_("{source}: the sealed content is too large or incomplete")
                               .format(source=source))
    return payload
