"""A first interview asks which parts of life apply, then only those, by keys at 80x24."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from lerkit.core.interview import find_forbidden
from lerkit.services import interview, people
from lerkit.services.context import Lerkit
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.leave import LeaveModal
from lerkit.tui.dialogs.parts import FIRST_QUESTION, HINT, PartsModal
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.widgets.choice_list import ChoiceList

from .keys import settle, type_text
from .render import screen_text

SIZE = (80, 24)
BORDERS = str.maketrans(dict.fromkeys("█▊▎▔▁▀▄", " "))


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _number(part_id: str) -> str:
    """The digit that ticks a part in the picker."""
    return str([p.id for p in interview.parts()].index(part_id) + 1)


def _question(app: LerkitApp) -> tuple[str, str]:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), screen
    assert screen.snapshot is not None and screen.snapshot.step is not None
    return screen.snapshot.step.module_id, screen.snapshot.step.progress


async def test_a_veteran_reaches_military_service_in_two_keys(ler: Lerkit) -> None:
    person = people.add_person(ler, "First Timer")
    assert interview.first_time(ler, person.id)
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal) and app.screen.first
        text = screen_text(app)
        assert "Which of these have been part of your life?" in text
        assert "[ ] 1. Jobs" in text and "Any job, full time or part time" in text
        assert "[ ] 2. Military service" in text
        assert "Active duty, National Guard or Reserve" in text  # the example under it
        keys = [_number("military"), "ctrl+s"]
        await pilot.press(*keys)
        await settle(app, pilot)
        module, progress = _question(app)
        assert module == "military"
        assert progress.startswith("Part 1 of 1: Military service")
    assert len(keys) == 2  # before: Ctrl+N fifteen times through Jobs (or F4, if found in F1)
    assert not interview.first_time(ler, person.id)


async def test_ticked_parts_are_asked_in_the_order_of_the_prompt_bank(ler: Lerkit) -> None:
    person = people.add_person(ler, "Carer and Veteran")
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal)
        # ticked out of order: caregiving first, then military
        await pilot.press(_number("caregiving"), _number("military"), "ctrl+s")
        await settle(app, pilot)
        module, progress = _question(app)
        assert module == "military" and progress.startswith("Part 1 of 2")
        await pilot.press("f4")  # skip the rest of military service
        await settle(app, pilot)
        module, progress = _question(app)
        assert module == "caregiving" and progress.startswith("Part 2 of 2")


async def test_every_part_is_shown_with_its_example_and_can_be_reached(ler: Lerkit) -> None:
    person = people.add_person(ler, "Scrolls Down")
    parts = interview.parts()
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, PartsModal)
        chooser = modal.query_one("#parts", ChoiceList)
        assert [cid for cid, _ in chooser.choices] == [p.id for p in parts]
        assert all(chooser.details[p.id] == p.summary for p in parts)
        await pilot.press(*["down"] * (len(parts) - 1), "space")  # the last part
        await settle(app, pilot)
        text = " ".join(screen_text(app).translate(BORDERS).split())  # the example may wrap
        assert f"> [x] {parts[-1].title}" in text and parts[-1].summary in text
        assert chooser.picked == [parts[-1].id]
        dialog = modal.query_one("#dialog")
        assert dialog.region.bottom <= SIZE[1] and dialog.region.right <= SIZE[0]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert _question(app)[0] == parts[-1].id


async def test_escape_at_the_first_question_starts_nothing(ler: Lerkit) -> None:
    person = people.add_person(ler, "Not Today")
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert interview.first_time(ler, person.id)


async def test_an_open_interview_resumes_without_the_question(ler: Lerkit) -> None:
    person = people.add_person(ler, "Half Way")
    interview.LiveInterview.open(ler, person.id, ["household"])
    assert not interview.first_time(ler, person.id)
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert _question(app)[0] == "household"


def test_the_question_asks_nothing_about_who_the_person_is() -> None:
    shown = [FIRST_QUESTION, HINT, *(f"{p.title}: {p.summary}" for p in interview.parts())]
    assert [find_forbidden(text) for text in shown] == [None] * len(shown)


async def _typed_story(app: LerkitApp, pilot: Pilot[None], text: str) -> None:
    """Past the checklist of military service to its story question, and type."""
    await settle(app, pilot)
    await pilot.press("ctrl+n")
    await settle(app, pilot)
    await type_text(pilot, text)
    await settle(app, pilot)


def _stored_answer(ler: Lerkit, person_id: str, key: str) -> object:
    live = interview.LiveInterview.open(ler, person_id)
    return live.interview.state.answers.get(key)


async def test_escape_with_an_unsaved_answer_asks_before_leaving(ler: Lerkit) -> None:
    """Escape does not drop a typed answer: the dialog saves it and leaves, or stays."""
    person = people.add_person(ler, "Typed Then Left")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "I ran the motor pool for two years")
        key = _question_key(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LeaveModal)
        assert "not saved yet" in screen_text(app)
        await pilot.press("escape")  # stay: the answer is still in the box
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert "motor pool" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # save it, then leave
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert _stored_answer(ler, person.id, key) == "I ran the motor pool for two years"


async def test_quitting_with_an_unsaved_answer_asks_first(ler: Lerkit) -> None:
    """Ctrl+Q closes lerkit, but not over an answer typed and not saved: the same
    dialog saves it and closes, or stays."""
    person = people.add_person(ler, "Quit Midway")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "I kept the motor pool's books")
        key = _question_key(app)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert isinstance(app.screen, LeaveModal)
        assert _running(app)
        await pilot.press("escape")  # stay
        await settle(app, pilot)
        assert isinstance(app.screen, InterviewScreen) and "motor pool" in screen_text(app)
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # save it, then close
        await settle(app, pilot)
        await settle(app, pilot)
        assert not _running(app)
    assert _stored_answer(ler, person.id, key) == "I kept the motor pool's books"


def _running(app: LerkitApp) -> bool:
    return app.is_running


async def test_leaving_without_the_answer_and_leaving_with_nothing_typed(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Changed Mind")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "never mind")
        key = _question_key(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.click("#drop")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert _stored_answer(ler, person.id, key) is None
    app = make_app(ler, person_id=person.id, start_interview=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert _question_key(app) == key and "never mind" not in screen_text(app)
        await pilot.press("escape")  # nothing typed: leaves at once
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


def _question_key(app: LerkitApp) -> str:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), screen
    assert screen.snapshot is not None and screen.snapshot.step is not None
    return screen.snapshot.step.key


async def test_escape_after_changing_a_saved_answer_offers_to_keep_it_as_it_was(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Second Thoughts")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "I drove trucks")
        key = _question_key(app)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+b")  # back to it, and change it
        await settle(app, pilot)
        await type_text(pilot, " in convoys")
        await pilot.press("escape")
        await settle(app, pilot)
        shown = " ".join(screen_text(app).split())
        assert "You changed your saved answer" in shown and "Leave it as it was" in shown
        await pilot.click("#drop")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert _stored_answer(ler, person.id, key) == "I drove trucks"


async def test_what_a_step_said_gives_way_once_the_person_types_again(ler: Lerkit) -> None:
    """"Saved." is about the answer before: typing the next one puts the hint back."""
    person = people.add_person(ler, "Types On")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "I drove trucks")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        status = app.screen.query_one("#status", Static)
        assert str(status.render()).startswith("Saved.")
        await pilot.press("ctrl+b")  # back to the story: what that step said stays
        await settle(app, pilot)
        assert "Back one question" in str(status.render())
        await type_text(pilot, " every day")
        await settle(app, pilot)
        assert "Ctrl+S saves" in str(status.render())


async def test_letters_typed_at_a_choice_list_bring_words_on_how_to_answer(
        ler: Lerkit) -> None:
    person = people.add_person(ler, "Types Anyway")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _typed_story(app, pilot, "I drove trucks")
        await pilot.press("ctrl+s")  # the branch: a list of choices
        await settle(app, pilot)
        await type_text(pilot, "Motor")
        await settle(app, pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith("This is a list: arrows move"), status
        choices = app.screen.query_one("#choices", ChoiceList)
        await type_text(pilot, " feb 2019")  # a date typed at the list ticks nothing
        await settle(app, pilot)
        assert choices.picked == [], choices.picked
        choices.typing_until = 0.0  # they stopped typing: a digit ticks again
        await pilot.press("2")
        await settle(app, pilot)
        assert len(choices.picked) == 1, choices.picked


async def test_a_ticked_box_that_adds_a_part_says_so(ler: Lerkit) -> None:
    """"Part 2 of 3" turning into "of 4" is explained: the box ticked added a part."""
    person = people.add_person(ler, "Adds A Part")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["caregiving"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("5", "ctrl+s")  # handled bills, forms or paperwork: household
        await settle(app, pilot)
        status = " ".join(str(app.screen.query_one("#status", Static).render()).split())
        assert "What you ticked adds 1 part; there are 2 now." in status, status
