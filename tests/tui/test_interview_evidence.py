"""The evidence dialog at 80x24: each field checked as it is typed, its own date, and keys
typed or pasted straight after Enter landing in the field that has the focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.evidence import list_evidence
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.evidence import EvidenceModal
from lerkit.tui.screens.interview import InterviewScreen

from .keys import settle, type_text

SIZE = (80, 24)


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def burst(app: LerkitApp, *keys: str, paste: str = "") -> None:
    """Keys (and a paste) arriving all at once, as from a fast typist or a slow terminal:
    none of them waits for the one before to be handled."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        driver.send_message(events.Key(key, key if len(key) == 1 else None))
    if paste:
        driver.send_message(events.Paste(paste))


def _dialog(app: LerkitApp) -> EvidenceModal:
    assert isinstance(app.screen, EvidenceModal), app.screen
    return app.screen


def _field(app: LerkitApp, name: str) -> Input:
    return _dialog(app).query_one(f"#{name}", Input)


def _said(app: LerkitApp, name: str) -> Static:
    return _dialog(app).query_one(f"#{name}-said", Static)


def _words(widget: Static) -> str:
    return " ".join(str(widget.render()).split())


async def _at_military_story(ler: Lerkit, app: LerkitApp, pilot: Pilot[None]) -> None:
    """Answer the story (so the part has an experience), then stand at the next question."""
    await settle(app, pilot)
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    await type_text(pilot, "I drove trucks")
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    assert isinstance(app.screen, InterviewScreen)


async def test_each_field_is_checked_as_it_is_typed_and_the_date_is_stored(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Checks As Typed")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _at_military_story(ler, app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await type_text(pilot, "https://example")
        await settle(app, pilot)
        assert _words(_said(app, "value")).startswith(
            "Cannot save this: the link names no web site")
        assert _field(app, "value").has_class("-invalid")
        await type_text(pilot, ".org/award")
        await settle(app, pilot)
        assert _words(_said(app, "value")) == "This will be saved as: a link."
        assert not _field(app, "value").has_class("-invalid")
        await pilot.press("enter")
        await type_text(pilot, "Award page")
        await pilot.press("enter")
        await type_text(pilot, "someday")
        await settle(app, pilot)
        assert _words(_said(app, "dated")).startswith(
            "Check the date: cannot read 'someday' as a date")
        await pilot.press("ctrl+s")  # refused: the date stays in front, with the reason
        await settle(app, pilot)
        assert _field(app, "dated").has_focus
        await pilot.press(*["backspace"] * len("someday"))
        await type_text(pilot, "spring 2019")
        await settle(app, pilot)
        assert _words(_said(app, "dated")) == "The date will be saved as: spring 2019."
        await pilot.press("enter")  # Enter in the last field saves
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
    [item] = list_evidence(ler, person.id)
    assert (item.kind, item.url, item.name, item.dated) == (
        "url", "https://example.org/award", "Award page", "spring 2019")


async def test_a_file_must_exist_and_ongoing_is_a_date(ler: Lerkit, tmp_path: Path) -> None:
    person = people.add_person(ler, "File Checker")
    papers = tmp_path / "dd214.txt"
    papers.write_text("Certificate of release\n", encoding="utf-8")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _at_military_story(ler, app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await type_text(pilot, str(tmp_path / "missing.pdf"))
        await settle(app, pilot)
        assert "missing.pdf: no such file" in _words(_said(app, "value"))
        await pilot.press("ctrl+s")  # refused, with the reason beside the field
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceModal) and _field(app, "value").has_focus
        _field(app, "value").value = str(papers)
        await settle(app, pilot)
        assert _words(_said(app, "value")).startswith("This will be saved as: a file")
        await pilot.press("enter", "enter")
        await type_text(pilot, "ongoing")
        await settle(app, pilot)
        assert _words(_said(app, "dated")) == "The date will be saved as: ongoing."
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
    [item] = list_evidence(ler, person.id)
    assert (item.kind, item.dated) == ("file", "ongoing") and item.sha256


async def test_keys_typed_or_pasted_straight_after_enter_go_to_the_next_field(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Fast Typist")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _at_military_story(ler, app, pilot)
        await pilot.press("f3", *"Unit log", "enter", *"Log")  # no pause anywhere
        await settle(app, pilot)
        assert (_field(app, "value").value, _field(app, "name").value) == ("Unit log", "Log")
        await pilot.press("shift+tab")  # back to the first field, which selects it all
        await settle(app, pilot)
        _field(app, "name").value = ""
        # Enter, two keys and a paste arrive together: before, they all landed in the
        # field that Enter left
        burst(app, "enter", "M", "y", paste=" own log")
        await settle(app, pilot)
        assert _field(app, "value").value == "Unit log"
        assert _field(app, "name").value == "My own log"
        assert _field(app, "name").has_focus
        burst(app, "enter", *"2019")
        await settle(app, pilot)
        assert _field(app, "dated").value == "2019"
        assert _field(app, "name").value == "My own log"


async def test_keys_typed_straight_after_f3_go_into_the_dialog(ler: Lerkit) -> None:
    person = people.add_person(ler, "Quick Opener")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _at_military_story(ler, app, pilot)
        burst(app, "f3", "D", "D", paste="-214 copy")
        await settle(app, pilot)
        assert _field(app, "value").value == "DD-214 copy"
        assert _field(app, "value").has_focus
        await pilot.press("escape")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.snapshot is not None and screen.snapshot.evidence == 0
