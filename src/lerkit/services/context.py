"""The open lerkit: settings, database and the actor recorded in the audit log."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from lerkit.core.errors import StorageError
from lerkit.core.i18n import _
from lerkit.core.settings import DB_FILENAME, Settings, load_settings, sqlite_url
from lerkit.storage.db import Database, open_database


def current_actor() -> str:
    """Who is making changes: ``LER_ACTOR``, else the operating-system user."""
    actor = os.environ.get("LER_ACTOR")
    if actor:
        return actor[:200]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def ensure_home(settings: Settings) -> None:
    """Create the home folder (private to the user) when the default database lives there."""
    if settings.db_url != sqlite_url(settings.home / DB_FILENAME):
        return
    try:
        settings.home.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StorageError(_("cannot create lerkit's home folder {folder}: {reason}")
                           .format(folder=settings.home, reason=exc.strerror)) from None


@dataclass
class Lerkit:
    """Everything a use case needs; build one with ``Lerkit.open``."""

    settings: Settings
    db: Database
    actor: str

    @classmethod
    def open(cls, db_url: str | None = None, home: Path | None = None) -> Lerkit:
        """Resolve settings, create the home folder when it is used, open the database."""
        settings = load_settings(db_url, home)
        ensure_home(settings)
        return cls(settings=settings, db=open_database(settings.db_url), actor=current_actor())

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session committed at the end of the block, rolled back on error."""
        with self.db.session(write=True) as session:
            yield session
            session.commit()

    def close(self) -> None:
        """Release the database."""
        self.db.close()
