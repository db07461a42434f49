"""Restoring a backup (a SQLite snapshot or a logical dump) into any lerkit database.

Everything happens in one transaction on the target: a damaged or truncated backup, or
a refused target, leaves it as it was. The target must be empty unless ``replace`` is
given, which first deletes everything in it (its audit log included).
"""

from __future__ import annotations

import contextlib
import gzip
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.files import loads_json
from lerkit.core.i18n import N_, _
from lerkit.core.sealed_file import DamagedFileError
from lerkit.core.settings import sqlite_url
from lerkit.services import center
from lerkit.services.backup import DUMP_FORMAT, DUMP_VERSION
from lerkit.services.context import Lerkit
from lerkit.storage import audit, dumps, rows
from lerkit.storage import center as center_repo
from lerkit.storage.db import open_database

MAX_LINE = 64 * 1024 * 1024
Sections = Iterator[tuple[sa.Table, Iterator[Any]]]  # rows: decoded dicts, or raw tuples


@dataclass(frozen=True)
class RestoreResult:
    """What was restored."""

    path: Path
    format: str
    schema_version: int
    rows: dict[str, int]
    replaced: bool


def detect(path: Path) -> str:
    """"sqlite" or "dump", from the file's first bytes."""
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError as exc:
        raise BadInputError(_("{path}: cannot read ({reason})")
                            .format(path=path, reason=exc.strerror or exc)) from None
    if start == dumps.SQLITE_MAGIC:
        return "sqlite"
    if start[:2] == b"\x1f\x8b":
        return "dump"
    raise BadInputError(_("{source}: not a lerkit backup").format(source=path))


def restore(ler: Lerkit, path: Path, *, replace: bool = False) -> RestoreResult:
    """Restore the backup at ``path`` into this lerkit's database."""
    fmt = detect(path)
    center.require_admin(ler, N_("restoring a center's database"))
    # SQLite to SQLite: rows as stored, each value checked (rows.select_raw)
    raw = fmt == "sqlite" and ler.db.engine.dialect.name == "sqlite"
    source = _sqlite_source(path, raw) if fmt == "sqlite" else _dump_source(path)
    with source as (version, sections), ler.transaction() as session:
        conn = session.connection()
        present = dumps.non_empty(conn)
        if present and not replace:
            held = ", ".join(f"{n} {name}" for name, n in sorted(present.items()))
            raise BadInputError(_("the target database is not empty ({held}); restore into "
                                  "an empty database, or use --replace to replace everything "
                                  "in it").format(held=held))
        if present:
            dumps.clear_all(conn)
        center_repo.keep_audit_stamps(conn, True)  # the events keep who did them, and when
        insert = rows.insert_raw if raw else rows.insert_rows
        counts = {tbl.name: insert(conn, tbl, items) for tbl, items in sections}
        center_repo.keep_audit_stamps(conn, False)
        dumps.reset_sequences(conn)
        audit.record(session=session, actor=ler.actor, action="restore", entity="database",
                     entity_id=path.name, detail={"format": fmt, "schema_version": version,
                                                  "replaced": bool(present)})
    return RestoreResult(path, fmt, version, counts, bool(present))


@contextlib.contextmanager
def _sqlite_source(path: Path, raw: bool = False) -> Iterator[tuple[int, Sections]]:
    """Read a SQLite backup through a private copy (migrated if it is older); with
    ``raw``, rows as SQLite stores them, for a SQLite target (:func:`rows.select_raw`)."""
    folder = Path(tempfile.mkdtemp(prefix="lerkit-restore-"))
    try:
        copy = folder / "backup.db"
        shutil.copyfile(path, copy)
        _check_sqlite(copy, path)
        db = open_database(sqlite_url(copy))
        try:
            with db.engine.connect() as conn, conn.begin():
                version = dumps.schema_version(conn)
                if raw:
                    yield version, ((tbl, rows.select_raw(conn, tbl, str(path)))
                                    for tbl in rows.data_tables())
                else:
                    yield version, ((tbl, (rows.decode(tbl, r, str(path))
                                           for r in rows.select_rows(conn, tbl)))
                                    for tbl in rows.data_tables())
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check_sqlite(copy: Path, source: Path) -> None:
    try:
        conn = sqlite3.connect(copy)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DamagedFileError(_("{source}: the backup is damaged ({reason})")
                               .format(source=source, reason=exc)) from None
    if result != "ok":
        raise DamagedFileError(_("{source}: the backup is damaged ({reason})")
                               .format(source=source, reason=result))


