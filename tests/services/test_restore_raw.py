"""SQLite to SQLite, a restore copies values as stored, and checks every one all the same."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError
from lerkit.services import backup, people, restore
from lerkit.services.context import Lerkit
from lerkit.storage import dumps, rows
from tests.services.test_backup import everything

TAXONOMY = ("INSERT INTO taxonomy (name, title, version, framework, source, format, base_url, "
            "content_hash, size, imported_at, in_default_search) VALUES ('t', 'T', '1', 'F', "
            "'s', 'lerkit', '', 'h', {size}, '2025-01-01 00:00:00.000000', {flag})")
EVENT = ("INSERT INTO auditevent (id, at, actor, action, entity, entity_id, person_id, detail) "
         "VALUES (9999, '2025-01-01 00:00:00.000000', 'a', 'add', 'person', 'x', NULL, {detail})")
CRAFTED = {  # SQLite stores a value of any type in any column; a crafted file can hold them
    "text for a number": TAXONOMY.format(size="'big'", flag=1),
    "a boolean that is 5": TAXONOMY.format(size=1, flag=5),
    "text for a time": "UPDATE person SET created_at = 'yesterday'",
    "a day that does not exist": "UPDATE person SET created_at = '2025-02-30 10:00:00.000000'",
    "an ISO time SQLAlchemy never writes": "UPDATE person SET created_at = '2025-02-03T10:00'",
    "JSON that is not JSON": EVENT.format(detail="'{not json'"),
    "bytes for text": "UPDATE person SET notes = x'00ff'",
}


@pytest.fixture
def snapshot(tmp_path: Path) -> Path:
    source = Lerkit.open(home=tmp_path / "source")
    try:
        people.add_person(source, "Ana Lucía Ñúñez")
        people.add_person(source, "Marcus Bell")
        backup.backup(source, tmp_path / "b.db", "sqlite")
    finally:
        source.close()
    return tmp_path / "b.db"


def test_values_come_back_as_stored(snapshot: Path, tmp_path: Path) -> None:
    target = Lerkit.open(home=tmp_path / "target")
    try:
        restore.restore(target, snapshot)
        got = everything(target)
    finally:
        target.close()
    before = sqlite3.connect(snapshot)
    after = sqlite3.connect(tmp_path / "target" / "lerkit.db")  # the restore event aside
    try:
        for table in ("person", "auditevent"):
            want = before.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
            assert after.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()[
                :len(want)] == want
    finally:
        before.close()
        after.close()
    assert {p["name"] for p in got["person"]} == {"Ana Lucía Ñúñez", "Marcus Bell"}


@pytest.mark.parametrize("change", sorted(CRAFTED))
def test_a_crafted_value_is_refused_and_nothing_changes(snapshot: Path, tmp_path: Path,
                                                        change: str) -> None:
    crafted = tmp_path / "crafted.db"
    shutil.copyfile(snapshot, crafted)
    conn = sqlite3.connect(crafted)
    conn.execute(CRAFTED[change])
    conn.commit()
    conn.close()
    target = Lerkit.open(home=tmp_path / "target")
    try:
        with pytest.raises(BadInputError, match=r"crafted\.db: \w+\.\w+: "):
            restore.restore(target, crafted)
        with target.db.engine.connect() as check:
            assert dumps.non_empty(check) == {}
    finally:
        target.close()


def test_every_column_kind_has_a_stored_form() -> None:
    for table in rows.data_tables():
        for field in rows.plan(table):
            assert field.kind in (str, bytes, int, bool, float, object, datetime), field
