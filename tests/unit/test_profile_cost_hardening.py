"""A sealed file asking for a costlier key derivation than lerkit writes is refused at once."""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pytest

from lerkit.core import passphrase_kdf, sealed_file
from lerkit.core.passphrase_kdf import (
    MAX_MEMLIMIT,
    MAX_OPSLIMIT,
    TEST_MEMLIMIT,
    TEST_OPSLIMIT,
    cost_problem,
)
from lerkit.core.sealed_file import DamagedFileError
from lerkit.services import keys
from tests.cli.runner import ler

GiB = 1024 * 1024 * 1024


def _crafted(opslimit: object, memlimit: object, kind: str = "lerkit-profile") -> bytes:
    """A well-formed sealed file whose header claims another cost (checksum recomputed)."""
    real = sealed_file.seal(b"{}", "a long passphrase", kind=kind, opslimit=TEST_OPSLIMIT,
                            memlimit=TEST_MEMLIMIT)
    header, _, box = sealed_file.read_header(real)
    head = (sealed_file.SealedHeader(kind, 1, 1, header.salt, header.nonce).to_bytes()
            .replace(b'"opslimit":1', f'"opslimit":{opslimit}'.encode())
            .replace(b'"memlimit":1', f'"memlimit":{memlimit}'.encode()))
    body = sealed_file._PREFIX.pack(sealed_file.MAGIC, 1, len(head)) + head + box
    return body + hashlib.sha256(body).digest()


def test_the_strongest_setting_lerkit_writes_is_the_most_it_reads() -> None:
    assert max(ops for ops, _ in keys.STRENGTHS.values()) == MAX_OPSLIMIT
    assert max(mem for _, mem in keys.STRENGTHS.values()) == MAX_MEMLIMIT
    assert all(cost_problem(ops, mem) is None for ops, mem in keys.STRENGTHS.values())


@pytest.mark.parametrize(("ops", "mem", "reason"), [
    (64, 2 * GiB, "more than lerkit ever writes (at most 4 passes over 1024 MiB)"),
    (5, GiB, "more than lerkit ever writes"),
    (4, GiB + 1, "more than lerkit ever writes"),
    (0, TEST_MEMLIMIT, "less than lerkit accepts"),
    ("true", TEST_MEMLIMIT, "not a pair of whole numbers"),
    (2.0, TEST_MEMLIMIT, "not a pair of whole numbers"),
])
def test_refused_before_any_key_is_derived(ops: object, mem: object, reason: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    crafted = _crafted(ops, mem)

    def never(*_: object) -> bytes:
        raise AssertionError("a key was derived")

    monkeypatch.setattr(sealed_file, "derive_key", never)
    monkeypatch.setattr(passphrase_kdf, "derive_key", never)
    with pytest.raises(DamagedFileError, match=re.escape(reason)):
        sealed_file.unseal(crafted, "a long passphrase", kind="lerkit-profile",
                           source="p.lerprofile")


def test_profile_load_refuses_at_once_with_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "crafted.lerprofile"
    path.write_bytes(_crafted(64, 2 * GiB))
    started = time.monotonic()
    result = ler("profile", "load", str(path))  # no passphrase given: refused before asking
    assert time.monotonic() - started < 5
    assert result.code == 2
    assert result.stderr.strip() == (
        f"ler: error: {path}: its Argon2id cost (64 passes over 2048 MiB) is more than lerkit "
        "ever writes (at most 4 passes over 1024 MiB); no key was derived")
    other = tmp_path / "key.lerprofile"
    other.write_bytes(_crafted(TEST_OPSLIMIT, TEST_MEMLIMIT, kind="something-else"))
    refused = ler("profile", "load", str(other))
    assert refused.code == 2 and "not a profile" in refused.stderr