@contextlib.contextmanager
def _dump_source(path: Path) -> Iterator[tuple[int, Sections]]:
    with path.open("rb") as raw, gzip.GzipFile(fileobj=raw, mode="rb") as stream:
        reader = DumpReader(stream, str(path))
        yield reader.version, reader.sections()


class DumpReader:
    """Streams a logical dump, checking its order, columns, values and end marker."""

    def __init__(self, stream: gzip.GzipFile, source: str) -> None:
        self.stream = stream
        self.source = source
        self.line = 0
        self.counts: dict[str, int] = {}
        header = self._next()
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise BadInputError(_("{source}: not a lerkit backup").format(source=source))
        if header.get("version") != DUMP_VERSION:
            raise BadInputError(_("{source}: backup format version {version} is not "
                                  "supported by this lerkit")
                                .format(source=source, version=header.get("version")))
        version = header.get("schema_version")
        if not isinstance(version, int):
            raise DamagedFileError(_("{source}: the header has no schema version")
                                  .format(source=source))
        dumps.check_schema(version, source)
        self.version = version
        self.pending: Any = self._next()

    def _damaged(self, why: str) -> DamagedFileError:
        return DamagedFileError(_("{source}: the backup is damaged or incomplete ({reason})")
                                .format(source=self.source, reason=why))

    def _next(self) -> Any:
        try:
            raw = self.stream.readline(MAX_LINE)
        except (OSError, EOFError, zlib.error) as exc:
            raise self._damaged(str(exc) or type(exc).__name__) from None
        self.line += 1
        if not raw.endswith(b"\n"):
            raise self._damaged(_("line {line} is cut short").format(line=self.line))
        try:
            return loads_json(raw, self.source)
        except FileFormatError as exc:
            raise self._damaged(_("line {line}: {reason}").format(line=self.line,
                                                                   reason=exc.reason)) from None

    def sections(self) -> Sections:
        """Each table with its rows; checks the end marker after the last one."""
        order = {t.name: i for i, t in enumerate(rows.data_tables())}
        last = -1
        while not (isinstance(self.pending, dict) and self.pending.get("end") is True):
            item = self.pending
            if not isinstance(item, dict) or not isinstance(item.get("table"), str):
                raise self._damaged(_("line {line} should start a table").format(line=self.line))
            tbl = rows.table(item["table"])
            if order[tbl.name] <= last:
                raise self._damaged(_("table {table} is out of order").format(table=tbl.name))
            last = order[tbl.name]
            columns = item.get("columns")
            if (not isinstance(columns, list) or not all(isinstance(c, str) for c in columns)
                    or len(set(columns)) != len(columns)
                    or set(columns) - set(tbl.columns.keys())):
                raise self._damaged(_("table {table} has unknown columns").format(table=tbl.name))
            yield tbl, self._rows(tbl, columns)
        if self.pending.get("rows") != self.counts:
            raise self._damaged(_("the row counts do not match the end marker"))
        try:
            trailing = self.stream.read(1)
        except (OSError, EOFError, zlib.error) as exc:
            raise self._damaged(str(exc) or type(exc).__name__) from None
        if trailing:
            raise self._damaged(_("data after the end marker"))

    def _rows(self, tbl: sa.Table, columns: list[str]) -> Iterator[dict[str, Any]]:
        n = 0
        while True:
            values = self.pending = self._next()
            if not isinstance(values, list):
                break
            if len(values) != len(columns):
                raise self._damaged(_("line {line} has the wrong number of values")
                                   .format(line=self.line))
            yield rows.decode(tbl, dict(zip(columns, values, strict=True)), self.source)
            n += 1
        self.counts[tbl.name] = n
