"""Resource digests: ``digestMultibase`` (multihash) and ``digestSRI``, and file checks."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from pathlib import Path

from lerkit.core.credentials.multikey import multibase_decode, multibase_encode
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _

# multihash code -> (hashlib name, digest length)
_MULTIHASH = {0x12: ("sha256", 32), 0x20: ("sha384", 48), 0x13: ("sha512", 64)}
_CODES = {name: code for code, (name, _) in _MULTIHASH.items()}
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_SRI = re.compile(r"(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})")
_CHUNK = 1024 * 1024


def digest_multibase(digest: bytes, algorithm: str = "sha384") -> str:
    """``"z" + base58btc(multihash)`` for a raw digest."""
    code = _CODES[algorithm]
    return multibase_encode(bytes([code, len(digest)]) + digest)


def sha256_hex_to_multibase(hex_digest: str) -> str:
    """A stored SHA-256 hex digest as a sha2-256 multihash ``digestMultibase``."""
    if not isinstance(hex_digest, str) or not _HEX64.fullmatch(hex_digest):
        raise BadInputError(_("a SHA-256 digest is 64 hexadecimal characters"))
    return digest_multibase(bytes.fromhex(hex_digest), "sha256")


def parse_digest_multibase(value: object) -> tuple[str, bytes]:
    """(hashlib name, digest) from a ``digestMultibase`` (base58btc ``z`` or base64url ``u``)."""
    if isinstance(value, str) and value.startswith("u"):
        try:
            raw = base64.urlsafe_b64decode(value[1:] + "=" * (-len(value[1:]) % 4))
        except (binascii.Error, ValueError):
            raise BadInputError(_("digestMultibase is not valid base64url")) from None
    else:
        raw = multibase_decode(value if isinstance(value, str) else "", "digestMultibase")
    if len(raw) < 2 or raw[0] not in _MULTIHASH:
        raise BadInputError(_("digestMultibase uses an unsupported hash (sha256/384/512 only)"))
    name, length = _MULTIHASH[raw[0]]
    if raw[1] != length or len(raw) != 2 + length:
        raise BadInputError(_("digestMultibase has the wrong digest length"))
    return name, raw[2:]


def parse_digest_sri(value: object) -> tuple[str, bytes]:
    """(hashlib name, digest) from an SRI expression like ``sha384-<base64>``."""
    match = _SRI.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise BadInputError(_("digestSRI is not a sha256/384/512 SRI expression"))
    try:
        return match.group(1), base64.b64decode(match.group(2), validate=True)
    except binascii.Error:
        raise BadInputError(_("digestSRI is not valid base64")) from None


def file_digest(path: Path, algorithm: str) -> bytes:
    """Hash a file in chunks."""
    hasher = hashlib.new(algorithm)
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            hasher.update(chunk)
    return hasher.digest()


def safe_file_name(name: object) -> str | None:
    """``name`` if it is a plain file name (no folders, not ``.``/``..``), else None."""
    if not isinstance(name, str) or not name or len(name) > 255:
        return None
    if name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        return None
    return name


def check_evidence_file(
    folder: Path, name: object, expected: list[tuple[str, bytes]]
) -> str | None:
    """None if ``folder/name`` matches every expected digest, else the problem."""
    file_name = safe_file_name(name)
    if file_name is None:
        return _("evidence file name {name!r} is not a plain file name").format(name=name)
    path = folder / file_name
    try:
        if not path.is_file():
            return _("evidence file {name!r} is not in {folder}").format(name=file_name,
                                                                         folder=folder)
        for algorithm, digest in expected:
            if file_digest(path, algorithm) != digest:
                return _("evidence file {name!r} does not match its {algorithm} digest"
                         ).format(name=file_name, algorithm=algorithm)
    except OSError as exc:
        return _("evidence file {name!r} cannot be read ({reason})").format(
            name=file_name, reason=exc.strerror or exc)
    return None
