"""Skills named in the language on screen at 80x24: lerkit's competencies by their Spanish
names in the interview, the review and the export screens; the claim keeps the English
name; a ticked checklist item is given as the reason, not words the person never saw."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lerkit.core.i18n import set_language
from lerkit.services import people, review
from lerkit.services.context import Lerkit
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.widgets.skill_list import SkillList

from .keys import settle
from .render import screen_text
from .spanish import spanish

SIZE = (80, 24)
SKILL = "caregiving.medication-management"
ENGLISH, SPANISH = "Medication management", "Manejo de medicamentos"
TICKED = "llevó la cuenta de las medicinas o las dio a tiempo"
__all__ = ["spanish"]  # the fixture, used by name


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _screen(app: LerkitApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


@pytest.mark.usefixtures("spanish")
async def test_a_spanish_interview_names_its_skills_in_spanish_and_keeps_english_claims(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Ana Prueba")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["caregiving"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = _screen(app)
        step = screen.snapshot.step if screen.snapshot else None
        assert step is not None
        number = [c.id for c in step.choices].index("medicines") + 1
        await pilot.press(str(number), "ctrl+s")
        await settle(app, pilot)
        await pilot.press("f5")  # the ticked box's skill, folded under the next question
        await settle(app, pilot)
        text = screen_text(app)
        assert SPANISH in text and ENGLISH not in text
        snap = screen.snapshot
        assert snap is not None
        [found] = [m for m in snap.earlier if m.competency_id == SKILL]
        # the reason is the item ticked, in the person's words; no English hint words
        assert found.why == f"marcó «{TICKED}»"
        assert all(m.why == f"marcó «{TICKED}»" for m in snap.earlier)
        assert '"manage"' not in text and "coincide con" not in text  # (O*NET's names stay)
        skills = screen.query_one("#skills", SkillList)
        [item] = [i for i in skills.items if i.competency_id == SKILL]
        skills.post_message(SkillList.Acted(item, "accept"))
        await settle(app, pilot)
        assert f"Aceptada: {SPANISH}." in screen_text(app)
        accepted = [i for i in skills.items if i.competency_id == SKILL]
        assert accepted and accepted[0].state == "accepted" and accepted[0].shown == SPANISH

    # the claim keeps the taxonomy's English name: an English screen or record says it
    claims = [c for e in review.record_view(ler, person.id).experiences for c in e.claims]
    [claim] = [c for c in claims if c.competency_id == SKILL]
    assert claim.label == ENGLISH

    app = make_app(ler, person_id=person.id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert SPANISH in text and ENGLISH not in text
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        text = screen_text(app)
        assert SPANISH in text and ENGLISH not in text

    set_language("en")  # the same record on English screens: the English names
    app = make_app(ler, person_id=person.id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert ENGLISH in text and SPANISH not in text
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        text = screen_text(app)
        assert ENGLISH in text and SPANISH not in text


async def test_an_english_interview_is_unchanged(ler: Lerkit) -> None:
    person = people.add_person(ler, "Ann Test")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["caregiving"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = _screen(app)
        step = screen.snapshot.step if screen.snapshot else None
        assert step is not None
        number = [c.id for c in step.choices].index("medicines") + 1
        await pilot.press(str(number), "ctrl+s")
        await settle(app, pilot)
        await pilot.press("f5")  # the ticked box's skill, folded under the next question
        await settle(app, pilot)
        text = screen_text(app)
        assert ENGLISH in text and SPANISH not in text
        snap = screen.snapshot
        assert snap is not None
        [found] = [m for m in snap.earlier if m.competency_id == SKILL]
        assert "medications" in found.why  # the English hint's words, as before
