"""Whole-database backup and restore, on SQLite and PostgreSQL (and across them)."""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from lerkit.core.errors import BadInputError
from lerkit.services import backup, people, restore
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.storage import audit, dumps, rows
from tests.conftest import fresh_database
from tests.services.sample import make_sample


def everything(ler: Lerkit) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, encoded, in primary-key order."""
    with ler.db.engine.connect() as conn:
        return {t.name: list(rows.select_rows(conn, t)) for t in rows.data_tables()}


def fill(ler: Lerkit, folder: Path) -> None:
    """Several people: two samples with keys and evidence, the demo with an interview."""
    make_sample(ler, folder)
    make_sample(ler, folder)
    create_demo(ler)
    people.add_person(ler, "Ana Lucía Ñúñez")


@pytest.fixture
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another fresh, empty database on the same backend as ``db_url``."""
    with fresh_database(tmp_path / "second.db" if db_url.startswith("sqlite") else None) as url:
        yield url


def same_but_the_restore_event(source: dict[str, Any], target: dict[str, Any]) -> None:
    assert target["auditevent"][:-1] == source["auditevent"]
    assert target["auditevent"][-1]["action"] == "restore"
    for name in source:
        if name != "auditevent":
            assert target[name] == source[name], name


@pytest.mark.parametrize("fmt", ["auto", "dump"])
def test_backup_then_restore_round_trips(db_url: str, second_url: str, tmp_path: Path,
                                         fmt: str) -> None:
    source = Lerkit.open(db_url)
    try:
        fill(source, tmp_path)
        done = backup.backup(source, tmp_path / "backup.bin", fmt)
        expected = "sqlite" if fmt == "auto" and db_url.startswith("sqlite") else "dump"
        assert done.format == expected
        assert done.rows["person"] == 4 and done.schema_version >= 3
        before = everything(source)
    finally:
        source.close()
    assert (tmp_path / "backup.bin").stat().st_mode & 0o077 == 0
    target = Lerkit.open(second_url)
    try:
        result = restore.restore(target, tmp_path / "backup.bin")
        assert result.rows["person"] == 4 and not result.replaced
        same_but_the_restore_event(before, everything(target))
        people.add_person(target, "After Restore")  # numbering goes on after restored ids
        with target.transaction() as session:
            audit.record(session=session, actor="t", action="check", entity="x", entity_id="1")
    finally:
        target.close()


def test_a_dump_moves_between_backends(db_url: str, tmp_path: Path) -> None:
    source = Lerkit.open(home=tmp_path / "sqlite-home")
    try:
        fill(source, tmp_path)
        backup.backup(source, tmp_path / "all.dump", "dump")
        before = everything(source)
    finally:
        source.close()
    target = Lerkit.open(db_url)
    try:
        restore.restore(target, tmp_path / "all.dump")
        same_but_the_restore_event(before, everything(target))
    finally:
        target.close()


def test_sqlite_backup_is_a_consistent_copy_while_in_use(tmp_path: Path) -> None:
    ler = Lerkit.open(home=tmp_path / "home")
    try:
        fill(ler, tmp_path)
        database = make_url(ler.settings.db_url).database
        assert database is not None
        writer = sqlite3.connect(database, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO person (id, name, notes, created_at, updated_at) VALUES "
                       "('uncommitted1', 'Half Written', '', '2024-01-01', '2024-01-01')")
        done = backup.backup(ler, tmp_path / "live.db")  # a writer holds the lock meanwhile
        writer.execute("COMMIT")
        writer.close()
        assert done.rows["person"] == 4
    finally:
        ler.close()
    copy = sqlite3.connect(tmp_path / "live.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    names = {n for (n,) in copy.execute("SELECT name FROM person")}
    copy.close()
    assert "Half Written" not in names and len(names) >= 2


def test_restore_refuses_a_database_that_is_not_empty(db_url: str, tmp_path: Path) -> None:
    source = Lerkit.open(home=tmp_path / "source")
    try:
        fill(source, tmp_path)
        backup.backup(source, tmp_path / "b.db")
        before = everything(source)
    finally:
        source.close()
    target = Lerkit.open(db_url)
    try:
        people.add_person(target, "Already Here")
        with target.transaction() as session:
            audit.record(session=session, actor="t", action="note", entity="x", entity_id="1")
        here = everything(target)
        with pytest.raises(BadInputError, match=r"not empty .*--replace"):
            restore.restore(target, tmp_path / "b.db")
        assert everything(target) == here
        result = restore.restore(target, tmp_path / "b.db", replace=True)
        assert result.replaced
        same_but_the_restore_event(before, everything(target))
        # the audit log is append-only again
        with target.db.engine.connect() as conn, pytest.raises(Exception, match="append-only"), \
                conn.begin():
            conn.exec_driver_sql("DELETE FROM auditevent")
    finally:
        target.close()


def test_damaged_backups_are_refused_and_change_nothing(tmp_path: Path) -> None:
    source = Lerkit.open(home=tmp_path / "source")
    try:
        fill(source, tmp_path)
        backup.backup(source, tmp_path / "b.dump", "dump")
        backup.backup(source, tmp_path / "b.db", "sqlite")
    finally:
        source.close()
    data = (tmp_path / "b.dump").read_bytes()
    lines = gzip.decompress(data).splitlines(keepends=True)
    broken = {
        "truncated": data[: len(data) // 2],
        "no end marker": gzip.compress(b"".join(lines[:-1])),
        "a row dropped": gzip.compress(b"".join(lines[:5] + lines[6:])),
        "a bad value": gzip.compress(b"".join(lines).replace(b'"Marcus Bell"', b"42", 1)),
        "sqlite truncated": (tmp_path / "b.db").read_bytes()[:8192],
    }
    target = Lerkit.open(home=tmp_path / "target")
    try:
        for name, content in broken.items():
            path = tmp_path / f"broken-{name.replace(' ', '-')}"
            path.write_bytes(content)
            with pytest.raises(BadInputError):  # a DamagedFileError, or a refused value
                restore.restore(target, path)
        with target.db.engine.connect() as conn:
            assert dumps.non_empty(conn) == {}
    finally:
        target.close()
