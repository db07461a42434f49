"""The caseload screen, driven by keys in a headless terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import DataTable

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.tui.app import make_app


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


async def _settle(app: object) -> None:
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]


async def test_add_search_and_delete_by_keyboard(ler: Lerkit) -> None:
    people.add_person(ler, "Marcus Bell")
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _settle(app)
        await pilot.pause()
        table = app.screen.query_one("#caseload", DataTable)
        assert table.row_count == 1
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Sofia Ramirez", "enter")
        await pilot.pause()
        await _settle(app)
        await pilot.pause()
        assert sorted(p.name for p in people.list_people(ler)) == ["Marcus Bell", "Sofia Ramirez"]
        assert app.screen.query_one("#caseload", DataTable).row_count == 2
        await pilot.press("ctrl+f", *"sofia")
        await pilot.pause(0.2)
        await _settle(app)
        await pilot.pause()
        table = app.screen.query_one("#caseload", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        await _settle(app)
        assert [p.name for p in people.list_people(ler)] == ["Marcus Bell"]


async def test_high_contrast_theme_and_help(ler: Lerkit) -> None:
    app = make_app(ler, high_contrast=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "lerkit-high-contrast"
        await pilot.press("ctrl+t")
        assert app.theme != "lerkit-high-contrast"
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
