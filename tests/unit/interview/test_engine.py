"""Walking the interview: branching, skip, back, repeat, steering, and what it produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.interview import Interview, PromptBank, Step
from lerkit.core.records import ClaimStatus, EvidenceKind, LifeArea, Proficiency

from .conftest import FakeLookup


def step(iv: Interview) -> Step:
    current = iv.current()
    assert current is not None
    return current


def go_to(iv: Interview, question_id: str) -> Step:
    """Skip forward until ``question_id`` is the current question."""
    while step(iv).question.id != question_id:
        iv.skip()
    return step(iv)


def asked(iv: Interview, answers: dict[str, object]) -> list[str]:
    """Answer from ``answers`` (skip the rest) to the end; return the ids asked."""
    seen: list[str] = []
    while (s := iv.current()) is not None:
        seen.append(s.question.id)
        if s.question.id in answers:
            iv.answer(answers[s.question.id])  # type: ignore[arg-type]
        else:
            iv.skip()
    return seen


def asked_until(iv: Interview, stop: str, answers: dict[str, object]) -> list[str]:
    """Like :func:`asked` but stops at question ``stop`` (left unanswered)."""
    seen: list[str] = []
    while (s := step(iv)).question.id != stop:
        seen.append(s.question.id)
        if s.question.id in answers:
            iv.answer(answers[s.question.id])  # type: ignore[arg-type]
        else:
            iv.skip()
    return seen


def test_first_question_is_the_checklist(bank: PromptBank) -> None:
    iv = Interview(bank, ["caregiving"])
    s = step(iv)
    assert s.key == "caregiving/0/checklist"
    assert s.kind.value == "multi" and len(s.choices) >= 6
    assert s.number == 1 and s.module_number == 1 and s.module_count == 1
    assert "Part 1 of 1: Caring for family or others, question 1 of" in s.progress
    iv.answer(["care-schedule", "medicines"])
    opening = step(iv)
    assert opening.question.id == "story"
    assert opening.help and len(opening.examples) >= 2


def test_military_code_goes_to_the_military_lookup(
    bank: PromptBank, suggester: FakeLookup, military: FakeLookup
) -> None:
    iv = Interview(bank, ["military"], suggester=suggester, military=military)
    go_to(iv, "branch")
    iv.answer("army")
    s = step(iv)
    assert s.question.id == "code-army"
    assert [m.competency_id for m in iv.preview("88N")] == []  # 3 letters: no fake match
    assert military.calls == ["88N"]
    iv.answer("88N Transportation")
    sugg = iv.suggestions("military/0/code-army")
    assert military.calls == ["88N", "88N Transportation"]
    assert [x.match.competency_id for x in sugg] == ["mil.transportation"]
    assert suggester.calls == []  # the code never went to the skill matcher


@pytest.mark.parametrize(
    ("branch", "code_question"),
    [
        ("army", "code-army"),
        ("marine-corps", "code-marines"),
        ("Navy", "code-navy"),
        ("air-force", "code-air"),
        ("space-force", "code-air"),
        ("coast-guard", "code-coast-guard"),
        ("7", "code-guard"),
    ],
)
def test_each_branch_asks_its_own_code(bank: PromptBank, branch: str, code_question: str) -> None:
    iv = Interview(bank, ["military"])
    seen = asked(iv, {"branch": branch, "again": "no"})
    codes = [q for q in seen if q.startswith("code-")]
    assert codes == [code_question]
    assert ("component" in seen) == (code_question == "code-guard")


def test_when_follow_up_only_when_condition_holds(bank: PromptBank) -> None:
    seen_no = asked(Interview(bank, ["military"]), {"deployed": "no"})
    assert "deployed" in seen_no and "deployments" not in seen_no
    seen_yes = asked(Interview(bank, ["military"]), {"deployed": "yes"})
    assert seen_yes.index("deployments") == seen_yes.index("deployed") + 1
    seen_skip = asked(Interview(bank, ["military"]), {})
    assert "deployments" not in seen_skip


def test_multi_choice_condition(bank: PromptBank) -> None:
    seen = asked(Interview(bank, ["caregiving"]), {"who": ["children"]})
    assert "school-tasks" in seen and "health-tasks" not in seen
    seen = asked(Interview(bank, ["caregiving"]), {"who": "2, 3"})
    assert "health-tasks" in seen and "school-tasks" not in seen


def test_skip_and_back(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work"])
    assert iv.back() is False  # nothing before the first question
    iv.skip()
    iv.answer("I ran the register.")
    assert step(iv).question.id == "title"
    assert iv.back() is True
    s = step(iv)
    assert s.question.id == "story" and s.answer == "I ran the register."
    assert iv.back() is True
    s = step(iv)
    assert s.question.id == "checklist" and s.skipped and s.answer is None
    iv.answer("1")
    assert iv.state.answers["paid-work/0/checklist"] == ["trained-someone"]
    assert "paid-work/0/checklist" not in iv.state.skipped
    assert step(iv).answer == "I ran the register."  # kept when going forward again


def test_changing_an_earlier_answer_changes_the_branch(bank: PromptBank) -> None:
    iv = Interview(bank, ["military"])
    go_to(iv, "branch")
    iv.answer("army")
    iv.answer("88N")
    assert step(iv).question.id == "title"
    iv.back()
    iv.back()
    assert step(iv).question.id == "branch"
    iv.answer("navy")
    assert step(iv).question.id == "code-navy"
    iv.answer("LS")
    asked(iv, {"again": "no"})
    (exp,) = iv.experiences()
    assert exp.organization == "U.S. Navy"
    assert "Rating and NEC: LS" in exp.narrative and "88N" not in exp.narrative
    # The Army answer is kept in the state: choosing Army again brings it back.
    assert iv.state.answers["military/0/code-army"] == "88N"


def test_back_from_the_end(bank: PromptBank) -> None:
    iv = Interview(bank, ["household"])
    asked(iv, {})
    assert iv.is_finished and iv.current() is None
    with pytest.raises(BadInputError):
        iv.answer("more")
    assert iv.back() is True
    assert step(iv).question.id == "evidence"


def test_skip_module(bank: PromptBank) -> None:
    iv = Interview(bank, ["military", "caregiving"])
    iv.answer(["led-team"])
    iv.skip_module()
    s = step(iv)
    assert s.key == "caregiving/0/checklist" and s.module_number == 2
    iv.back()
    assert step(iv).key == "military/0/story"


def test_repeat_adds_another_run(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work"])
    first = asked_until(iv, "again", {"title": "Cook"})
    iv.answer("yes")
    s = step(iv)
    assert (s.key, s.run) == ("paid-work/1/checklist", 1)
    assert "(another one)" in s.progress
    second = asked(iv, {"title": "Driver"})  # "again" skipped in run 1 means no
    assert first == second[: len(first)]
    assert [e.title for e in iv.experiences()] == ["Cook", "Driver"]
    assert [d.key for d in iv.drafts()] == ["paid-work/0", "paid-work/1"]
    assert len({e.id for e in iv.experiences()}) == 2


def test_runs_are_capped(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work"])
    seen = asked(iv, {"again": "yes", "story": "Again and again."})
    assert seen.count("story") == 20
    assert len(iv.experiences()) == 20


def test_checklist_steers_to_another_module(bank: PromptBank) -> None:
    iv = Interview(bank, ["volunteering"])
    iv.answer(["raised-money", "ran-meeting"])
    assert iv.walk.plan == ["volunteering", "fundraising"]
    assert step(iv).module_count == 2
    seen = asked(iv, {})
    assert "fundraising" in {k.split("/")[0] for k in iv.state.skipped}
    assert seen.count("checklist") == 1  # fundraising's; volunteering's was answered above
    assert seen.index("checklist") > seen.index("story")
    no_steer = Interview(bank, ["volunteering"], steer=False)
    no_steer.answer(["raised-money"])
    assert no_steer.walk.plan == ["volunteering"]


def test_answer_validation(bank: PromptBank) -> None:
    iv = Interview(bank, ["military"])
    go_to(iv, "branch")
    with pytest.raises(BadInputError, match="not one of the choices"):
        iv.answer("Starfleet")
    iv.answer("Marine Corps")
    assert iv.state.answers["military/0/branch"] == "marine-corps"
    go_to(iv, "deployed")
    with pytest.raises(BadInputError, match="yes or no"):
        iv.answer("maybe")
    iv.answer("Y")
    assert iv.state.answers["military/0/deployed"] == "yes"
    iv.answer("   ")  # an empty answer is a skip
    assert "military/0/deployments" in iv.state.skipped


def test_unknown_or_empty_module_list(bank: PromptBank) -> None:
    with pytest.raises(NotFoundError, match="no interview module 'nope'"):
        Interview(bank, ["nope"])
    with pytest.raises(BadInputError):
        Interview(bank, [])


def test_all_modules_by_default(bank: PromptBank) -> None:
    iv = Interview(bank)
    assert iv.state.modules == list(bank.ids)


def test_experience_fields_dates_and_evidence(bank: PromptBank) -> None:
    iv = Interview(bank, ["caregiving"])
    asked(
        iv,
        {
            "checklist": ["care-schedule", "talked-to-providers"],
            "story": "I set up my dad's pills each week. Notes: https://example.org/care-log.",
            "who": ["older-relative"],
            "place": "Dayton, Ohio",
            "start": "about 2016",
            "end": "still doing it",
            "hours": "about 30 hours a week",
            "health-tasks": "Insulin shots and a weekly pill box.",
            "vouch": "Nurse Pat Lee from the home health agency",
            "evidence": "A medicine log I kept for two years",
            "again": "no",
        },
    )
    (draft,) = iv.drafts()
    exp = draft.record
    assert exp.life_area is LifeArea.CAREGIVING
    assert exp.title == "Family caregiver"  # the module's default title
    assert exp.place == "Dayton, Ohio"
    assert exp.started == "2016" and exp.ended is None and exp.ongoing
    assert exp.narrative.startswith("I set up my dad's pills each week.")
    assert "Who I cared for: An older relative" in exp.narrative
    assert "Time each week: about 30 hours a week" in exp.narrative
    assert "When: about 2016 to still doing it" in exp.narrative
    assert "Things I did: kept a schedule" in exp.narrative
    kinds = [(e.kind, e.name) for e in draft.evidence]
    assert (EvidenceKind.URL, "Link from my answers") in kinds
    assert (EvidenceKind.NOTE, "Who can vouch for this") in kinds
    assert (EvidenceKind.NOTE, "What shows my work") in kinds
    url = next(e for e in draft.evidence if e.kind is EvidenceKind.URL)
    assert url.url == "https://example.org/care-log"
    # Ids are stable: the same state gives the same ids.
    assert [e.id for e in iv.evidence()] == [e.id for e in iv.evidence()]
    assert exp.id == iv.experiences()[0].id


def test_exact_dates_are_not_repeated_in_the_story(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work"])
    asked(iv, {"story": "Line cook.", "start": "March 2012", "end": "2015", "again": "no"})
    (exp,) = iv.experiences()
    assert (exp.started, exp.ended, exp.ongoing) == ("2012-03", "2015", False)
    assert "When:" not in exp.narrative


def test_nothing_answered_gives_no_experience(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work", "household"])
    asked(iv, {})
    assert iv.experiences() == [] and iv.claims() == []


def test_suggestions_accept_reject_and_evidence(
    bank: PromptBank, suggester: FakeLookup, military: FakeLookup, tmp_path: Path
) -> None:
    iv = Interview(bank, ["military"], suggester=suggester, military=military)
    iv.answer(["tracked-supplies"])
    assert suggester.calls == []  # suggestions are computed when asked for
    checklist_suggestions = iv.suggestions("military/0/checklist")
    assert [x.match.competency_id for x in checklist_suggestions] == [
        "skill.track",
        "skill.equipment",
        "skill.supplies",
    ]
    assert suggester.calls == ["track equipment and supplies inventory control"]
    live = iv.preview("planned convoys")  # typed so far at the opening question
    assert [m.competency_id for m in live] == ["skill.planned", "skill.convoys"]
    iv.answer("I tracked convoys and loaded cargo planes.")
    assert iv.preview("Army") == []  # the branch question sends nothing to a lookup
    iv.accept("skill.convoys", proficiency="taught or led others")
    iv.accept("logistics.route-planning", label="Route planning")
    iv.reject("skill.tracked")
    iv.add_evidence("url", "https://example.org/award")
    cert_file = tmp_path / "cert.pdf"
    cert_file.write_bytes(b"%PDF-1.4 certificate")
    iv.add_evidence(EvidenceKind.FILE, str(cert_file))
    with pytest.raises(BadInputError):
        iv.add_evidence("note", "  ")
    for bad_link in ("example.org/award", "javascript:alert(1)", "https://exa mple.org",
                     "https://example.org/\x1b[31m"):
        with pytest.raises(BadInputError):  # checked as it is entered, not at export
            iv.add_evidence("url", bad_link)
    with pytest.raises(BadInputError, match="no such file"):
        iv.add_evidence(EvidenceKind.FILE, str(tmp_path / "missing.pdf"))
    claims = iv.claims()
    accepted = [c for c in claims if c.status is ClaimStatus.ACCEPTED]
    assert [c.competency_id for c in accepted] == ["skill.convoys", "logistics.route-planning"]
    assert accepted[0].proficiency is Proficiency.TAUGHT_OR_LED
    assert accepted[0].label == "Convoys"  # from the suggestion
    assert accepted[1].label == "Route planning"
    assert {e.kind for e in accepted[0].evidence} == {EvidenceKind.URL, EvidenceKind.FILE}
    cert = next(e for e in accepted[0].evidence if e.kind is EvidenceKind.FILE)
    assert cert.name == "cert.pdf" and cert.file_name == str(cert_file)
    assert cert.sha256 is None
    suggested = {c.competency_id for c in claims if c.status is ClaimStatus.SUGGESTED}
    assert "skill.tracked" not in suggested and "skill.loaded" in suggested
    assert all(c.experience is accepted[0].experience for c in claims)
    # Withdrawing an acceptance.
    iv.reject("skill.convoys")
    assert "skill.convoys" not in {c.competency_id for c in iv.claims()}
    iv.accept("skill.convoys")
    assert iv.state.rejected["military/0"] == ["skill.tracked"]


def test_bad_proficiency(bank: PromptBank) -> None:
    iv = Interview(bank, ["military"])
    with pytest.raises(ValueError, match="unknown proficiency"):
        iv.accept("x", proficiency="expert")


def test_accept_for_a_named_run(bank: PromptBank) -> None:
    iv = Interview(bank, ["paid-work", "military"])
    iv.accept("money.cash-handling", run="military/0")
    assert iv.state.accepted["military/0"][0]["id"] == "money.cash-handling"
    for bad in ("nope/0", "military", "military/x"):
        with pytest.raises(BadInputError):
            iv.accept("x", run=bad)


def test_suggestions_weigh_the_skill_areas_of_the_part_of_life(
    bank: PromptBank, suggester: FakeLookup, military: FakeLookup
) -> None:
    iv = Interview(bank, ["caregiving"], suggester=suggester, military=military)
    go_to(iv, "story")
    iv.preview("gave my son his breathing treatments")
    assert suggester.areas[-1] == bank.module("caregiving").skill_areas
    assert "homecare" in suggester.areas[-1]
    iv.answer("gave my son his breathing treatments")
    iv.suggestions("caregiving/0/story")
    assert suggester.areas[-1] == bank.module("caregiving").skill_areas


def test_a_date_answer_without_a_year_is_noticed(bank: PromptBank) -> None:
    """"When did you get out?": words with no year leave the record without a date, and
    the step says so (the interface tells the person); a year, "still serving" or a
    question that asks no date do not."""
    iv = Interview(bank, ["military"])
    end = go_to(iv, "end")
    assert end.names_no_date("after my second deployment")
    assert not end.names_no_date("got out in 06")
    assert not end.names_no_date("still serving")
    assert not end.names_no_date("  ")
    assert not go_to(iv, "deployed").names_no_date("after my second deployment")
