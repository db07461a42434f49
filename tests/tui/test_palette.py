"""Every key of the screen in front is also a command in the palette (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.tui.app import make_app
from lerkit.tui.commands import (
    NAMED,
    LerkitCommands,
    active_bindings,
    declared_bindings,
    focus_chain,
    key_words,
)
from lerkit.tui.screens.review import ReviewScreen

from .keys import settle, type_text


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


@pytest.mark.parametrize("where", ["home", "review", "export", "interview"])
async def test_every_key_binding_is_a_palette_command(ler: Lerkit, where: str) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=None if where == "home" else person_id,
                   start_interview=where == "interview", modules=["military"], new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        if where == "export":
            await pilot.press("ctrl+e")
            await settle(app, pilot)
        screen = app.screen
        titles = [c.title for c in LerkitCommands(screen).available()]
        declared = [b for node in focus_chain(screen) for b in declared_bindings(node)]
        working = list(active_bindings(screen))
        assert len(working) >= 5
        for binding in declared:  # every key that works here is in the palette
            keys = [k for k in binding.key.split(",")
                    if any(k in ks.split(",") and b is binding for _, b, ks in working)]
            if keys:
                words = NAMED.get(binding.action, (binding.description, ""))[0]
                assert f"{words} ({key_words(','.join(keys))})" in titles
        system = [c.title for c in app.get_system_commands(screen)]
        assert "Quit" not in system and "Keys" not in system  # offered with their keys
        assert len(titles) == len(set(titles))


def _filtered(review: ReviewScreen) -> bool:
    """Only accepted skills shown (a function: mypy keeps no narrowing across it)."""
    return review.only_accepted


async def test_a_command_runs_like_its_key(ler: Lerkit) -> None:
    app = make_app(ler, person_id=create_demo(ler))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen) and not _filtered(review)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await type_text(pilot, "only accepted")
        await settle(app, pilot, 0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert _filtered(review)
        assert app.screen is review
