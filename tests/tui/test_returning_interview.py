"""Someone who finished an interview before picks the parts to add, by keys at 80x24."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.services import interview, people
from lerkit.services.context import Lerkit
from lerkit.tui.app import make_app
from lerkit.tui.dialogs.parts import PartsModal
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen

from .keys import settle

FIRST = ("format: lerkit-answers/1\nmodules:\n  fundraising:\n    - answers:\n"
         "        story: I ran the church bake sale every spring\n")


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _finished_once(ler: Lerkit, tmp_path: Path) -> str:
    person = people.add_person(ler, "Back Again")
    answers = tmp_path / "first.yaml"
    answers.write_text(FIRST, encoding="utf-8")
    interview.replay_answers(ler, person.id, answers)
    assert interview.returning(ler, person.id)
    return person.id


async def test_returning_person_ticks_one_part_and_the_interview_covers_only_it(
    ler: Lerkit, tmp_path: Path
) -> None:
    person_id = _finished_once(ler, tmp_path)
    number = [p.id for p in interview.parts()].index("household") + 1
    app = make_app(ler, person_id=person_id, start_interview=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal)
        await pilot.press(*["down"] * (number - 1), "space", "ctrl+s")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.snapshot is not None and screen.snapshot.step is not None
        assert screen.snapshot.step.module_id == "household"
        assert screen.snapshot.step.progress.startswith("Part 1 of 1")
    assert not interview.returning(ler, person_id)  # the new interview is open now


async def test_escape_at_the_parts_question_starts_nothing(ler: Lerkit, tmp_path: Path) -> None:
    person_id = _finished_once(ler, tmp_path)
    app = make_app(ler, person_id=person_id, start_interview=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, PartsModal)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
    assert interview.returning(ler, person_id)


def test_returning_means_finished_before_and_nothing_open(ler: Lerkit, tmp_path: Path) -> None:
    fresh = people.add_person(ler, "New Here")
    assert not interview.returning(ler, fresh.id)  # never interviewed
    interview.LiveInterview.open(ler, fresh.id, ["household"])
    assert not interview.returning(ler, fresh.id)  # one is open: it resumes
    person_id = _finished_once(ler, tmp_path)
    assert interview.returning(ler, person_id)
