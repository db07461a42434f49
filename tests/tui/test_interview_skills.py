"""The suggestion pane at 80x24: new suggestions first, one line each, the reason under
the cursor only, accepted skills from earlier questions folded into one line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pytest
from textual.pilot import Pilot

from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.records import Proficiency
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.interview_driver import InterviewDriver
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.widgets.skill_list import SkillList

from .keys import DEBOUNCE_WAIT, settle, type_text
from .render import screen_lines, screen_text

SIZE = (80, 24)


def _match(n: int, label: str, via: MatchedVia, text: str, score: float) -> Match:
    words = ("trucks",) if via is MatchedVia.PHRASING else ()
    return Match("lerkit", f"test.skill-{n}", label, score, via, text, words)


STORY = [_match(n, label, MatchedVia.PHRASING, text, 90.0 - 5 * n)
         for n, (label, text) in enumerate([
             ("Route planning", "plan routes"),
             ("Heavy vehicle driving", "drive trucks"),
             ("Dispatch and vehicle coordination", "plan convoys"),
             ("Load planning", "load trucks"),
             ("Team leadership", "lead a team"),
             ("Radio communication", "call in checkpoints"),
             ("Vehicle inspection", "check the trucks"),
             ("Shipment tracking", "track shipments"),
         ])]
CODE = [_match(20 + n, label, MatchedVia.CROSSWALK,
               "88N (Transportation Management Coordinator, Army)", 100.0 - n)
        for n, label in enumerate(["Freight documentation", "Cargo movement planning"])]


def _preview(self: InterviewDriver, texts: Sequence[str]) -> list[Match]:
    """Fixed suggestions: the story's eight, or the two of a military code."""
    typed = " ".join(texts)
    if "88N" in typed:
        return list(CODE)
    return list(STORY) if typed.strip() else []


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _skills(app: LerkitApp) -> SkillList:
    assert isinstance(app.screen, InterviewScreen), app.screen
    return app.screen.query_one("#skills", SkillList)


def _pane(app: LerkitApp) -> list[str]:
    """The rows the skills pane paints, without its borders."""
    region = _skills(app).region
    rows = screen_lines(app)[region.y + 1: region.bottom - 1]
    return [row.strip(" ▊▎▁▂▃▄▅▆▇█") for row in rows]


async def _story(app: LerkitApp, pilot: Pilot[None]) -> None:
    """To the story question of military service and type an answer."""
    await settle(app, pilot)
    await pilot.press("ctrl+n")  # the checklist
    await settle(app, pilot)
    await type_text(pilot, "I planned truck convoys")
    await settle(app, pilot, DEBOUNCE_WAIT)


