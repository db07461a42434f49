"""The export screen chooses the record's language (the screen's by default), at 80x24, and
the bundle and every file are made in it. The choice is made on its own line: nothing
opens over the footer, and no English shows on the Spanish screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from lerkit.core.i18n import set_language
from lerkit.services import keys
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.outputs import FORMATS
from lerkit.tui.app import make_app
from lerkit.tui.dialogs.privacy import PrivacyModal
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.widgets.language_toggle import LanguageToggle

from .keys import settle
from .render import screen_lines, screen_text
from .spanish import assert_spanish, record_data

PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


async def test_the_record_language_is_chosen_on_the_export_screen(
        ler: Lerkit, tmp_path: Path) -> None:
    person_id = create_demo(ler)
    keys.init_key(ler, person_id, PASSPHRASE)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        choice = screen.query_one("#record-language", LanguageToggle)
        assert choice.value == "en"  # the language on screen
        shown = screen_text(app)
        assert "Record language:" in shown and "(*) English  ( ) Español" in shown
        assert choice.region.bottom <= 23  # in view at 80x24, above the footer
        choice.focus()
        await pilot.press("space")  # the other language, on the same line
        await settle(app, pilot)
        assert choice.value == "es" and "( ) English  (*) Español" in screen_text(app)
        screen.query_one("#passphrase", Input).value = PASSPHRASE
        screen.query_one("#out", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        if isinstance(app.screen, PrivacyModal):
            await pilot.press("ctrl+s")  # keep every passage
            await settle(app, pilot, 0.2)
        result = str(screen.query_one("#result", Static).render())
        assert "Saved" in result, result
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert '<html lang="es">' in page and "Cómo comprobar este registro" in page
    bundle = json.loads(next(tmp_path.glob("*.bundle.json")).read_text(encoding="utf-8"))
    achievements = [vc["credentialSubject"]["achievement"]
                    for vc in bundle["credentialSubject"]["verifiableCredential"]]
    assert all(a["inLanguage"] == "es" for a in achievements)


async def test_the_record_language_changes_in_spanish_with_nothing_over_the_footer(
        ler: Lerkit) -> None:
    person_id = create_demo(ler)
    keys.init_key(ler, person_id, PASSPHRASE)
    set_language("es")
    try:
        app = make_app(ler, person_id=person_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("ctrl+e")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            footer = screen_lines(app)[-1]
            choice = screen.query_one("#record-language", LanguageToggle)
            assert choice.value == "es"
            choice.focus()
            await settle(app, pilot)
            for key, chosen in (("enter", "en"), ("space", "es"), ("right", "en"),
                                ("left", "es")):
                await pilot.press(key)
                await settle(app, pilot)
                assert choice.value == chosen
                assert screen_lines(app)[-1] == footer  # nothing opened over it
            assert app.screen is screen and choice.has_focus
            folder = screen.query_one("#out", Input).value
            formats = [f.title for f in FORMATS]  # the outputs' own words (their own tests)
            assert_spanish(app, "Idioma del registro:", "(*) Español", "Espacio lo cambia",
                           allow=[*record_data(ler, person_id), folder, *formats, "English"])
            await pilot.click("#record-language")
            await settle(app, pilot)
            assert choice.value == "en"
    finally:
        set_language("en")
