"""Where lerkit keeps its data: ``LER_HOME`` and ``LER_DB``.

``LER_HOME`` relocates everything lerkit writes (database, keys, caches); it defaults to
the platform's user data folder. ``LER_DB`` (or ``--db``) names any SQLAlchemy URL and
overrides the default SQLite file inside ``LER_HOME``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "lerkit"
DB_FILENAME = "lerkit.db"


@dataclass(frozen=True)
class Settings:
    """Resolved locations for one run of lerkit."""

    home: Path
    db_url: str

    @property
    def cache_dir(self) -> Path:
        """Folder for derived data that can be rebuilt (match indexes)."""
        return self.home / "cache"


def default_home() -> Path:
    """The lerkit home: ``LER_HOME`` or the platform's user data folder."""
    env = os.environ.get("LER_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only needed here, and slow to import

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file."""
    return f"sqlite:///{path}"


def load_settings(db_url: str | None = None, home: Path | None = None) -> Settings:
    """Resolve settings from explicit values, then the environment, then defaults."""
    resolved_home = home if home is not None else default_home()
    url = db_url or os.environ.get("LER_DB") or sqlite_url(resolved_home / DB_FILENAME)
    return Settings(home=resolved_home, db_url=url)
