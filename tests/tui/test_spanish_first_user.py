"""What a Spanish-speaking person met first, at 80x24: F8 in the interview keeps the
answer being typed (and a checklist's ticks), every main screen's help names F8, the
privacy check's keys follow the Spanish words, and a skill name that ends with a full
stop is not given a second one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Static, TextArea

from lerkit.core.i18n import _, set_language
from lerkit.core.records import ClaimStatus
from lerkit.services import bundles, claims, people
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.privacy import Action, check
from lerkit.services.review import record_view
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.commands import screen_keys
from lerkit.tui.dialogs.privacy import PrivacyModal, can_leave_out
from lerkit.tui.dialogs.question_help import KEYS, QuestionHelpModal
from lerkit.tui.screens.endorse import EndorseScreen
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.occupations import OccupationsScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.widgets.answer_box import AnswerBox
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.widgets.claim_list import ClaimList
from lerkit.tui.widgets.skill_list import SUGGESTED, SkillItem, SkillList

from .keys import settle, type_text
from .render import screen_text

SIZE = (80, 24)
TYPED = "3043 y despues 0411"
NAME = "Prescribe medications."  # an O*NET activity title, with its full stop


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


async def switch(app: LerkitApp, pilot: object, number: str) -> InterviewScreen:
    """F8, then the language by its number (1 English, 2 Español)."""
    await pilot.press("f8")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    await pilot.press(number)  # type: ignore[attr-defined]
    await settle(app, pilot, 0.3)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def test_f8_keeps_the_answer_being_typed_both_ways(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["military"],
                   new=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "ctrl+s")  # Marine Corps: the MOS question next
        await settle(app, pilot)
        before = app.screen
        assert isinstance(before, InterviewScreen) and before.snapshot is not None
        key = before.snapshot.key
        await type_text(pilot, TYPED)
        for number, words in (("2", "Su respuesta"), ("1", "Your answer")):
            screen = await switch(app, pilot, number)
            assert screen.snapshot is not None and screen.snapshot.key == key
            area = screen.query_one("#answer", TextArea)
            assert area.text == TYPED and area.has_focus
            assert area.cursor_location == area.document.end  # typing goes on at the end
            assert screen.snapshot.step is not None and not screen.snapshot.step.answer
            assert words in screen_text(app) and TYPED in screen_text(app)
        await type_text(pilot, " ok")
        assert screen.query_one(AnswerBox).value() == TYPED + " ok"


async def test_f8_keeps_a_checklists_ticks(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["caregiving"],
                   new=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "3")  # the first and the third choice ticked
        await settle(app, pilot)
        before = app.screen
        assert isinstance(before, InterviewScreen) and before.snapshot is not None
        ticked = before.query_one("#choices", ChoiceList).picked
        assert len(ticked) == 2 and before.snapshot.step is not None
        assert not before.snapshot.step.answer  # not saved
        for number in ("2", "1"):
            screen = await switch(app, pilot, number)
            assert screen.snapshot is not None and screen.snapshot.key == before.snapshot.key
            assert screen.query_one("#choices", ChoiceList).picked == ticked
            assert screen.query_one("#choices", ChoiceList).has_focus


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_main_screens_help_names_f8(language: str) -> None:
    set_language(language)
    for screen in (HomeScreen, InterviewScreen, ReviewScreen, ExportScreen,
                   OccupationsScreen, EndorseScreen):
        assert "**F8**" in _(screen.HELP or ""), screen.__name__
    words = {"en": "F8 English or Spanish", "es": "F8 inglés o español"}[language]
    assert words in _(KEYS)


async def test_the_interviews_f1_names_f8_in_spanish(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    set_language("es")
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["military"],
                   new=True)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, QuestionHelpModal)
        assert "F8 inglés o español" in " ".join(screen_text(app).split())


def chosen(modal: PrivacyModal) -> Action:
    """What is chosen for the first passage now."""
    return modal.choices[0].action


async def open_privacy(app: LerkitApp, ler: Lerkit, person_id: str) -> PrivacyModal:
    passages = check(ler, person_id)
    assert passages and can_leave_out(passages[0])
    modal = PrivacyModal(passages, bundles.accepted_claims(ler, person_id))
    await app.push_screen(modal)
    return modal


async def test_the_privacy_checks_keys_follow_the_spanish_words(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    set_language("es")
    app = make_app(ler)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        modal = await open_privacy(app, ler, person_id)
        await settle(app, pilot)
        assert "C conservar · Q quitar · R reescribir" in screen_text(app)
        await pilot.press("q")
        assert chosen(modal) == Action.OMIT
        await pilot.press("c")
        assert chosen(modal) == Action.KEEP
        await pilot.press("o", "k")  # the English letters still work
        assert chosen(modal) == Action.KEEP
        await pilot.press("r", "ctrl+u")
        await type_text(pilot, "cuidé a un familiar")  # C and Q are letters there
        await pilot.press("enter")
        await settle(app, pilot)
        assert chosen(modal) == Action.REWORD
        assert modal.choices[0].text == "cuidé a un familiar"
        listed = dict(screen_keys(app.screen))  # as the help and the palette list them
        assert listed["K o C"] == "Conservar" and listed["O o Q"] == "Quitar"


async def test_the_privacy_checks_keys_in_english_are_k_o_r(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        modal = await open_privacy(app, ler, person_id)
        await settle(app, pilot)
        assert "K keep · O leave out · R reword" in screen_text(app)
        listed = dict(screen_keys(app.screen))
        assert listed["K"] == "Keep" and "K or C" not in listed
        await pilot.press("q")
        assert chosen(modal) == Action.KEEP
        await pilot.press("o")
        assert chosen(modal) == Action.OMIT
        await pilot.press("c")
        assert chosen(modal) == Action.OMIT


@pytest.mark.parametrize(("language", "said"), [("en", "Turned down: "),
                                                 ("es", "Rechazada: ")])
async def test_a_name_ending_with_a_stop_gets_no_second_one_in_the_interview(
        ler: Lerkit, language: str, said: str) -> None:
    person_id = create_demo(ler)
    set_language(language)
    app = make_app(ler, person_id=person_id, start_interview=True, modules=["military"],
                   new=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        skills = app.screen.query_one("#skills", SkillList)
        item = SkillItem("onet", "4.A.4.b.5", NAME, SUGGESTED)
        skills.post_message(SkillList.Acted(item, "reject"))
        await settle(app, pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert status == said + NAME, status


@pytest.mark.parametrize(("language", "said"), [("en", ("Turned down: ", "Accepted: ")),
                                                 ("es", ("Rechazada: ", "Aceptada: "))])
async def test_a_name_ending_with_a_stop_gets_no_second_one_in_the_review(
        ler: Lerkit, language: str, said: tuple[str, str]) -> None:
    person_id = create_demo(ler)
    experience = record_view(ler, person_id).experiences[0].experience.id
    claim_id = claims.add_claim(ler, person_id, experience, "lerkit", "no-such-skill", NAME,
                                status=ClaimStatus.SUGGESTED)
    assert people.require_person(ler, person_id)
    set_language(language)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        for key, words in zip(("delete", "enter"), said, strict=True):
            listed = screen.query_one("#claims", ClaimList)
            listed.highlighted = [r.id for r in listed.rows].index(claim_id)
            await pilot.press(key)
            await settle(app, pilot)
            status = str(screen.query_one("#status", Static).render())
            assert status == words + NAME, status
