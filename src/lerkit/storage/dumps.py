"""Whole-database copies: SQLite snapshots, consistent reads, and emptying a database."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lerkit.core.errors import BadInputError, StorageError
from lerkit.core.i18n import _
from lerkit.storage import migrations, rows

SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite database (None for PostgreSQL or an in-memory database)."""
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser().resolve()


def vacuum_into(database: Path, target: Path) -> None:
    """A consistent, compact copy of a SQLite database, even while it is being written.

    ``VACUUM INTO`` reads one snapshot (WAL mode lets writers go on meanwhile); the
    copy is a single file in rollback-journal mode, created readable only by its owner.
    """
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        try:
            source.execute("VACUUM INTO ?", (str(target),))
        finally:
            source.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise StorageError(_("cannot copy the database: {problem}").format(problem=exc)) from None


def schema_version(conn: Connection) -> int:
    """The newest migration applied to this database (0 for none)."""
    if not sa.inspect(conn).has_table(rows.LEDGER):
        return 0
    value = conn.exec_driver_sql(f"SELECT MAX(number) FROM {rows.LEDGER}").scalar()
    return int(value or 0)


@contextlib.contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read transaction that sees one consistent state of the whole database."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn


def non_empty(conn: Connection) -> dict[str, int]:
    """Tables holding rows, with their counts."""
    counts = {t.name: rows.count_rows(conn, t) for t in rows.data_tables()}
    return {name: n for name, n in counts.items() if n}


def clear_all(conn: Connection) -> None:
    """Delete every row of every data table, the append-only audit log included.

    The audit log's triggers refuse deletions, so they are dropped and re-created in
    the same transaction (PostgreSQL's TRUNCATE does not fire them).
    """
    tables = rows.data_tables()
    if conn.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        return
    triggers = list(conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'auditevent'"))
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for tbl in reversed(tables):
        conn.execute(tbl.delete())
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


def reset_sequences(conn: Connection) -> None:
    """After inserting explicit integer ids on PostgreSQL, continue numbering after them."""
    if conn.dialect.name != "postgresql":
        return
    for tbl in rows.data_tables():
        for column in tbl.primary_key.columns:
            if rows.column_kind(column) is int:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{tbl.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX(\"{column.name}\") FROM \"{tbl.name}\"), 0) + 1, false)")


def check_schema(found: int, source: str) -> None:
    """Refuse data from a newer lerkit."""
    if found > migrations.latest():
        raise BadInputError(_("{source}: made by a newer lerkit (schema {found}, this lerkit "
                              "knows {known}); upgrade lerkit")
                            .format(source=source, found=found, known=migrations.latest()))
