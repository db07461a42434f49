"""A center on the test PostgreSQL server: its administrator, two coaches, a supervisor.

Roles belong to the whole server, so each center gets its own role names and drops them
when it is done (with its database).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from lerkit.services import center as center_service
from lerkit.services.context import Lerkit
from tests.conftest import fresh_database, pg_admin_url

PASSWORD = "a long center password"


@dataclass(frozen=True)
class Center:
    """URLs (no password: the test server trusts loopback) for each role."""

    admin: str
    coach_a: str
    coach_b: str
    supervisor: str
    names: dict[str, str]

    def conninfo(self, who: str) -> str:
        """A libpq connection string for one role, for plain SQL."""
        url = make_url(getattr(self, who)).set(drivername="postgresql")
        return url.render_as_string(hide_password=False)


def _drop_roles(names: list[str]) -> None:
    conninfo = make_url(pg_admin_url()).set(drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def center() -> Iterator[Center]:
    """A fresh database set up by ``ler center init``, with coaches a and b and a
    supervisor, each a login role of its own."""
    suffix = secrets.token_hex(3)
    names = {"coach_a": f"coach_a_{suffix}", "coach_b": f"coach_b_{suffix}",
             "supervisor": f"sup_{suffix}"}
    try:
        with fresh_database(None) as admin:
            center_service.init(admin)
            ler = Lerkit.open(admin)
            try:
                for who, name in names.items():
                    center_service.add_coach(ler, name, PASSWORD,
                                             supervisor=who == "supervisor")
            finally:
                ler.close()
            as_role = {who: make_url(admin).set(username=name).render_as_string(
                hide_password=False) for who, name in names.items()}
            yield Center(admin, as_role["coach_a"], as_role["coach_b"], as_role["supervisor"],
                         names)
    finally:
        _drop_roles(list(names.values()))


def run_ler(db_url: str | None, *args: str, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real ``ler`` in a process of its own (``--db`` first, as the root option)."""
    full = dict(os.environ)
    full.update(env or {})
    root = ["--db", db_url] if db_url is not None else []
    return subprocess.run([sys.executable, "-m", "lerkit", *root, *args], capture_output=True,
                          text=True, env=full, timeout=timeout, stdin=subprocess.DEVNULL)


def refused(proc: subprocess.CompletedProcess[str]) -> bool:
    """Exit 2 with one clear line, no traceback."""
    return (proc.returncode == 2 and "Traceback" not in proc.stderr
            and proc.stderr.startswith("ler: error: ") and proc.stderr.count("\n") == 1)


def sql(conninfo: str, statement: str, *params: object) -> list[tuple[object, ...]]:
    """Rows of one statement run as the role of ``conninfo`` (committed)."""
    with psycopg.connect(conninfo, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(statement.encode(), params or None)
        return list(cur.fetchall()) if cur.description else []


def count(conninfo: str, statement: str, *params: object) -> int:
    """The single number a ``SELECT count(*)`` returns."""
    value = sql(conninfo, statement, *params)[0][0]
    assert isinstance(value, int)
    return value


ANSWERS = Path(__file__).resolve().parents[1] / "data" / "answers" / "two-jobs-and-navy.yaml"
