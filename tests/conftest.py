"""Shared fixtures: every test runs with its own LER_HOME, never a real home."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
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


def need_tmux() -> str:
    """The tmux binary; skip without it, or fail under LER_REQUIRE_TMUX=1 (CI installs it)."""
    found = shutil.which("tmux")
    if found is None:
        message = "tmux is not installed"
        if _flag("LER_REQUIRE_TMUX"):
            pytest.fail(f"{message} (LER_REQUIRE_TMUX=1)")
        pytest.skip(message)
    return found


def reference_verdicts(*files: Path | str) -> list[str]:
    """The reference verifier's verdict lines for ``files``; fails unless it exits 0.

    The second verifier (didkit, see tests/verifiers.py) must give every credential the
    same verdict, but where tests/verifiers.py names the reason it cannot.
    """
    from tests import verifiers

    proc = subprocess.run([str(need_interop() / "verify-vc"), *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    second = verifiers.didkit_lines(files)
    assert verifiers.compare(lines, second, files) == [], "\n".join(second)
    return lines


@pytest.fixture(autouse=True)
def ler_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private LER_HOME for each test; LER_DB and LER_PASSPHRASE cleared."""
    home = tmp_path / "ler-home"
    home.mkdir()
    monkeypatch.setenv("LER_HOME", str(home))
    monkeypatch.delenv("LER_DB", raising=False)
    monkeypatch.delenv("LER_PASSPHRASE", raising=False)
    monkeypatch.delenv("LER_DATA_DIR", raising=False)
    monkeypatch.delenv("LER_KEY_STRENGTH", raising=False)
    return home


def _create_pg_database(admin_url: str) -> tuple[str, str]:
    """Create a fresh database on the test server; returns (SQLAlchemy URL, name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = "lerkit_test_" + secrets.token_hex(6)
    parsed = make_url(admin_url)
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = parsed.set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False), name


def _drop_pg_database(admin_url: str, name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo = make_url(admin_url).set(drivername="postgresql").render_as_string(
        hide_password=False
    )
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_admin_url() -> str:
    """The PostgreSQL test server; skip without LER_TEST_PG_URL (CI always sets it)."""
    url = os.environ.get("LER_TEST_PG_URL")
    if not url:
        if _flag("LER_REQUIRE_PG"):
            pytest.fail("LER_REQUIRE_PG=1 but LER_TEST_PG_URL is not set")
        pytest.skip("LER_TEST_PG_URL is not set: no PostgreSQL server for this run")
    return url


@contextmanager
def fresh_database(sqlite_file: Path | None) -> Iterator[str]:
    """The URL of a new, empty database: this SQLite file, or (None) a PostgreSQL database
    dropped afterwards."""
    if sqlite_file is not None:
        yield f"sqlite:///{sqlite_file}"
        return
    admin = pg_admin_url()
    url, name = _create_pg_database(admin)
    try:
        yield url
    finally:
        _drop_pg_database(admin, name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: a SQLite file and a PostgreSQL database."""
    with fresh_database(tmp_path / "test.db" if request.param == "sqlite" else None) as url:
        yield url
