"""Schema migrations: fresh databases, upgrades from the first schema, the ledger."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from lerkit.core.errors import StorageError
from lerkit.storage import (
    migrations,
    tables,
)
from lerkit.storage.db import make_engine, open_database


def _columns(engine: sa.Engine) -> dict[str, dict[str, bool]]:
    inspector = sa.inspect(engine)
    return {
        table: {c["name"]: bool(c["nullable"]) for c in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def test_fresh_database_gets_every_migration_in_order(db_url: str) -> None:
    db = open_database(db_url)
    try:
        assert migrations.applied(db.engine) == [n for n, _, _ in migrations.MIGRATIONS]
        assert migrations.upgrade(db.engine) == []  # idempotent
    finally:
        db.close()


def test_migrated_schema_matches_the_table_classes(db_url: str) -> None:
    db = open_database(db_url)
    try:
        actual = _columns(db.engine)
    finally:
        db.close()
    for name, table in SQLModel.metadata.tables.items():
        assert name in actual, f"table {name} is not created by any migration"
        expected = {c.name: bool(c.nullable) for c in table.columns}
        if db_url.startswith("postgresql"):  # kept by the server for row-level security
            for column in migrations.SERVER_ONLY_COLUMNS.get(name, ()):
                assert actual[name].pop(column, None) is not None, (name, column)
        assert actual[name] == expected, name


def test_upgrade_from_the_first_schema_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert migrations.upgrade(engine, target=1) == [1]
        assert migrations.applied(engine) == [1]
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO person (id, name, notes, created_at, updated_at) "
                    "VALUES ('p1', 'Ada Lovelace', '', :t, :t)"
                ),
                {"t": tables.utcnow()},
            )
        assert not sa.inspect(engine).has_table("interviewsession")
        assert migrations.upgrade(engine) == [n for n, _, _ in migrations.MIGRATIONS][1:]
        assert sa.inspect(engine).has_table("interviewsession")
        with engine.connect() as conn:
            names = conn.execute(sa.text("SELECT name FROM person")).scalars().all()
        assert names == ["Ada Lovelace"]
    finally:
        engine.dispose()


def test_pending_lists_what_an_upgrade_would_apply(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        every = [n for n, _, _ in migrations.MIGRATIONS]
        assert migrations.pending(migrations.applied(engine)) == every
        migrations.upgrade(engine, target=2)
        assert migrations.pending(migrations.applied(engine)) == every[2:]
        if engine.dialect.name == "postgresql":  # a shared server upgrades only when asked
            with pytest.raises(StorageError, match="ler center init"):
                open_database(db_url)
            migrations.upgrade(engine)
        else:
            open_database(db_url).close()  # opening applies the rest
        assert migrations.pending(migrations.applied(engine)) == []
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with db.engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO schema_migration (number, name, applied_at) VALUES (99, 'x', :t)"),
            {"t": tables.utcnow()},
        )
    db.close()
    with pytest.raises(StorageError, match="newer than this lerkit"):
        open_database(db_url)


def test_audit_log_is_append_only(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.session() as session:
            session.add(
                tables.AuditEvent(actor="t", action="create", entity="person", entity_id="p")
            )
            session.commit()
        for statement in ("UPDATE auditevent SET actor = 'x'", "DELETE FROM auditevent"):
            with pytest.raises(sa.exc.DatabaseError, match="append-only"), db.engine.begin() as c:
                c.execute(sa.text(statement))
    finally:
        db.close()


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: object) -> None:
    db = open_database(f"sqlite:///{tmp_path}/w.db")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()