async def test_at_least_five_suggestions_show_and_the_reason_only_under_the_cursor(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Pane Reader")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        pane = _pane(app)
        shown = [row for row in pane if "score" in row]
        assert len(shown) >= 5, pane
        assert all(len(row) <= 76 for row in shown)  # one line each
        assert pane[0].startswith("▶ score  90  Route planning"), pane
        assert [row for row in pane if "why:" in row] == [f"why: {STORY[0].why}"]
        assert sum(row.startswith("▶") for row in pane) == 1
        await pilot.press("ctrl+l", "down", "down")
        await settle(app, pilot)
        pane = _pane(app)
        cursor = [n for n, row in enumerate(pane) if row.startswith("▶")]
        assert len(cursor) == 1, pane  # the cursor is a marker, not only a colour
        assert "Dispatch and vehicle coordination" in pane[cursor[0]]
        assert pane[cursor[0] + 1] == f"why: {STORY[2].why}"
        assert [row for row in pane if "why:" in row] == [pane[cursor[0] + 1]]
        assert len([row for row in pane if "score" in row]) >= 5


async def test_accepting_keeps_the_cursor_on_the_same_skill(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Steady Cursor")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        skills = _skills(app)
        await pilot.press("ctrl+l", "down", "enter")
        await settle(app, pilot)
        wanted = f"lerkit|{STORY[1].competency_id}"
        item = skills.current_item()
        assert item is not None and item.key == wanted and item.state == "accepted"
        await pilot.press("p", "p")  # how well: with help, then on my own
        await settle(app, pilot)
        item = skills.current_item()
        assert item is not None and item.key == wanted
        assert item.proficiency == Proficiency.ON_MY_OWN
        accepted = [i for i in skills.items if i.state == "accepted"]
        assert [i.key for i in accepted] == [wanted]  # no other skill was taken by mistake
        pane = _pane(app)
        assert pane[1].startswith("▶ ACCEPTED   Heavy vehicle driving"), pane
        assert pane[2].startswith("how well: on my own")


async def test_turning_down_leaves_the_skill_in_its_row_under_the_cursor(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    """A turned-down suggestion stays where it was: the row under the cursor does not
    change to another skill, so the next Enter cannot take a skill the person never
    looked at (or take back the turn-down by surprise)."""
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Turns Down")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        skills = _skills(app)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert "Skills: Enter accepts, Delete turns down" in " ".join(
            screen_text(app).split())  # not the hint about typing
        await pilot.press("down", "delete")
        await settle(app, pilot)
        item = skills.current_item()
        wanted = f"lerkit|{STORY[1].competency_id}"
        assert item is not None and item.key == wanted, screen_text(app)[-400:]
        assert item.state == "turned down", screen_text(app)[-400:]
        order = [i.key for i in skills.items if not i.folded]
        assert order == [f"lerkit|{m.competency_id}" for m in STORY], order  # nothing moved
        pane = _pane(app)
        assert pane[1].startswith("▶ [turned down]") and "Heavy vehicle driving" in pane[1]
        await pilot.press("down", "enter")  # the next row is the next suggestion
        await settle(app, pilot)
        taken = [i.label for i in skills.items if i.state == "accepted"]
        assert taken == ["Dispatch and vehicle coordination"], taken


async def test_a_turned_down_skill_goes_last_once_the_answer_changes(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Said no to, a skill keeps its row while the answer stays as it was; once the
    person types on (or at a later question) it no longer takes a place at the top."""
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Said No Once")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        skills = _skills(app)
        await pilot.press("ctrl+l", "delete")  # the first: Route planning
        await settle(app, pilot)
        assert next(i.label for i in skills.items if not i.folded) == "Route planning"
        await pilot.press("ctrl+l")
        await type_text(pilot, " for the battalion")
        await settle(app, pilot, DEBOUNCE_WAIT)
        live = [(i.label, i.state) for i in skills.items if not i.folded]
        assert live[0] == ("Heavy vehicle driving", "suggested"), live
        assert live[-1] == ("Route planning", "turned down"), live


async def test_a_turned_down_skill_stays_listed_when_the_answer_no_longer_finds_it(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed on, the answer finds other skills: the one said no to is still listed,
    last and turned down, so the person can see it and change their mind."""
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Changes Mind")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        skills = _skills(app)
        await pilot.press("ctrl+l", "delete")  # Route planning
        await settle(app, pilot)
        await pilot.press("ctrl+l")
        await type_text(pilot, " as an 88N")  # now only the code's two skills
        await settle(app, pilot, DEBOUNCE_WAIT)
        live = [(i.label, i.state) for i in skills.items if not i.folded]
        assert [label for label, _ in live[:2]] == [m.label for m in CODE], live
        assert live[-1] == ("Route planning", "turned down"), live
        await pilot.press("ctrl+l")
        skills.highlighted = len(live) - 1
        await pilot.press("enter")  # changed their mind
        await settle(app, pilot)
        live = [(i.label, i.state) for i in skills.items if not i.folded]
        assert ("Route planning", "accepted") in live, live


async def test_a_skill_found_by_name_shows_with_this_questions_skills(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    """F2, a name, Enter: the skill accepted is listed at the top of this question's
    skills, not folded away as if accepted at an earlier question."""
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Finds By Name")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        await type_text(pilot, "house cleaning")
        await settle(app, pilot, DEBOUNCE_WAIT)
        await pilot.press("enter")
        await settle(app, pilot)
        skills = _skills(app)
        live = [(i.competency_id, i.state) for i in skills.items if not i.folded]
        assert live[0] == ("hospitality.residential-cleaning", "accepted"), live
        found = skills.items[0].match
        assert found is not None and found.why.startswith("you picked"), found  # not "shares"
        assert not [i for i in skills.items if i.folded and i.state == "accepted"]
        assert "accepted" not in " ".join(_pane(app)[-1:]).lower(), _pane(app)


async def test_accepted_skills_from_earlier_questions_fold_into_one_line(
        ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(InterviewDriver, "preview", _preview)
    person = people.add_person(ler, "Folded Skills")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await _story(app, pilot)
        await pilot.press("ctrl+l", "enter", "down", "enter", "ctrl+l")  # accept two
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # the story is saved; the branch is next
        await settle(app, pilot)
        await pilot.press("enter")  # Army
        await settle(app, pilot)
        await pilot.press("ctrl+n")  # the component
        await settle(app, pilot)
        await type_text(pilot, "88N")
        await settle(app, pilot, DEBOUNCE_WAIT)
        pane = _pane(app)
        # the new suggestions come first, the accepted skills are one line after them
        assert pane[0].startswith("▶ score 100  Freight documentation"), pane
        assert pane[1].startswith("why: from your military job 88N (Transportation")
        assert pane[2] == "Coordinator, Army)"  # the whole reason, wrapped
        assert pane[3].startswith("score  99  Cargo movement planning")
        # the story's own suggestions, not taken, are folded with the accepted ones: a new
        # question starts with its own suggestions only
        kept = screen_lines(app)[_skills(app).region.bottom].strip()
        assert re.fullmatch(r"\+ 2 accepted, \d+ suggested at earlier questions · F5 shows "
                            r"them", kept), kept
        assert not any("ACCEPTED" in row for row in pane)
        assert len([row for row in pane if "score" in row]) == 2, pane  # the code's two
        assert "2 skills accepted so far" in screen_text(app)

        await pilot.press("f5")  # listed at the top, and the keys go to them
        await settle(app, pilot)
        skills = _skills(app)
        assert skills.has_focus and skills.unfolded
        pane = _pane(app)
        assert pane[0].startswith("▶ ACCEPTED   Route planning"), pane
        assert pane[1].startswith("how well: not set (press p)")
        assert pane[2].startswith("ACCEPTED   Heavy vehicle driving")
        assert "- the skills from earlier questions are at the top · F5 folds them" in (
            screen_text(app))
        await pilot.press("down", "p")  # how well, for the second of them
        await settle(app, pilot)
        item = skills.current_item()
        assert item is not None and item.label == "Heavy vehicle driving"
        assert item.proficiency == Proficiency.WITH_HELP
        await pilot.press("f5")  # folded again
        await settle(app, pilot)
        assert not any("ACCEPTED" in row for row in _pane(app))
        assert kept in screen_text(app)


async def test_a_military_code_brings_crosswalk_skills_with_their_reason(ler: Lerkit) -> None:
    person = people.add_person(ler, "Code Typer")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["military"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await type_text(pilot, "I was a 92A and kept the supply room")
        await settle(app, pilot, DEBOUNCE_WAIT)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert any("from your military job 92A (" in m.why for m in screen.live_matches)
        text = " ".join(" ".join(_pane(app)).split())
        assert "why: from your military job 92A (" in text, _pane(app)


async def test_deciding_on_an_earlier_suggestion_moves_no_row(ler: Lerkit) -> None:
    """Unfolded (F5), the earlier questions' suggestions keep their rows when one is
    accepted or turned down: the next Down lands on the next skill, as the person
    expects (it jumped to the accepted ones at the top, and the cursor with it)."""
    person = people.add_person(ler, "Steady Fold")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["caregiving"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "2", "3", "4", "ctrl+s")  # four boxes of the checklist, saved
        await settle(app, pilot)
        status = " ".join(screen_text(app).split())
        assert "suggestions not decided yet are folded under the list: F5 shows them" in status
        await pilot.press("f5")
        await settle(app, pilot)
        skills = _skills(app)
        order = [i.key for i in skills.items]
        assert len(order) >= 3 and all(i.folded for i in skills.items)
        await pilot.press("down", "enter")  # accept the second
        await settle(app, pilot)
        assert [i.key for i in skills.items] == order
        assert skills.current_item() is not None
        assert skills.current_item().key == order[1]  # type: ignore[union-attr]
        await pilot.press("down", "delete")  # turn down the third
        await settle(app, pilot)
        assert [i.key for i in skills.items] == order
        states = [i.state for i in skills.items[:3]]
        assert states == ["suggested", "accepted", "turned down"], states
