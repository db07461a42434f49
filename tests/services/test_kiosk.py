"""The kiosk workspace and session: private, isolated, saved only where asked, wiped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError
from lerkit.services import bundles, kiosk, kiosk_session, profiles
from lerkit.services.context import Lerkit

PASS = "kiosk passphrase"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[kiosk_session.KioskSession]:
    workspace = kiosk.Workspace.create(tmp_path / "base")
    ler = workspace.open()
    opened = kiosk_session.start_new(ler, workspace, "Zephyrine Quillfeather", PASS)
    yield opened
    opened.close()
    workspace.wipe()


def test_workspace_is_private_and_wiped(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    workspace = kiosk.Workspace.create(tmp_path / "base")
    assert workspace.root.name.startswith(kiosk.PREFIX)
    assert workspace.root.stat().st_mode & 0o777 == 0o700
    assert workspace.home.stat().st_mode & 0o777 == 0o700
    secret = workspace.home / "secret.txt"
    secret.write_text("Zephyrine Quillfeather", encoding="utf-8")
    handle = secret.open("rb")  # still open, as a database file would be
    workspace.wipe()
    assert handle.read() in (b"", bytes(22))  # zeroed before it was unlinked
    handle.close()
    assert not workspace.root.exists()
    workspace.wipe()  # twice is fine


def test_stale_workspaces_are_swept(tmp_path: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    dead = kiosk.Workspace.create(base)
    (dead.root / kiosk.OWNER_FILE).write_text("999999999", encoding="ascii")
    alive = kiosk.Workspace.create(base)  # this process
    other = base / "not-a-kiosk"
    other.mkdir()
    assert kiosk.sweep_stale(base) == 1
    assert not dead.root.exists() and alive.root.exists() and other.exists()
    alive.wipe()


def test_isolation_points_everything_at_the_workspace(tmp_path: Path) -> None:
    code = (
        "import json, os, tempfile\n"
        "from pathlib import Path\n"
        "from lerkit.services import kiosk\n"
        f"w = kiosk.Workspace.create(Path({str(tmp_path)!r}))\n"
        "w.isolate()\n"
        "ler = w.open()\n"
        "import resource\n"
        "print(json.dumps({'env': dict(os.environ), 'cwd': os.getcwd(), 'db': ler.settings.db_url,"
        " 'tmp': tempfile.gettempdir(), 'core': resource.getrlimit(resource.RLIMIT_CORE)[0],"
        " 'root': str(w.root)}))\n"
        "ler.close(); w.wipe()\n"
    )
    env = dict(os.environ, LER_DB="postgresql://elsewhere/db", TEXTUAL_LOG="/tmp/log.txt")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    seen = json.loads(out)
    root = seen["root"]
    for name in ("LER_HOME", "HOME", "TMPDIR", "SQLITE_TMPDIR", "XDG_CACHE_HOME"):
        assert seen["env"][name].startswith(root), name
    assert "LER_DB" not in seen["env"] and "TEXTUAL_LOG" not in seen["env"]
    assert seen["cwd"].startswith(root) and seen["tmp"].startswith(root)
    assert seen["db"].startswith(f"sqlite:///{root}")
    assert seen["core"] == 0


def test_save_writes_a_profile_and_a_verifiable_record(
    session: kiosk_session.KioskSession, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(BadInputError, match="not a folder"):
        session.save(usb / "missing")
    with pytest.raises(BadInputError, match="will be wiped"):
        session.save(session.workspace.home)
    first = session.save(usb)
    assert first.bundle is None and "no accepted claims" in first.note
    assert session.save_dir == usb.resolve()
    again = session.autosave()
    assert again is not None and again.profile != first.profile  # never overwritten
    target = Lerkit.open(home=tmp_path / "elsewhere")
    try:
        loaded = profiles.load_profile(target, first.profile, PASS)
        assert loaded.name == "Zephyrine Quillfeather"
    finally:
        target.close()


def test_resume_from_a_profile(session: kiosk_session.KioskSession, tmp_path: Path) -> None:
    from lerkit.core.records import ClaimStatus
    from lerkit.services import claims

    claims.add_claim(session.ler, session.person_id, None, "lerkit",
                     "fundraising.fundraising-events", "Fundraising events",
                     status=ClaimStatus.ACCEPTED)
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = session.save(usb)
    assert saved.bundle is not None and bundles.verify_file(saved.bundle).valid
    workspace = kiosk.Workspace.create(tmp_path / "base")
    ler = workspace.open()
    try:
        resumed, opens = kiosk_session.start_from_profile(ler, workspace, saved.profile, PASS)
        assert opens and resumed.person_id == session.person_id
        assert not kiosk_session.key_opens(resumed, "another passphrase")
    finally:
        ler.close()
        workspace.wipe()
