"""Switching language in the interface (F8), both ways; the kiosk's first screen; the
endorser's review in Spanish."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.i18n import current_language, set_language
from lerkit.services import endorsing, kiosk, kiosk_session
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.tui.app import make_app
from lerkit.tui.dialogs.language import LanguageModal
from lerkit.tui.dialogs.parts import PartsModal
from lerkit.tui.endorse_app import make_endorse_app
from lerkit.tui.kiosk import KioskApp
from lerkit.tui.screens.endorse import EndorseScreen
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen

from .keys import settle, type_text
from .render import screen_lines, screen_text
from .spanish import assert_spanish, record_data, spanish
from .test_endorse import _bundle, _settle

SIZE = (80, 24)
__all__ = ["spanish"]  # the fixture, used by name


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Whatever a test switched to, the next one starts in English."""
    yield
    set_language("en")


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


async def test_f8_switches_the_home_screen_to_spanish_and_back(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.screen
        assert "Search people by name" in screen_text(app)
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, LanguageModal)
        assert "English" in screen_text(app) and "Español" in screen_text(app)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert current_language() == "es"
        assert isinstance(app.screen, HomeScreen) and app.screen is not first
        assert_spanish(app, "Buscar personas por nombre", "1 persona.",
                       allow=record_data(ler, person_id))
        assert screen_lines(app)[-1].rstrip().endswith("^p menú")
        assert app.sub_title == "Registros de Aprendizaje y Empleo"
        await pilot.press("f8")
        await settle(app, pilot)
        await pilot.press("up", "enter")
        await settle(app, pilot)
        assert current_language() == "en"
        assert "Search people by name" in screen_text(app)
        assert screen_lines(app)[-1].rstrip().endswith("^p palette")
        await pilot.press("f8", "escape")  # Escape keeps the language as it is
        await settle(app, pilot)
        assert current_language() == "en" and isinstance(app.screen, HomeScreen)


async def test_an_interview_goes_on_at_the_same_question_in_the_other_language(
        ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["military"],
                   new=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")  # skip the first question
        await settle(app, pilot)
        before = app.screen
        assert isinstance(before, InterviewScreen) and before.snapshot is not None
        key = before.snapshot.key
        await type_text(pilot, "convoy")
        await pilot.press("f8")
        await settle(app, pilot)
        await pilot.press("2")  # the number picks Español
        await settle(app, pilot, 0.3)
        after = app.screen
        assert isinstance(after, InterviewScreen) and after is not before
        assert after.snapshot is not None and after.snapshot.key == key
        text = screen_text(app)
        assert "Su respuesta" in text and "Habilidades que esto puede mostrar" in text
        assert [type(s).__name__ for s in app.screen_stack[1:]] == [
            "HomeScreen", "InterviewScreen"]
        await pilot.press("escape")  # leave: the answer typed is not saved, so it asks
        await settle(app, pilot)
        assert "Su respuesta a esta pregunta todavía no está guardada" in screen_text(app)
        await pilot.press("tab", "enter")  # leave without it
        await settle(app, pilot)  # the home screen below speaks Spanish too
        assert "Buscar personas por nombre" in screen_text(app)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[kiosk_session.KioskSession]:
    workspace = kiosk.Workspace.create(tmp_path / "base")
    opened = kiosk_session.start_new(workspace.open(), workspace, "Zephyrine Quillfeather",
                                     "kiosk passphrase")
    yield opened
    opened.close()
    workspace.wipe()


async def test_a_new_kiosk_session_starts_by_choosing_the_language(
        session: kiosk_session.KioskSession) -> None:
    app = KioskApp(session, idle_seconds=600, offer_seconds=30, interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LanguageModal)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert current_language() == "es"
        assert isinstance(app.screen, PartsModal)
        parts = [t for p in app.screen.parts for t in (p.title, p.summary)]
        assert_spanish(app, "¿Cuáles de estas han sido parte de su vida?", allow=parts)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        bottom = screen_lines(app)[-1]
        assert "^q Terminar" in bottom and "f9 A USB" in bottom
        assert app.title == "lerkit quiosco"


async def test_a_resumed_kiosk_session_goes_straight_on(
        session: kiosk_session.KioskSession) -> None:
    app = KioskApp(session, idle_seconds=600, offer_seconds=30, interview=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not isinstance(app.screen, LanguageModal)
        assert current_language() == "en"


@pytest.mark.usefixtures("spanish")
async def test_the_endorsers_review_in_spanish_keeps_what_was_chosen(
        tmp_path: Path) -> None:
    endorser = Lerkit.open(f"sqlite:///{tmp_path / 'endorser.db'}")
    review = endorsing.review_bundle(_bundle(tmp_path))
    skills = [t for c in review.claims for t in (c.skill, c.description,
                                                  *re.split(r"(?<=[.:])\s", c.narrative),
                                                  *(e.name for e in c.evidence),
                                                  *(e.narrative for e in c.evidence))]
    data = [*skills, review.holder_name or "", review.holder or "", "Jordan Coach"]
    app = make_endorse_app(endorser, review, tmp_path / "out.json", signer="Jordan Coach")
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert_spanish(app, "Habilidades: 0 de 3 elegidas", "Cómo la conoce",
                       "Usted firma como Jordan Coach", "Firmar", allow=data)
        await pilot.press("space")
        await _settle(app, pilot)
        assert "Habilidades: 1 de 3 elegidas" in screen_text(app)
        await pilot.press("f8", "up", "enter")
        await _settle(app, pilot)
        assert isinstance(app.screen, EndorseScreen) and current_language() == "en"
        assert "Skills: 1 of 3 chosen" in screen_text(app)
    endorser.close()
