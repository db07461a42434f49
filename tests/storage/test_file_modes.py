"""A new SQLite database, and the files SQLite adds next to it, are private to their owner."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.storage.db import readable_by_others, sqlite_file
from tests.cli.runner import ler


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def _companions(database: Path, *suffixes: str) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in suffixes]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_database_and_companions_are_0600_whatever_the_umask(tmp_path: Path, mask: int) -> None:
    folder = tmp_path / "open-folder"
    folder.mkdir()
    folder.chmod(0o777)
    database = folder / "lerkit.db"
    with umask(mask):
        ler = Lerkit.open(f"sqlite:///{database}")
        try:
            people.add_person(ler, "Marcus Bell")
            created = [database, *_companions(database, "-wal", "-shm")]
            assert {p.name: _mode(p) for p in created if p.exists()} == {
                p.name: 0o600 for p in created}
        finally:
            ler.close()
        conn = sqlite3.connect(database, isolation_level=None)
        try:  # the rollback journal, as an older lerkit or another tool would use it
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE scratch (x INTEGER)")
            journal = _companions(database, "-journal")[0]
            assert _mode(journal) == 0o600
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    assert readable_by_others(database) == []


def test_an_existing_file_keeps_its_mode_and_db_info_warns(tmp_path: Path) -> None:
    database = tmp_path / "shared.db"
    Lerkit.open(f"sqlite:///{database}").close()
    database.chmod(0o644)
    Lerkit.open(f"sqlite:///{database}").close()
    assert _mode(database) == 0o644
    assert readable_by_others(database) == [database]
    result = ler("--db", f"sqlite:///{database}", "db", "info")
    assert result.code == 0
    assert "warning" in result.stderr and "chmod 600" in result.stderr
    assert str(database) in result.stderr
    database.chmod(0o600)
    quiet = ler("--db", f"sqlite:///{database}", "db", "info", "--json")
    assert "warning" not in quiet.stderr


def test_sqlite_file_of_urls(tmp_path: Path) -> None:
    assert sqlite_file(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql+psycopg://u@h/db") is None
    assert sqlite_file("not a url") is None
