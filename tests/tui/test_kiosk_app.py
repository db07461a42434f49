"""The kiosk's full-screen interface, driven headlessly: finish, save, idle, signals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.services import kiosk, kiosk_session
from lerkit.tui.dialogs.kiosk_idle import IdleModal
from lerkit.tui.dialogs.kiosk_save import SaveModal
from lerkit.tui.kiosk import KioskApp

PASS = "kiosk passphrase"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[kiosk_session.KioskSession]:
    workspace = kiosk.Workspace.create(tmp_path / "base")
    opened = kiosk_session.start_new(workspace.open(), workspace, "Zephyrine Quillfeather", PASS)
    yield opened
    opened.close()
    workspace.wipe()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _app(session: kiosk_session.KioskSession, idle: float = 600, offer: float = 30
         ) -> KioskApp:
    return KioskApp(session, idle_seconds=idle, offer_seconds=offer, interview=False)


def _still_going(app: KioskApp) -> bool:
    """No way of ending has been chosen (a function: mypy keeps no narrowing across it)."""
    return app.outcome is None


async def _wait_for(pilot: object, test: object, tries: int = 60) -> None:
    for _ in range(tries):
        if test():  # type: ignore[operator]
            return
        await pilot.pause(0.1)  # type: ignore[attr-defined]
    raise AssertionError("condition not reached")


async def test_finish_offers_to_save_then_ends(session: kiosk_session.KioskSession,
                                               usb: Path) -> None:
    app = _app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal))
        await pilot.press("escape")  # keep working
        await _wait_for(pilot, lambda: not isinstance(app.screen, SaveModal))
        assert _still_going(app)
        await pilot.press("ctrl+c")  # Ctrl+C finishes too
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal))
        await pilot.press(*str(usb), "enter")
        await _wait_for(pilot, lambda: app.outcome is not None)
    assert app.outcome is not None and app.outcome.reason == "quit" and app.outcome.handled
    saved = app.outcome.saved
    assert saved is not None and saved.profile.parent == usb.resolve()
    assert saved.profile.exists()


async def test_a_bad_folder_is_explained(session: kiosk_session.KioskSession,
                                         tmp_path: Path) -> None:
    app = _app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+q")
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal))
        await pilot.press(*str(tmp_path / "no-stick"), "enter")
        status = app.screen.query_one("#status")
        await _wait_for(pilot, lambda: "Not saved" in str(status.render()))
        await pilot.click("#discard")
        await _wait_for(pilot, lambda: app.outcome is not None)
    assert app.outcome is not None and app.outcome.handled and app.outcome.saved is None


async def test_save_now_remembers_the_folder(session: kiosk_session.KioskSession,
                                             usb: Path) -> None:
    app = _app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal))
        await pilot.press(*str(usb), "enter")
        await _wait_for(pilot, lambda: not isinstance(app.screen, SaveModal))
        assert app.outcome is None
    assert session.save_dir == usb.resolve()
    assert len(list(usb.glob("*.lerprofile"))) == 1


async def test_idle_warns_then_ends_without_saving(session: kiosk_session.KioskSession,
                                                   usb: Path) -> None:
    session.choose(usb)
    app = _app(session, idle=3)
    async with app.run_test(size=(100, 30)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, IdleModal), tries=40)
        await pilot.press("x")  # still here
        await _wait_for(pilot, lambda: not isinstance(app.screen, IdleModal))
        await _wait_for(pilot, lambda: app.outcome is not None, tries=60)
    assert app.outcome is not None and app.outcome.reason == "idle"
    assert list(usb.iterdir()) == []


async def test_terminate_counts_down_then_uses_the_earlier_folder(
    session: kiosk_session.KioskSession, usb: Path
) -> None:
    session.choose(usb)
    app = _app(session, offer=2)
    async with app.run_test(size=(100, 30)) as pilot:
        app.end_session("terminate")
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal)
                        and bool(app.screen.query("#discard")))
        assert not app.screen.query("#back")  # no "keep working" now
        await _wait_for(pilot, lambda: app.outcome is not None, tries=50)
    assert app.outcome is not None and app.outcome.reason == "terminate"
    assert app.outcome.saved is not None and app.outcome.saved.folder == usb.resolve()


async def test_a_second_terminate_or_a_hangup_ends_at_once(
    session: kiosk_session.KioskSession
) -> None:
    app = _app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        app.end_session("terminate")
        await _wait_for(pilot, lambda: isinstance(app.screen, SaveModal))
        app.end_session("terminate")
        await _wait_for(pilot, lambda: app.outcome is not None)
    assert app.outcome is not None and app.outcome.saved is None  # no folder was chosen
    hung = _app(session)
    async with hung.run_test(size=(100, 30)) as pilot:
        hung.end_session("hangup")
        await _wait_for(pilot, lambda: hung.outcome is not None)
    assert hung.outcome is not None and hung.outcome.reason == "hangup"
    assert not hung.outcome.handled
