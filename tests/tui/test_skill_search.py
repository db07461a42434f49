"""Finding a skill by name (F2 in the interview) in the language on screen: Spanish words
find lerkit's competencies by their Spanish texts and show their Spanish names; the skill
accepted keeps its English name; English as before."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.app import App

from lerkit.core.matching.types import Match
from lerkit.services.context import Lerkit
from lerkit.tui.dialogs.skill_search import SkillSearchModal

from .keys import DEBOUNCE_WAIT, settle, type_text
from .render import screen_text
from .spanish import spanish

SIZE = (80, 24)
CLEANING = "hospitality.residential-cleaning"
__all__ = ["spanish"]  # the fixture, used by name


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


class _Host(App[None]):
    """Opens the search over lerkit's taxonomy and keeps what it gives back."""

    def __init__(self, ler: Lerkit) -> None:
        super().__init__()
        self.ler = ler
        self.chosen: list[Match | None] = []

    def on_mount(self) -> None:
        self.push_screen(SkillSearchModal(self.ler, "lerkit"), self.chosen.append)


async def _search(app: _Host, words: str) -> tuple[SkillSearchModal, str]:
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, SkillSearchModal)
        await type_text(pilot, words)
        await settle(app, pilot, DEBOUNCE_WAIT)
        text = screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        return modal, text


@pytest.mark.parametrize("words", ["limpieza", "limpiar"])
async def test_spanish_words_find_skills_by_their_spanish_names(
        ler: Lerkit, spanish: None, words: str) -> None:
    app = _Host(ler)
    modal, text = await _search(app, words)
    assert CLEANING in [m.competency_id for m in modal.matches]
    assert "Limpieza de casas" in text
    assert "House cleaning" not in text
    assert "Nothing found" not in text and "No se encontró" not in text


async def test_the_skill_accepted_keeps_its_english_name(ler: Lerkit, spanish: None) -> None:
    app = _Host(ler)
    await _search(app, "limpieza de casas")
    chosen = app.chosen[0]
    assert chosen is not None and chosen.competency_id == CLEANING
    assert chosen.label == "House cleaning for clients"


async def test_in_english_the_english_names_are_shown(ler: Lerkit) -> None:
    app = _Host(ler)
    modal, text = await _search(app, "house cleaning")
    assert modal.matches[0].competency_id == CLEANING
    assert "House cleaning for clients" in text
