"""Whole-database backups for coaches: a SQLite snapshot, or lerkit's logical dump.

* ``sqlite``: on a SQLite database, ``VACUUM INTO`` writes a consistent, compact copy
  while lerkit goes on being used (the copy is itself a lerkit database).
* ``dump``: on any database (PostgreSQL's only format), every table in dependency
  order as gzip-compressed JSON lines, read in one consistent snapshot. No external
  tools (pg_dump) are needed. The format is described in docs/portable-profile.md.

Both are restored by ``lerkit.services.restore``.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from lerkit import __version__
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import N_, _
from lerkit.services import center
from lerkit.services.context import Lerkit
from lerkit.storage import audit, dumps, rows

DUMP_FORMAT = "lerkit-backup"
DUMP_VERSION = 1
FORMATS = ("auto", "sqlite", "dump")


@dataclass(frozen=True)
class BackupResult:
    """Where the backup went and what it holds."""

    path: Path
    format: str
    schema_version: int
    rows: dict[str, int]


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary name next to ``path``, renamed over it only when complete."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise BadInputError(_("cannot write {path}: folder {folder} does not exist")
                            .format(path=path, folder=folder))
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        yield tmp
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def backup(ler: Lerkit, path: Path, fmt: str = "auto") -> BackupResult:
    """Back up the whole database to ``path``."""
    if fmt not in FORMATS:
        raise BadInputError(_("unknown backup format {format!r}; use one of {formats}")
                            .format(format=fmt, formats=", ".join(FORMATS)))
    database = dumps.sqlite_file(ler.db.engine)
    if fmt == "auto":
        fmt = "sqlite" if database is not None else "dump"
    if fmt == "sqlite" and database is None:
        raise BadInputError(_("a sqlite backup needs a SQLite database file; use --format dump"))
    if database is not None and path.resolve() == database:
        raise BadInputError(_("{path} is the database itself; choose another file")
                            .format(path=path))
    # a center's backup holds every caseload: its administrator makes it, not a coach
    center.require_admin(ler, N_("backing up a center's database"))
    if ler.db.dialect == "postgresql":
        # logged before the copy is read, so the backup holds its own event too (on SQLite,
        # where a backup must not wait for another writer's lock, nothing is logged)
        with ler.transaction() as session:
            audit.record(session=session, actor=ler.actor, action="backup", entity="database",
                         entity_id=path.name, detail={"format": fmt})
    with _replacing(path) as tmp:
        if fmt == "sqlite":
            assert database is not None
            dumps.vacuum_into(database, tmp)
            version, counts = _sqlite_counts(tmp)
        else:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                version, counts = write_dump(ler, handle)
    return BackupResult(path, fmt, version, counts)


def _sqlite_counts(path: Path) -> tuple[int, dict[str, int]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute(f"SELECT MAX(number) FROM {rows.LEDGER}").fetchone()[0]
        counts = {t.name: conn.execute(f'SELECT COUNT(*) FROM "{t.name}"').fetchone()[0]
                  for t in rows.data_tables()}
    finally:
        conn.close()
    return int(version or 0), counts


def _line(stream: gzip.GzipFile, value: Any) -> None:
    stream.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    stream.write(b"\n")


def write_dump(ler: Lerkit, handle: IO[bytes]) -> tuple[int, dict[str, int]]:
    """Write every table, parents first, from one consistent snapshot."""
    counts: dict[str, int] = {}
    with dumps.snapshot(ler.db.engine) as conn, \
            gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as stream:
        version = dumps.schema_version(conn)
        _line(stream, {
            "format": DUMP_FORMAT, "version": DUMP_VERSION, "schema_version": version,
            "lerkit": __version__, "source": ler.db.dialect,
            "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        })
        for tbl in rows.data_tables():
            columns = [c.name for c in tbl.columns]
            _line(stream, {"table": tbl.name, "columns": columns})
            n = 0
            for row in rows.select_rows(conn, tbl):
                _line(stream, [row[c] for c in columns])
                n += 1
            counts[tbl.name] = n
        _line(stream, {"end": True, "rows": counts})
    return version, counts
