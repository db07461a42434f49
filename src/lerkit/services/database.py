"""Database information and upgrades, for ``ler db``."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from lerkit.core.errors import StorageError
from lerkit.core.i18n import _
from lerkit.core.settings import load_settings
from lerkit.services.context import Lerkit, ensure_home
from lerkit.storage import migrations
from lerkit.storage.db import describe_error, open_database, readable_by_others, sqlite_file
from lerkit.storage.rows import count_rows, table

COUNTED = ("person", "experience", "claim", "evidence", "endorsement", "taxonomy", "competency")


def info(db_url: str | None) -> dict[str, Any]:
    """URL (password hidden), backend, schema version and row counts."""
    ler = Lerkit.open(db_url)
    try:
        done = migrations.applied(ler.db.engine)
        rows: dict[str, int] = {}
        with ler.db.engine.connect() as conn:
            for name in COUNTED:
                rows[name] = count_rows(conn, table(name))
        return {
            "url": ler.db.url,
            "backend": ler.db.dialect,
            "home": str(ler.settings.home),
            "schema_version": max(done) if done else 0,
            "latest_version": migrations.latest(),
            "applied": done,
            "rows": rows,
            "readable_by_others": _exposed(ler.db.url),
        }
    finally:
        ler.close()


def _exposed(url: str) -> list[str]:
    """The SQLite files (database, -wal, -shm, -journal) others than the owner can read."""
    file = sqlite_file(url)
    return [str(p) for p in readable_by_others(file)] if file is not None else []


def upgrade(db_url: str | None) -> list[int]:
    """Apply pending migrations; returns the numbers applied."""
    settings = load_settings(db_url)
    ensure_home(settings)
    db = open_database(settings.db_url, upgrade=False)
    try:
        return migrations.upgrade(db.engine)
    except SQLAlchemyError as exc:  # on a center's server, a role that may not change it
        raise StorageError(_("cannot upgrade the database: {problem}")
                           .format(problem=describe_error(exc))) from None
    finally:
        db.close()
