"""Real kiosk sessions ended by quit, SIGTERM, SIGHUP and idle: nothing is left behind.

Each session runs the real ``ler kiosk`` (full screen in tmux, and the plain dialogue on
pipes) with scripted answers, and ends one way; then every folder the process could
write to is searched for the person's name, answers, passphrase and key material.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from lerkit.services import bundles
from tests.e2e.kiosk_harness import Box, KioskTerminal, PlainKiosk, wait_gone

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _check_saved(box: Box, profiles: int = 1) -> None:
    """The files the person asked for are there, the record verifies, the rest is clean."""
    saved, records = box.saved()
    assert len(saved) == profiles and len(records) == profiles, (saved, records)
    box.learn_from_saved(saved[-1])
    report = bundles.verify_file(records[-1])
    assert report.valid, report.all_errors()
    assert report.holder is not None and report.holder.encode() == box.needles["did"]


def _nothing_left(box: Box) -> None:
    assert box.leftovers() == []
    assert box.workspaces_left() == []
    assert not any((box.root / "ler-home").iterdir())


# --- the full-screen interface, in tmux ----------------------------------------------


def test_quit_offers_to_save_then_wipes(tmp_path: Path) -> None:
    box = Box(tmp_path, use_ram_disk=True)  # the default place: /dev/shm when there is one
    term = KioskTerminal(box)
    try:
        term.start_kiosk("--answers", str(box.inputs / "answers.yaml"))
        term.wait_for("Folder (or press Enter")
        term.keys("Enter")
        term.wait_for("lerkit kiosk", timeout=60)
        term.wait_for("Fundraising event planning")
        workspace = box.workspace_of(term.kiosk_pid())  # in /dev/shm while the session runs
        assert workspace.parent == Path("/dev/shm") or not Path("/dev/shm").is_dir()
        assert workspace.stat().st_mode & 0o777 == 0o700
        assert (workspace / "home" / "lerkit.db").exists()
        term.keys("C-q")
        term.wait_for("Save and finish")
        term.type(str(box.usb))
        term.keys("Enter")
        assert term.exit_status() == 0
        assert "removed from this computer" in term.history()
    finally:
        term.close()
    _check_saved(box)
    _nothing_left(box)


def test_sigterm_offers_then_saves_to_the_folder_chosen_at_the_start(tmp_path: Path) -> None:
    box = Box(tmp_path)
    resume = box.resume_file()
    term = KioskTerminal(box)
    try:
        term.start_kiosk("--resume", str(resume), "--save-to", str(box.usb),
                         "--offer-seconds", "3")
        term.wait_for("lerkit kiosk", timeout=60)
        term.wait_for("Fundraising event planning")
        os.kill(term.kiosk_pid(), signal.SIGTERM)
        term.wait_for("Closing in")
        assert term.exit_status() == 128 + signal.SIGTERM
    finally:
        term.close()
    _check_saved(box)
    _nothing_left(box)


def test_sighup_saves_to_the_folder_chosen_during_the_session(tmp_path: Path) -> None:
    box = Box(tmp_path)
    resume = box.resume_file()
    term = KioskTerminal(box)
    try:
        term.start_kiosk("--resume", str(resume))
        term.wait_for("Folder (or press Enter", timeout=60)
        term.keys("Enter")
        term.wait_for("Fundraising event planning", timeout=60)
        term.keys("F9")
        term.wait_for("Save your profile")
        term.type(str(box.usb))
        term.keys("Enter")
        term.wait_for("Saved your profile")
        pid = term.kiosk_pid()
    finally:
        term.close()  # the terminal goes away: SIGHUP
    wait_gone(pid)
    _check_saved(box, profiles=2)  # the one saved with F9, and the one on hang-up
    _nothing_left(box)


def test_idle_warns_then_wipes_without_saving(tmp_path: Path) -> None:
    box = Box(tmp_path)
    resume = box.resume_file()
    term = KioskTerminal(box)
    try:
        term.start_kiosk("--resume", str(resume), "--save-to", str(box.usb),
                         "--idle-seconds", "9")
        term.wait_for("Fundraising event planning", timeout=60)
        term.wait_for("Are you still there?", timeout=30)
        assert term.exit_status() == 0
        assert "without activity" in term.history()
    finally:
        term.close()
    assert box.saved() == ([], [])
    _nothing_left(box)


# --- the plain dialogue, on pipes ----------------------------------------------------


def test_plain_quit_then_save(tmp_path: Path) -> None:
    box = Box(tmp_path)
    kiosk = PlainKiosk(box, "--answers", str(box.inputs / "answers.yaml"))
    kiosk.wait_for("Folder (or press Enter", timeout=60)
    kiosk.type("")
    kiosk.wait_for("> ", timeout=60)
    kiosk.type("quit")
    kiosk.wait_for("Folder: ")
    kiosk.type(str(box.usb / "missing"), str(box.usb))
    assert kiosk.finish() == 0
    assert b"is not a folder" in b" ".join(kiosk.output.split())  # wrapped where it falls
    _check_saved(box)
    _nothing_left(box)
    # the search does find the person where they are: in the signed record, if copied
    control = box.root / "tmp" / "control.json"
    control.write_bytes(box.saved()[1][-1].read_bytes())
    assert {f.split(": ")[1] for f in box.leftovers()} >= {"name", "did"}


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_plain_signal_saves_to_the_folder_chosen_earlier(tmp_path: Path, signum: int,
                                                         code: int) -> None:
    box = Box(tmp_path)
    resume = box.resume_file()
    kiosk = PlainKiosk(box, "--resume", str(resume), "--save-to", str(box.usb),
                       "--offer-seconds", "2")
    kiosk.wait_for("> ", timeout=60)
    kiosk.signal(signal.Signals(signum))
    assert kiosk.finish() == code
    _check_saved(box)
    _nothing_left(box)


def test_plain_idle_wipes_without_saving(tmp_path: Path) -> None:
    box = Box(tmp_path)
    resume = box.resume_file()
    kiosk = PlainKiosk(box, "--resume", str(resume), "--save-to", str(box.usb),
                       "--idle-seconds", "4")
    kiosk.wait_for("> ", timeout=60)
    assert kiosk.finish() == 0
    assert b"Are you still there?" in kiosk.output
    assert box.saved() == ([], [])
    _nothing_left(box)
