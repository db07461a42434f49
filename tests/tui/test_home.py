"""The caseload screen, driven by keys in a headless terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.widgets.people_list import PAGE, PeopleList

from .keys import settle, type_text
from .render import screen_text


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def caseload(app: LerkitApp) -> PeopleList:
    return app.screen.query_one("#caseload", PeopleList)


async def test_add_search_and_delete_by_keyboard(ler: Lerkit) -> None:
    people.add_person(ler, "Marcus Bell")
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert caseload(app).total == 1
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await type_text(pilot, "Sofia Ramirez")
        await pilot.press("enter")
        await settle(app, pilot)
        assert sorted(p.name for p in people.list_people(ler)) == ["Marcus Bell", "Sofia Ramirez"]
        assert caseload(app).total == 2
        await pilot.press("ctrl+f")
        await type_text(pilot, "sofia")
        await settle(app, pilot)
        assert caseload(app).total == 1
        assert "1 person matching “sofia”" in screen_text(app)
        caseload(app).focus()
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert [p.name for p in people.list_people(ler)] == ["Marcus Bell"]
        assert caseload(app).total == 0


async def test_a_new_person_is_highlighted_and_ctrl_o_opens_them(ler: Lerkit) -> None:
    for name in ("Marcus Bell", "Nadia Okafor", "Zoe Tran"):
        people.add_person(ler, name)
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        caseload(app).focus()
        await pilot.press("down", "down")  # Zoe Tran
        current = caseload(app).current()
        assert current is not None and current.name == "Zoe Tran"
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        await type_text(pilot, "Aaron Abel")  # sorts first: every row moves down one
        await pilot.press("enter")
        await settle(app, pilot)
        current = caseload(app).current()
        assert current is not None and current.name == "Aaron Abel"
        assert "> Aaron Abel" in screen_text(app)  # what the screen shows is what opens
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        opened = [s for s in app.screen_stack if isinstance(s, InterviewScreen)]
        assert len(opened) == 1  # (the interview may open with a question in front)
        assert people.require_person(ler, opened[0].person_id).name == "Aaron Abel"


async def test_thousands_of_people_scroll_a_page_at_a_time(ler: Lerkit) -> None:
    names = [f"Person {n:04d}" for n in range(PAGE * 3 + 5)]
    for name in names:
        people.add_person(ler, name)
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        listed = caseload(app)
        assert listed.total == len(names)
        assert list(listed.pages) == [0]  # only the first page was read
        listed.focus()
        await pilot.press("end")
        await settle(app, pilot)
        current = listed.current()
        assert current is not None and current.name == names[-1]
        assert f"> {names[-1]}" in screen_text(app)
        await pilot.press("pageup")
        await settle(app, pilot)
        current = listed.current()
        assert current is not None and current.name == names[listed.cursor]
        assert len(listed.pages) <= 3  # never the whole caseload
        await pilot.press("ctrl+f")
        await type_text(pilot, "0304")
        await settle(app, pilot)
        assert listed.total == 1
        await pilot.press("enter", "enter")  # to the list, then open the record
        await settle(app, pilot)
        assert app.screen.sub_title == "Record: Person 0304"


async def test_high_contrast_theme_and_help(ler: Lerkit) -> None:
    app = make_app(ler, high_contrast=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "lerkit-high-contrast"
        await pilot.press("ctrl+t")
        assert app.theme != "lerkit-high-contrast"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpModal)
        await pilot.press("f1")  # F1 again closes it
        await pilot.pause()
        assert not isinstance(app.screen, HelpModal)


async def test_enter_in_the_search_opens_the_only_match_and_moves_to_several(
        ler: Lerkit) -> None:
    from lerkit.tui.screens.review import ReviewScreen

    for name in ("Marcus Bell", "Maria Lopez", "Zoe Tran"):
        people.add_person(ler, name)
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        await type_text(pilot, "ma")  # two people
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, ReviewScreen) and caseload(app).has_focus
        await pilot.press("ctrl+f")
        await type_text(pilot, "r")  # "mar": still Marcus and Maria
        await type_text(pilot, "ia")  # "maria": one
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert people.require_person(ler, app.screen.person_id).name == "Maria Lopez"


async def test_enter_with_one_person_listed_opens_the_record(ler: Lerkit) -> None:
    """Back from an interview with one person listed, Enter opens the record at once, as
    the line under the list says (it went to the list first, and took a second Enter)."""
    from lerkit.tui.screens.review import ReviewScreen

    person = people.add_person(ler, "Only One")
    app = make_app(ler, person_id=person.id, start_interview=True, modules=["paid-work"])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")  # nothing typed: back to the list at once
        await settle(app, pilot)
        assert "1 person. Enter opens a record" in " ".join(screen_text(app).split())
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
