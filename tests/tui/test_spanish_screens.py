"""Every screen and dialog in Spanish at 80x24: Spanish words, no English left but data.

The interview's questions come from the prompt bank and suggestions from the taxonomy:
data here (their own tests check their language), named in ``allow``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Input

from lerkit.services import kiosk, kiosk_session, people
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.outputs import FORMATS
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.confirm import ConfirmModal
from lerkit.tui.dialogs.evidence import EvidenceModal
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.dialogs.parts import PartsModal
from lerkit.tui.dialogs.prompt import PromptModal
from lerkit.tui.kiosk import KioskApp
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.occupations import OccupationsScreen
from lerkit.tui.screens.review import ReviewScreen

from .keys import settle, type_text
from .render import screen_lines
from .spanish import assert_spanish, record_data, spanish

SIZE = (80, 24)
__all__ = ["spanish"]  # the fixture, used by name


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def front(app: LerkitApp) -> Screen[Any]:
    """The screen in front (read afresh: a key may have changed it)."""
    return app.screen


def interview_data(app: LerkitApp) -> list[str]:
    """What the interview screen shows from the prompt bank and the taxonomy."""
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    step = screen.snapshot.step if screen.snapshot else None
    found = [m.label for m in screen.live_matches]
    if screen.snapshot is not None:
        found += [m.label for m in screen.snapshot.earlier]
        found += [a.label for a in screen.snapshot.accepted]
    found += [m.why for m in screen.live_matches]
    if step is not None:
        found += [step.text, step.progress, step.module_title, *step.examples]
        found += [c.label for c in step.choices]
    return found


@pytest.mark.usefixtures("spanish")
async def test_home_and_its_dialogs_in_spanish(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    data = record_data(ler, person_id)
    app = make_app(ler)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = assert_spanish(app, "Buscar personas por nombre", "Nombre", "Habilidades",
                              "1 persona.", "Entrevista", "Ayuda", "menú",
                              allow=data)
        assert "Sam Rivera" in text
        footer = screen_lines(app)[-1]
        assert footer.rstrip().endswith("^p menú") and "^q Cerrar" in footer
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpModal)
        assert_spanish(app, "Personas", "Teclas de esta pantalla", "Nueva persona",
                       allow=data)
        await pilot.press("escape")
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert isinstance(app.screen, PromptModal)
        assert_spanish(app, "Nombre de la persona nueva", "Enter para guardar", allow=data)
        await pilot.press("escape")
        await settle(app, pilot)
        app.screen.query_one("#caseload").focus()
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert_spanish(app, "¿Borrar a Sam Rivera", "No, dejarlo", "Sí, borrar", allow=data)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await settle(app, pilot, 0.3)
        assert_spanish(app, "Buscar comandos", "Subir una pantalla", allow=data)


@pytest.mark.usefixtures("spanish")
async def test_review_export_and_occupations_in_spanish(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    data = record_data(ler, person_id)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(front(app), ReviewScreen)
        assert_spanish(app, "Registro: Sam Rivera", "ACEPTADA", "Lo exportado tendría",
                       "Exportar", "Atrás", allow=data)
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(front(app), ExportScreen)
        folder = front(app).query_one("#out", Input).value
        formats = [f.title for f in FORMATS]  # the outputs' own words (their own tests)
        assert_spanish(app, "Exportar: Sam Rivera", "Contraseña:", "Guardar en:",
                       "Firmar y guardar", allow=[*data, folder, *formats])
        await pilot.press("ctrl+s")  # nothing typed: the screen says why, in Spanish
        await settle(app, pilot)
        assert_spanish(app, "No se exportó: Escriba la frase de contraseña.",
                       allow=[*data, folder, *formats])
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+j")
        await settle(app, pilot)
        screen = front(app)
        assert isinstance(screen, OccupationsScreen) and screen.standing is not None
        found = screen.standing
        onet = [found.attribution, found.name, *(s.label for s in found.profile.skills)]
        onet += [fit.occupation.title for fit in found.ranked[:20]]
        text = assert_spanish(app, "Coincide", allow=[*data, *onet, *detail_data(screen)])
        assert "zona" in text and "laboral" in text


def detail_data(screen: OccupationsScreen) -> list[str]:
    """The O*NET words of the detail pane: the activities behind the reasons."""
    from lerkit.core.occupations.explain import reasons

    found = screen.standing
    assert found is not None
    words: list[str] = []
    for fit in found.ranked[:1]:
        for reason in reasons(found.index, found.profile, fit.occupation):
            words += [reason.skill.label, reason.skill.via or "",
                      *(a.rstrip(".") for a in reason.activities)]
        words += list(found.profile.leads.get(fit.occupation.code, []))
    return words


@pytest.mark.usefixtures("spanish")
async def test_interview_and_its_dialogs_in_spanish(ler: Lerkit) -> None:
    person = people.add_person(ler, "Ana Prueba")
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal)  # a first interview: which parts
        parts = [t for p in app.screen.parts for t in (p.title, p.summary)]
        assert_spanish(app, "¿Cuáles de estas han sido parte de su vida?", allow=parts)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert_spanish(app, "Su respuesta", "Habilidades que esto puede mostrar",
                       "Guardar", "Saltar", "Atrás", "Salir", allow=interview_data(app))
        await type_text(pilot, "I drove trucks")
        await settle(app, pilot, 0.4)
        assert_spanish(app, "Habilidades que esto puede mostrar",
                       allow=[*interview_data(app), "I drove trucks"])
        await pilot.press("f3")
        await settle(app, pilot)
        assert isinstance(app.screen, EvidenceModal)
        about = app.screen.about
        assert_spanish(app, "Evidencia para:", "Se guardará como: nada todavía.",
                       allow=[*interview_data_below(app), about])
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        assert_spanish(app, "Teclas: Ctrl+S guardar la respuesta",
                       allow=interview_data_below(app))


def interview_data_below(app: LerkitApp) -> list[str]:
    """The prompt bank's words of the interview under a dialog."""
    below = [s for s in app.screen_stack if isinstance(s, InterviewScreen)][-1]
    step = below.snapshot.step if below.snapshot else None
    found = [m.label for m in below.live_matches] + [m.why for m in below.live_matches]
    if step is not None:
        found += [step.text, step.progress, step.module_title, step.help or "",
                  *step.examples]
    return found


