"""A whole interview (military with an MOS, then caregiving) driven by keys at 80x24."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from lerkit.core.records import ClaimStatus, EvidenceKind, Proficiency
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.evidence import list_evidence
from lerkit.services.review import record_view
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.widgets.skill_list import SkillList

from .keys import DEBOUNCE_WAIT, settle, type_text

# What to do at each question; anything not listed is skipped with Ctrl+N.
TEXT = {
    ("military", "title"): "Transportation coordinator",
    ("military", "place"): "Fort Carson",
    ("military", "start"): "2008",
    ("military", "end"): "2016",
    ("caregiving", "title"): "Family caregiver",
    ("caregiving", "place"): "Pueblo",
    ("caregiving", "start"): "2016",
    ("caregiving", "end"): "still doing it",
}
TICKS = {
    ("military", "checklist"): ["2", "3"],
    ("military", "deployed"): ["2"],
    ("military", "led"): ["2"],
    ("military", "again"): ["2"],
    ("caregiving", "checklist"): ["1", "2"],
    ("caregiving", "who"): ["2"],
    ("caregiving", "again"): ["2"],
}
ACCEPT_TOP = {
    ("military", "story"): "I planned truck convoys and tracked shipments",
    ("military", "code-army"): "88N",
    ("caregiving", "story"): "I set up his pills each week and drove him to his visits",
}


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _screen(app: LerkitApp) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen), app.screen
    return app.screen


async def _accept_top(app: LerkitApp, pilot: Pilot[None], text: str) -> str:
    """Type, wait for the live suggestions, accept the first; returns its label."""
    await type_text(pilot, text)
    await settle(app, pilot, DEBOUNCE_WAIT)
    screen = _screen(app)
    skills = screen.query_one("#skills", SkillList)
    assert screen.live_matches, f"no suggestions for {text!r}"
    top = screen.live_matches[0]
    key = f"{top.taxonomy}|{top.competency_id}"
    row = [r.id for r in skills.rows].index(key)
    text = skills.row_text(key) or ""
    assert f"score {top.score:3.0f}" in text and "why:" in text
    await pilot.press("ctrl+l")
    assert skills.has_focus
    await pilot.press(*["down"] * row, "enter")
    await settle(app, pilot)
    item = skills.current_item()  # the cursor stays on the skill just accepted
    assert item is not None and item.label == top.label and item.state == "accepted"
    assert (skills.row_text(key) or "").startswith("ACCEPTED")
    await pilot.press("ctrl+l")
    return top.label


async def _add_evidence(app: LerkitApp, pilot: Pilot[None], value: str, name: str,
                        dated: str = "") -> None:
    await pilot.press("f3")
    await settle(app, pilot)
    await type_text(pilot, value)
    await pilot.press("enter")
    await type_text(pilot, name)
    await pilot.press("enter")  # the date (optional)
    await type_text(pilot, dated)
    await pilot.press("enter")
    await settle(app, pilot)


@pytest.mark.slow
async def test_whole_interview_by_keys(ler: Lerkit, tmp_path: Path) -> None:
    person = people.add_person(ler, "Jordan Keys")
    award = tmp_path / "award.txt"
    award.write_text("Army Commendation Medal citation\n", encoding="utf-8")
    app = make_app(ler, person_id=person.id, start_interview=True,
                   modules=["military", "caregiving"])
    accepted: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for _ in range(80):
            if not isinstance(app.screen, InterviewScreen):
                break
            step = _screen(app).snapshot.step  # type: ignore[union-attr]
            assert step is not None
            where = (step.module_id, step.question.id)
            if where in ACCEPT_TOP:
                accepted[where[0] + "/" + where[1]] = await _accept_top(
                    app, pilot, ACCEPT_TOP[where])
                if where == ("military", "story"):
                    await pilot.press("ctrl+l", "p", "p", "ctrl+l")  # how well: on my own
                    await settle(app, pilot)
                await pilot.press("ctrl+s")
            elif where in TEXT:
                await type_text(pilot, TEXT[where])
                await pilot.press("ctrl+s")
            elif where in TICKS:
                await pilot.press(*TICKS[where], "ctrl+s")
            elif where == ("military", "branch"):
                await pilot.press("enter")  # Army is first; Enter picks it and goes on
            elif where == ("military", "papers"):
                await _add_evidence(app, pilot, "DD-214 and course certificates",
                                    "Service papers")
                await _add_evidence(app, pilot, str(award), "Award citation", "May 2012")
                await pilot.press("ctrl+n")
            elif where == ("caregiving", "evidence"):
                await _add_evidence(app, pilot, "Weekly medicine chart", "Care log")
                await pilot.press("ctrl+n")
            else:
                await pilot.press("ctrl+n")
            await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)

    record = record_view(ler, person.id)
    by_area = {v.experience.life_area.value: v for v in record.experiences}
    assert set(by_area) == {"military", "caregiving"}
    army, care = by_area["military"], by_area["caregiving"]
    assert army.experience.title == "Transportation coordinator"
    assert army.experience.organization == "U.S. Army"
    assert army.experience.place == "Fort Carson"
    assert (army.experience.started, army.experience.ended) == ("2008", "2016")
    assert care.experience.title == "Family caregiver" and care.experience.ongoing

    army_skills = {c.label: c for c in army.accepted}
    assert accepted["military/story"] in army_skills
    assert accepted["military/code-army"] in army_skills
    assert army_skills[accepted["military/story"]].proficiency == Proficiency.ON_MY_OWN
    assert accepted["caregiving/story"] in {c.label for c in care.accepted}
    assert all(c.status == ClaimStatus.ACCEPTED for c in record.exportable)

    notes = {e.name: e for e in army.notes}
    assert notes["Service papers"].kind == EvidenceKind.NOTE
    assert notes["Service papers"].narrative == "DD-214 and course certificates"
    assert notes["Award citation"].kind == EvidenceKind.FILE
    assert notes["Award citation"].sha256 == hashlib.sha256(award.read_bytes()).hexdigest()
    dates = {e.name: e.dated for e in list_evidence(ler, person.id)}
    assert (dates["Award citation"], dates["Service papers"]) == ("May 2012", None)
    assert {e.name: e.narrative for e in care.notes}["Care log"] == "Weekly medicine chart"
