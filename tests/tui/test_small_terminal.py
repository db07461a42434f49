"""At 80x24 nothing a person needs is cut off: the footer, F1's help, the skills counter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from lerkit.core.matching.types import Match, MatchedVia
from lerkit.services import kiosk, kiosk_session, people
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.tui.app import make_app
from lerkit.tui.commands import screen_keys
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.interview_driver import InterviewDriver
from lerkit.tui.kiosk import KioskApp
from lerkit.tui.screens.interview import InterviewScreen

from .keys import DEBOUNCE_WAIT, settle, type_text
from .render import screen_lines, screen_text

SIZE = (80, 24)
ROUTE = Match("lerkit", "logistics.route-planning", "Route planning", 78.0,
              MatchedVia.PHRASING, "planned convoy routes", ("planned", "convoys"))


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[kiosk_session.KioskSession]:
    workspace = kiosk.Workspace.create(tmp_path / "base")
    opened = kiosk_session.start_new(workspace.open(), workspace, "Zephyrine Quillfeather",
                                     "kiosk passphrase")
    yield opened
    opened.close()
    workspace.wipe()


def footer_words(app: App[None]) -> list[str]:
    """What the footer of the screen in front should show: "^s Save", "f1 Help"..."""
    return [f"{app.get_key_display(b)} {b.description}"
            for _, b, _, _ in app.screen.active_bindings.values() if b.show]


async def check_footer(app: App[None], pilot: Pilot[None], *keys: str) -> None:
    await settle(app, pilot)
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)
    bottom = screen_lines(app)[-1]
    wanted = footer_words(app)
    assert len(wanted) >= 3
    missing = [w for w in wanted if w not in bottom]
    assert not missing, f"cut off: {missing} in {bottom!r}"
    assert bottom.endswith("^p palette")


@pytest.mark.parametrize(("where", "keys"), [
    ("home", ()), ("review", ()), ("export", ("ctrl+e",)), ("interview", ()),
    ("interview", ("ctrl+l",)),
])
async def test_the_footer_fits_80_columns(ler: Lerkit, where: str,
                                          keys: tuple[str, ...]) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=None if where == "home" else person_id,
                   start_interview=where == "interview", modules=["military"], new=True)
    async with app.run_test(size=SIZE) as pilot:
        await check_footer(app, pilot, *keys)
        assert "f1 Help" in screen_lines(app)[-1]


# A new kiosk person first chooses the language (Enter: the one highlighted), then is
# asked which parts of life apply (Ctrl+S: every part).
@pytest.mark.parametrize(("interview", "keys"), [(True, ("enter", "ctrl+s")), (False, ()),
                                                 (False, ("escape",)), (False, ("ctrl+e",))])
async def test_the_kiosk_footer_keeps_save_and_finish(
        session: kiosk_session.KioskSession, interview: bool, keys: tuple[str, ...]) -> None:
    app = KioskApp(session, idle_seconds=600, offer_seconds=30, interview=interview)
    async with app.run_test(size=SIZE) as pilot:
        await check_footer(app, pilot, *keys)
        bottom = screen_lines(app)[-1]
        assert "f9 Save to USB" in bottom and "^q Finish" in bottom and "f1 Help" in bottom


async def check_help(app: App[None], pilot: Pilot[None], title: str) -> None:
    await settle(app, pilot)
    keys = screen_keys(app.screen)
    await pilot.press("f1")
    await settle(app, pilot)
    assert isinstance(app.screen, HelpModal)
    dialog = app.screen.query_one("#dialog", VerticalScroll)
    assert dialog.max_scroll_y == 0, "the help does not fit: it scrolls"
    assert dialog.region.bottom <= SIZE[1] and dialog.region.right <= SIZE[0]
    text = screen_text(app)
    assert title in text
    assert "Escape, Enter or F1 closes this. Ctrl+P finds any command by name." in text
    for key, words in keys:
        assert re.search(rf"{re.escape(key)}\s+{re.escape(words)}\b", text), (key, words)
    await pilot.press("f1")
    await settle(app, pilot)
    assert not isinstance(app.screen, HelpModal)


async def test_f1_help_fits_80x24(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=SIZE) as pilot:
        await check_help(app, pilot, "Review")
        text_keys = dict(screen_keys(app.screen))
        assert text_keys["Ctrl+E"] == "Export" and text_keys["Enter or A"] == "Accept"
        await pilot.press("escape")  # back to the caseload
        await check_help(app, pilot, "Caseload")


async def test_f1_help_in_the_kiosk_fits_80x24(session: kiosk_session.KioskSession) -> None:
    app = KioskApp(session, idle_seconds=600, offer_seconds=30, interview=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        keys = dict(screen_keys(app.screen))
        assert keys["Ctrl+Q or Ctrl+C"] == "Finish" and keys["F9"] == "Save to USB"
        await check_help(app, pilot, "Review")


async def test_the_skills_counter_shows_every_skill_accepted_so_far(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InterviewDriver, "preview",
                        lambda self, texts: [ROUTE] if any(texts) else [])
    person_id = create_demo(ler)
    before = people.show_person(ler, person_id).summary.counts.accepted_skills
    assert before > 0
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["military"],
                   new=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        text = screen_text(app)
        assert f"{before} skills accepted so far" in text
        assert "0 skills accepted" not in text
        await pilot.press("ctrl+n")  # the checklist; the next question takes words
        await settle(app, pilot)
        await type_text(pilot, "I planned truck convoys")
        await settle(app, pilot, DEBOUNCE_WAIT)
        await pilot.press("ctrl+l", "enter")  # accept the suggestion
        await settle(app, pilot)
        assert f"{before + 1} skills accepted so far" in screen_text(app)
        await pilot.press("ctrl+l")  # the keys go back to the answer
        await settle(app, pilot)
        assert f"{before + 1} skills accepted so far" in screen_text(app)
    after = people.show_person(ler, person_id).summary.counts.accepted_skills
    assert after == before + 1


async def test_the_kiosk_header_says_its_whole_line_at_80_columns(
        session: kiosk_session.KioskSession) -> None:
    app = KioskApp(session, idle_seconds=600, offer_seconds=30, interview=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")  # the caseload: a screen without a title of its own
        await settle(app, pilot)
        header = screen_lines(app)[0]
        assert f"lerkit kiosk — {KioskApp.SUB_TITLE}" in header
        assert "…" not in header
