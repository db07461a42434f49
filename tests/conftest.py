"""Shared fixtures: every test runs with its own LER_HOME, never a real home."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false", "no")


def shared_root() -> Path | None:
    """The shared material (data, interop harness): ``LER_SHARED`` or ``../shared``."""
    env = os.environ.get("LER_SHARED")
    path = Path(env) if env else REPO_ROOT.parent / "shared"
    return path if path.is_dir() else None


def need_shared(relative: str = "") -> Path:
    """A path under the shared folder; skip (or fail under LER_REQUIRE_SHARED=1) if absent."""
    root = shared_root()
    target = root / relative if root is not None else None
    if target is None or not target.exists():
        message = f"shared material {relative or '(root)'} not found; set LER_SHARED"
        if _flag("LER_REQUIRE_SHARED") or _flag("LER_REQUIRE_INTEROP"):
            pytest.fail(message)
        pytest.skip(message)
    return target


def need_interop() -> Path:
    """The reference verifier folder; skip unless LER_REQUIRE_INTEROP=1, which makes it fail."""
    root = shared_root()
    folder = root / "interop" if root is not None else None
    problem = None
    if folder is None or not (folder / "verify-vc").exists():
        problem = "reference verifier not found (set LER_SHARED)"
    elif shutil.which("node") is None or shutil.which("npm") is None:
        problem = "node and npm are needed for the reference verifier"
    if problem is not None:
        if _flag("LER_REQUIRE_INTEROP"):
            pytest.fail(problem)
        pytest.skip(problem)
    assert folder is not None
    return folder


@pytest.fixture(autouse=True)
def ler_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private LER_HOME for each test; LER_DB and LER_PASSPHRASE cleared."""
    home = tmp_path / "ler-home"
    home.mkdir()
    monkeypatch.setenv("LER_HOME", str(home))
    monkeypatch.delenv("LER_DB", raising=False)
    monkeypatch.delenv("LER_PASSPHRASE", raising=False)
    monkeypatch.delenv("LER_DATA_DIR", raising=False)
    yield home
