"""Set-up and failure: unsupported URLs, a silent server, an older schema, backups and
restores on a center; no message repeats a password."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from lerkit.storage import migrations
from lerkit.storage.db import CONNECT_TIMEOUT, make_engine
from tests.center.conftest import Center, refused, run_ler, sql
from tests.conftest import fresh_database

SECRET = "Sup3rSecretPw"


@pytest.mark.parametrize("url", [
    f"mysql://desk:{SECRET}@db.example/lerkit",
    f"postgresql+psycopg2://desk:{SECRET}@db.example/lerkit",
    f"postgresql+asyncpg://desk:{SECRET}@db.example/lerkit",
    f"oracle://desk:{SECRET}@db.example/lerkit",
    f"not a url {SECRET}",
])
def test_unsupported_urls_name_the_supported_ones(url: str) -> None:
    proc = run_ler(url, "person", "list")
    assert refused(proc), proc.stderr
    assert "sqlite:///FILE or postgresql://" in proc.stderr
    assert SECRET not in proc.stderr + proc.stdout


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def test_a_silent_server_is_an_error_within_the_timeout(silent_server: int) -> None:
    url = f"postgresql://desk:{SECRET}@127.0.0.1:{silent_server}/lerkit"
    start = time.monotonic()
    proc = run_ler(url, "person", "list", env={"LER_CONNECT_TIMEOUT": "2"}, timeout=60)
    took = time.monotonic() - start
    assert refused(proc), proc.stderr
    assert SECRET not in proc.stderr
    assert took < 2 * 2 + 8, took  # the timeout (per attempt), plus start-up


def test_the_default_connect_timeout_is_ten_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.engine import make_url

    from lerkit.storage.db import _pg_args

    assert CONNECT_TIMEOUT == 10
    assert _pg_args(make_url("postgresql://desk@h/x")) == {"connect_timeout": 10}
    assert _pg_args(make_url("postgresql://desk@h/x?connect_timeout=3")) == {}
    monkeypatch.setenv("LER_CONNECT_TIMEOUT", "4")
    assert _pg_args(make_url("postgresql://desk@h/x")) == {"connect_timeout": 4}
    assert refused(run_ler("postgresql://desk@127.0.0.1:1/x", "person", "list",
                           env={"LER_CONNECT_TIMEOUT": "soon"}))


@pytest.mark.postgres
def test_an_older_schema_is_upgraded_only_when_asked() -> None:
    with fresh_database(None) as url:
        engine = make_engine(url)
        try:
            migrations.upgrade(engine, target=8)
        finally:
            engine.dispose()
        proc = run_ler(url, "person", "list")
        assert refused(proc) and "ler center init" in proc.stderr and "ler db upgrade" in \
            proc.stderr
        assert run_ler(url, "db", "upgrade").returncode == 0
        assert run_ler(url, "person", "list").returncode == 0


def test_sqlite_still_upgrades_itself(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/old.db"
    engine = make_engine(url)
    try:
        migrations.upgrade(engine, target=8)
    finally:
        engine.dispose()
    assert run_ler(url, "person", "list").returncode == 0
    engine = make_engine(url)
    try:
        assert migrations.pending(migrations.applied(engine)) == []
        with engine.connect() as conn:
            assert sa.inspect(conn).has_table("caseload")
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_backups_and_restores_are_for_the_administrator(center: Center, tmp_path: Path) -> None:
    client = run_ler(center.coach_a, "person", "add", "Kim Client").stdout.strip()
    run_ler(center.coach_a, "person", "show", client)
    for url in (center.coach_a, center.supervisor):
        proc = run_ler(url, "backup", str(tmp_path / "c.backup"))
        assert refused(proc) and "administrator" in proc.stderr
        assert not (tmp_path / "c.backup").exists()
    made = run_ler(center.admin, "backup", str(tmp_path / "all.backup"))
    assert made.returncode == 0, made.stderr
    for url in (center.coach_a, center.supervisor):
        assert refused(run_ler(url, "restore", "--replace", str(tmp_path / "all.backup")))
    before = sql(center.conninfo("admin"),
                 "SELECT actor, action FROM auditevent WHERE action <> 'backup' ORDER BY id")
    again = run_ler(center.admin, "restore", "--replace", str(tmp_path / "all.backup"))
    assert again.returncode == 0, again.stderr
    after = sql(center.conninfo("admin"), "SELECT actor, action FROM auditevent ORDER BY id")
    assert after[:len(before)] == before  # every event keeps who did it
    assert after[-1][1] == "restore"
    # the caseloads came back with the rest
    assert client in run_ler(center.coach_a, "person", "list").stdout
