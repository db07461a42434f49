"""The occupations screen at 80x24: the ranking, the reasons, the gap, the attribution."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import OptionList, Static

from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.tui.screens.occupations import OccupationsScreen


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


class _Host(App[None]):
    def __init__(self, ler: Lerkit, person_id: str) -> None:
        super().__init__()
        self.ler, self.person_id = ler, person_id

    def on_mount(self) -> None:
        self.push_screen(OccupationsScreen(self.ler, self.person_id))


def _top(app: App[Any]) -> Screen[Any]:
    """The screen in front (read afresh: a key may have changed it)."""
    return app.screen


def _text(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_ranking_reasons_and_gap(ler: Lerkit) -> None:
    app = _Host(ler, create_demo(ler))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        ranking = app.screen.query_one("#ranking", OptionList)
        assert ranking.option_count == 20
        assert "Freight Forwarders" in str(ranking.get_option_at_index(0).prompt)
        assert "Route planning (" in _text(app, "#detail")
        assert "USDOL/ETA" in _text(app, "#attribution")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Missing, the most central first:" in _text(app, "#detail")
        assert "Learn next:" in _text(app, "#detail")


async def test_the_review_screen_opens_it_with_ctrl_j(ler: Lerkit) -> None:
    from lerkit.tui.app import make_app
    from lerkit.tui.screens.review import ReviewScreen

    from .keys import settle

    app = make_app(ler, person_id=create_demo(ler))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(_top(app), ReviewScreen)
        await pilot.press("ctrl+j")
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = _top(app)
        assert isinstance(shown, OccupationsScreen)
        assert shown.query_one("#ranking", OptionList).option_count > 0
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(_top(app), ReviewScreen)
