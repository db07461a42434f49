"""The kiosk's private workspace: a temporary folder that is lerkit's whole world.

A kiosk session keeps everything in one folder created with mode 0700 (on a RAM disk,
``/dev/shm``, when there is one): its own ``LER_HOME`` with its own SQLite database and
match-index cache, and its own temporary folder. The process is pointed at it through
the environment (``LER_HOME``, ``HOME``, ``TMPDIR``, ``XDG_*``, ``SQLITE_TMPDIR``), so
nothing lerkit or a library writes lands anywhere else; log settings are removed and
core dumps are turned off. ``wipe`` overwrites every file with zeros, then removes the
folder. A folder left behind by a session that was killed outright is removed by the
next kiosk that starts (``sweep_stale``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.settings import DB_FILENAME, sqlite_url
from lerkit.services.context import Lerkit

PREFIX = "lerkit-kiosk-"
OWNER_FILE = "owner.pid"
RAM_DISK = Path("/dev/shm")
# Settings that would make lerkit or a library write somewhere else, or log.
DROPPED_ENV = ("LER_DB", "LER_DEBUG", "TEXTUAL_LOG", "TEXTUAL", "TEXTUAL_DEBUG",
               "PYTHONSTARTUP", "PYTHONFAULTHANDLER")


def base_folder() -> Path:
    """Where workspaces are made: ``LER_KIOSK_DIR``, else a RAM disk, else the temp folder."""
    chosen = os.environ.get("LER_KIOSK_DIR")
    if chosen:
        return Path(chosen).expanduser()
    if RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK | os.X_OK):
        return RAM_DISK
    return Path(tempfile.gettempdir())


def _overwrite(path: Path) -> None:
    """Replace a file's bytes with zeros before it is unlinked (best effort)."""
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        left = os.fstat(handle.fileno()).st_size
        block = bytes(min(left, 1 << 20))
        while left > 0:
            left -= handle.write(block[:left])
        handle.flush()
        os.fsync(handle.fileno())


def wipe_folder(root: Path) -> None:
    """Overwrite every regular file under ``root``, then remove the whole folder."""
    if not root.exists():
        return
    for _attempt in range(3):  # again if something wrote meanwhile
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    _overwrite(path)
        shutil.rmtree(root, ignore_errors=True)
        if not root.exists():
            return


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(base: Path) -> int:
    """Remove workspaces of this user whose kiosk process is gone; returns how many."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            if not entry.name.startswith(PREFIX) or not entry.is_dir() or entry.is_symlink():
                continue
            if entry.stat().st_uid != os.getuid():
                continue
            try:
                pid = int((entry / OWNER_FILE).read_text(encoding="ascii").strip())
            except (OSError, ValueError):
                pid = 0
            if pid and _alive(pid):
                continue
            wipe_folder(entry)
            removed += 1
    return removed


@dataclass
class Workspace:
    """One kiosk session's private folder."""

    root: Path

    @property
    def home(self) -> Path:
        """The session's ``LER_HOME``."""
        return self.root / "home"

    @property
    def tmp(self) -> Path:
        """The session's ``TMPDIR``."""
        return self.root / "tmp"

    @classmethod
    def create(cls, base: Path | None = None) -> Workspace:
        """A new private folder (mode 0700) with ``home`` and ``tmp`` inside."""
        where = base if base is not None else base_folder()
        try:
            where.mkdir(parents=True, exist_ok=True, mode=0o700)
            root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=where))
        except OSError as exc:
            raise BadInputError(_("cannot create a private folder in {folder}: {reason}")
                                .format(folder=where, reason=exc.strerror or exc)) from None
        os.chmod(root, 0o700)
        workspace = cls(root)
        for folder in (workspace.home, workspace.tmp):
            folder.mkdir(mode=0o700)
        (root / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        return workspace

    def isolate(self) -> None:
        """Point this process (and anything it starts) at the workspace only."""
        os.umask(0o077)
        for name in DROPPED_ENV:
            os.environ.pop(name, None)
        tmp = str(self.tmp)
        os.environ.update({
            "LER_HOME": str(self.home), "HOME": str(self.home),
            "TMPDIR": tmp, "TEMP": tmp, "TMP": tmp, "SQLITE_TMPDIR": tmp,
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "PYTHONDONTWRITEBYTECODE": "1",
        })
        tempfile.tempdir = tmp
        os.chdir(self.home)
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    def open(self) -> Lerkit:
        """lerkit on the workspace's own SQLite database (any LER_DB is ignored)."""
        return Lerkit.open(sqlite_url(self.home / DB_FILENAME), self.home)

    def contains(self, path: Path) -> bool:
        """True if ``path`` is inside the workspace (and would be wiped)."""
        try:
            path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return False
        return True

    def wipe(self) -> None:
        """Overwrite and remove everything; safe to call twice."""
        wipe_folder(self.root)
