"""Review: evidence edited and deleted, an experience's dates corrected, each value
checked as it is typed, by keys at 80x24."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input, Static

from lerkit.services import evidence
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.review import record_view
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.confirm import ConfirmModal
from lerkit.tui.dialogs.dates import DatesModal
from lerkit.tui.dialogs.evidence_edit import EvidenceEditModal
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.widgets.claim_list import ClaimList

from .keys import settle, type_text
from .render import screen_text


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def go_to(app: LerkitApp, row_id: str) -> None:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    claims = screen.query_one("#claims", ClaimList)
    claims.highlighted = [r.id for r in claims.rows].index(row_id)


def top(app: LerkitApp) -> object:
    """The screen in front (a fresh read, so checks in turn are not narrowed away)."""
    return app.screen


def said(app: LerkitApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_evidence_is_edited_and_deleted(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    items = {e.name: e for e in evidence.list_evidence(ler, person_id)}
    link, note = items["Letter of thanks (sample link)"], items["Care logs"]
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "evidence: " in text and link.id not in text  # names, never ids
        go_to(app, f"evidence:{link.id}")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceEditModal)
        await pilot.press("tab", "ctrl+u")  # the link
        await type_text(pilot, "example.org/thanks")
        assert "Not a web address" in said(app, "#url-problem")  # as it is typed
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EvidenceEditModal)  # refused, the reason beside it
        app.screen.query_one("#url", Input).value = "https://example.org/thanks"
        await pilot.press("tab")
        await type_text(pilot, "someday")
        assert "Cannot read 'someday' as a date" in said(app, "#dated-problem")
        app.screen.query_one("#dated", Input).value = "May 2014"
        await settle(app, pilot)
        assert said(app, "#dated-problem") == "" and said(app, "#url-problem") == ""
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Evidence saved: Letter of thanks" in screen_text(app)

        go_to(app, f"evidence:{note.id}")
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert "Evidence deleted: Care logs." in screen_text(app)
    after = {e.id: e for e in evidence.list_evidence(ler, person_id)}
    assert note.id not in after
    assert after[link.id].url == "https://example.org/thanks"
    assert after[link.id].dated == "May 2014"


async def test_an_experiences_dates_are_corrected(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    exp = next(v.experience for v in record_view(ler, person_id).experiences
               if not v.experience.ongoing and v.experience.ended)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        go_to(app, f"experience:{exp.id}")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(top(app), DatesModal)
        await pilot.press("ctrl+u")
        await type_text(pilot, "the old days")
        assert "Cannot read" in said(app, "#started-problem")
        await pilot.press("ctrl+s")
        assert isinstance(top(app), DatesModal)
        await pilot.press("ctrl+u")
        await type_text(pilot, "spring 2009")
        assert said(app, "#started-problem") == ""
        await pilot.press("tab", "tab", "space")  # it still goes on: ticked, in words
        assert app.screen.query_one("#ended", Input).value == ""
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(top(app), ReviewScreen)
    changed = next(v.experience for v in record_view(ler, person_id).experiences
                   if v.experience.id == exp.id)
    assert changed.ongoing and changed.ended is None
    assert changed.started is not None and changed.started.startswith("2009")
