"""Opening a database: SQLite (the embedded default) or PostgreSQL (a center's server).

No engine is created at import time; ``open_database`` builds one from a URL, checks that
it can be reached, and applies pending migrations.
"""

from __future__ import annotations

import importlib.util
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from lerkit.core.errors import BadInputError, StorageError
from lerkit.core.i18n import _
from lerkit.storage import migrations

SQLITE_BUSY_MS = 30_000
PRIVATE_MODE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
READ_ONLY = "lerkit_read_only"
# the URL schemes lerkit supports (psycopg 3 is PostgreSQL's only driver)
SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
SUPPORTED = "sqlite:///FILE or postgresql://USER@HOST[:PORT]/DATABASE"
CONNECT_TIMEOUT = 10  # seconds a PostgreSQL server has to answer (LER_CONNECT_TIMEOUT)


def _parse(url: str) -> URL:
    # never repeat the URL itself: it may hold a password
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise BadInputError(_("not a database URL: use {supported}")
                            .format(supported=SUPPORTED)) from None
    if parsed.drivername not in SCHEMES:
        raise BadInputError(_("unsupported database URL scheme {scheme!r}: use {supported}")
                            .format(scheme=parsed.drivername, supported=SUPPORTED))
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite database URL (None for memory, URIs and other backends)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    database = parsed.database
    if (parsed.get_backend_name() != "sqlite" or not database or database == ":memory:"
            or database.startswith("file:")):
        return None
    return Path(database).expanduser()


def _check_sqlite_path(parsed: URL) -> None:
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise StorageError(_("cannot open database {database}: folder {folder} does not exist")
                           .format(database=database, folder=folder))
    _create_private(Path(database).expanduser())


def _create_private(path: Path) -> None:
    """Create an empty database file readable only by its owner, whatever the umask.

    SQLite gives its -wal, -shm and -journal files the mode of the database file, so
    they are private too. An existing file keeps its mode (``ler db info`` warns).
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        raise StorageError(_("cannot create database {path}: {reason}")
                           .format(path=path, reason=exc.strerror or exc)) from None
    try:
        os.fchmod(fd, PRIVATE_MODE)  # the umask may have taken bits away, or the folder's ACL
    finally:
        os.close(fd)


def readable_by_others(path: Path) -> list[Path]:
    """The database file and its companions that the group or others may read or write."""
    found = []
    for file in (path, *(path.with_name(path.name + s) for s in SQLITE_COMPANIONS)):
        try:
            mode = file.stat().st_mode
        except OSError:
            continue
        if stat.S_IMODE(mode) & 0o077:
            found.append(file)
    return found


def _sqlite_engine(parsed: URL) -> Engine:
    _check_sqlite_path(parsed)
    memory = parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if memory:
        kwargs["poolclass"] = StaticPool
    engine = sa.create_engine(parsed, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # lerkit issues BEGIN itself (see below)
        cursor = dbapi_conn.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front (IMMEDIATE): concurrent writers wait their turn
        # (busy_timeout) instead of failing on a lock upgrade, and DDL is transactional.
        # Sessions opened only to read start a plain transaction and never wait on one.
        reading = conn.get_execution_options().get(READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    """Build an engine for ``url``; a clear error for unknown or unusable URLs."""
    parsed = _parse(url)
    backend = parsed.get_backend_name()
    if backend == "postgresql" and importlib.util.find_spec("psycopg") is None:
        raise BadInputError(_("PostgreSQL needs the psycopg driver: pip install "
                              "'lerkit[postgres]'"))
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return sa.create_engine(parsed, pool_pre_ping=True, connect_args=_pg_args(parsed))
    except NoSuchModuleError:
        raise BadInputError(_("unsupported database URL: {scheme}")
                            .format(scheme=parsed.drivername)) from None
    except (ArgumentError, SQLAlchemyError) as exc:
        raise BadInputError(_("cannot use database URL: {problem}").format(problem=exc)) from None


def _pg_args(parsed: URL) -> dict[str, Any]:
    """A connect timeout, so that a silent server is an error, not a wait without end
    (a ``connect_timeout`` in the URL itself wins)."""
    if "connect_timeout" in parsed.query:
        return {}
    given = os.environ.get("LER_CONNECT_TIMEOUT", "")
    try:
        seconds = int(given) if given else CONNECT_TIMEOUT
    except ValueError:
        seconds = 0
    if seconds < 1:
        raise BadInputError(_("LER_CONNECT_TIMEOUT must be a whole number of seconds, at "
                              "least 1"))
    return {"connect_timeout": seconds}


def describe_error(exc: BaseException) -> str:
    """A one-line description of a database error, without SQL or parameters."""
    text = str(exc.orig) if isinstance(exc, DBAPIError) and exc.orig is not None else str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:300]


class Database:
    """An open lerkit database: an engine whose schema is up to date."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        """The URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session for one unit of work; database errors become StorageError.

        Without ``write`` the session is for reading: on SQLite it does not take the
        write lock, so it can run while another transaction (even the caller's) writes.
        """
        bind = self.engine if write else self.engine.execution_options(**{READ_ONLY: True})
        try:
            with Session(bind, expire_on_commit=False) as session:
                yield session
        except SQLAlchemyError as exc:
            raise StorageError(_("database error: {problem}")
                               .format(problem=describe_error(exc))) from None

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_database(url: str, upgrade: bool = True) -> Database:
    """Open (and by default migrate) the database at ``url``."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        done = migrations.applied(engine)
        if done and max(done) > migrations.latest():
            raise StorageError(
                _("the database schema (version {found}) is newer than this lerkit "
                  "(version {known}): upgrade lerkit")
                .format(found=max(done), known=migrations.latest()))
        if upgrade and migrations.pending(done):
            if done and engine.dialect.name == "postgresql":
                # a shared server's schema changes only when its administrator says so
                raise StorageError(
                    _("the database schema is at version {found} and this lerkit needs "
                      "version {needed}: the database's administrator upgrades it with: "
                      "ler center init (or: ler db upgrade)")
                    .format(found=max(done), needed=migrations.latest()))
            migrations.upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(_("cannot open database {database}: {problem}")
                           .format(database=_safe(url), problem=describe_error(exc))) from None
    return Database(engine)


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(invalid URL)"
