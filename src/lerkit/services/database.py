"""Database information and upgrades, for ``ler db``."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from lerkit.core.settings import load_settings
from lerkit.services.context import Lerkit, ensure_home
from lerkit.storage import (
    migrations,
    tables,  # noqa: F401  (registers every table)
)
from lerkit.storage.db import open_database

COUNTED = ("person", "experience", "claim", "evidence", "endorsement", "taxonomy", "competency")


def info(db_url: str | None) -> dict[str, Any]:
    """URL (password hidden), backend, schema version and row counts."""
    ler = Lerkit.open(db_url)
    try:
        done = migrations.applied(ler.db.engine)
        rows: dict[str, int] = {}
        with ler.db.engine.connect() as conn:
            for name in COUNTED:
                table = SQLModel.metadata.tables[name]
                rows[name] = int(conn.execute(sa.select(sa.func.count()).select_from(table))
                                 .scalar_one())
        return {
            "url": ler.db.url,
            "backend": ler.db.dialect,
            "home": str(ler.settings.home),
            "schema_version": max(done) if done else 0,
            "latest_version": migrations.latest(),
            "applied": done,
            "rows": rows,
        }
    finally:
        ler.close()


def upgrade(db_url: str | None) -> list[int]:
    """Apply pending migrations; returns the numbers applied."""
    settings = load_settings(db_url)
    ensure_home(settings)
    db = open_database(settings.db_url, upgrade=False)
    try:
        return migrations.upgrade(db.engine)
    finally:
        db.close()