@pytest.mark.usefixtures("spanish")
@pytest.mark.parametrize(("where", "keys"), [
    ("home", ()), ("review", ()), ("export", ("ctrl+e",)), ("interview", ()),
    ("kiosk", ("enter", "ctrl+s")), ("kiosk", ("enter", "ctrl+s", "escape")),
])
async def test_the_spanish_footer_fits_80_columns(ler: Lerkit, tmp_path: Path, where: str,
                                                  keys: tuple[str, ...]) -> None:
    person_id = create_demo(ler)
    workspace = kiosk.Workspace.create(tmp_path / "base")
    session = kiosk_session.start_new(workspace.open(), workspace, "Ana Prueba", "kiosk pass")
    app: LerkitApp = (
        KioskApp(session, idle_seconds=600, offer_seconds=30, interview=True)
        if where == "kiosk" else
        make_app(ler, person_id=None if where == "home" else person_id,
                 start_interview=where == "interview", modules=["military"], new=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot)
            bottom = screen_lines(app)[-1]
            wanted = [f"{app.get_key_display(b)} {b.description}"
                      for _, b, _, _ in app.screen.active_bindings.values() if b.show]
            assert len(wanted) >= 3
            missing = [w for w in wanted if w not in bottom]
            assert not missing, f"cut off: {missing} in {bottom!r}"
            assert bottom.rstrip().endswith("^p menú") and "f1 Ayuda" in bottom
    finally:
        session.close()
        workspace.wipe()
