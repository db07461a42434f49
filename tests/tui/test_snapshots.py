"""SVG snapshots of the main screens at 80x24 (update with --snapshot-update).

Kept stable: fixed size, title and theme; no blinking cursor; workers awaited before
the picture; the random ``terminal-<n>`` class prefix and the demo person's random id
replaced by fixed text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.widgets import Input, TextArea

from lerkit.core.matching.types import Match, MatchedVia
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.interview_driver import InterviewDriver

from .keys import DEBOUNCE_WAIT, settle, type_text

SIZE = (80, 24)
FIXED = (
    Match("lerkit", "logistics.route-planning", "Route planning", 78.0, MatchedVia.PHRASING,
          "planned convoy routes and checkpoints", ("planned", "convoys")),
    Match("lerkit", "transport.heavy-vehicles", "Heavy vehicle driving", 60.0,
          MatchedVia.PHRASING, "drove military cargo trucks in convoy", ("truck", "convoys")),
    Match("lerkit", "logistics.dispatch", "Dispatch and vehicle coordination", 41.0,
          MatchedVia.ALT_LABEL, "convoy planning", ("convoys",)),
)


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


@pytest.fixture
def svg_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots stored as .svg files in tests/tui/__snapshots__/."""
    return snapshot.use_extension(SVGImageSnapshotExtension)


def picture(app: LerkitApp, *hide: str) -> str:
    """The screen as SVG, with everything that changes between runs made fixed."""
    svg = re.sub(r"terminal-\d+", "terminal", app.export_screenshot())
    for text in hide:
        svg = svg.replace(text, "x" * len(text))
    return svg


def no_blink(app: LerkitApp) -> None:
    for widget in app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False


async def test_home_with_the_demo_person(ler: Lerkit, svg_snapshot: SnapshotAssertion) -> None:
    person_id = create_demo(ler)
    app = make_app(ler)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        no_blink(app)
        await settle(app, pilot)
        assert svg_snapshot == picture(app, person_id)


async def test_interview_with_suggestions(ler: Lerkit, svg_snapshot: SnapshotAssertion,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Fixed suggestions: the picture is of the screen, not of the matcher's current scores.
    monkeypatch.setattr(InterviewDriver, "preview",
                        lambda self, texts: list(FIXED) if any(texts) else [])
    person = people.add_person(ler, "Alex Snapshot")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        no_blink(app)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await type_text(pilot, "I planned truck convoys")
        await settle(app, pilot, DEBOUNCE_WAIT)
        assert svg_snapshot == picture(app)


async def test_review_of_the_demo_person(ler: Lerkit, svg_snapshot: SnapshotAssertion) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "p")
        await settle(app, pilot)
        assert svg_snapshot == picture(app, person_id)
