"""Scripted answers files: parsing, errors with lines, and replay through the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lerkit.core.errors import FileFormatError
from lerkit.core.interview import (
    PromptBank,
    load_answers,
    parse_answers,
    replay,
    replay_file,
)
from lerkit.core.records import ClaimStatus, EvidenceKind, LifeArea, Proficiency

from .conftest import ANSWERS, PROMPTS, REPO, FakeLookup

DEMO = PROMPTS / "demo" / "veteran-caregiver.yaml"


def test_replay_produces_the_expected_experiences(bank: PromptBank) -> None:
    result = replay_file(bank, ANSWERS / "two-jobs-and-navy.yaml")
    assert result.person == {"name": "Test Person"}
    titles = [(d.key, d.record.title, d.record.organization) for d in result.drafts]
    assert titles == [
        ("paid-work/0", "Cashier", "Corner Market"),
        ("paid-work/1", "Forklift operator", "Northline Distribution"),
        ("military/0", "Logistics Specialist", "U.S. Navy"),
    ]
    cashier, forklift, navy = (d.record for d in result.drafts)
    assert cashier.place == "Tacoma, Washington"
    assert (cashier.started, cashier.ended, cashier.ongoing) == ("2017", "2019-04", False)
    assert "Type of job: Part time" in cashier.narrative
    assert (forklift.started, forklift.ended, forklift.ongoing) == ("2019", None, True)
    assert "More responsibility: Trained new hires on the scanner." in forklift.narrative
    assert (navy.life_area, navy.started, navy.ended) == (LifeArea.MILITARY, "2010", "2014")
    assert "Rating and NEC: LS" in navy.narrative


def test_replay_accepts_and_attaches_evidence(bank: PromptBank) -> None:
    result = replay_file(bank, ANSWERS / "two-jobs-and-navy.yaml")
    accepted = result.accepted()
    assert [(c.competency_id, c.experience.title if c.experience else "") for c in accepted] == [
        ("money.cash-handling", "Cashier"),
        ("training.on-the-job-training", "Cashier"),
        ("logistics.forklift-operation", "Forklift operator"),
    ]
    assert accepted[1].proficiency is Proficiency.WITH_HELP
    assert accepted[0].taxonomy == "lerkit" and accepted[0].label == "money.cash-handling"
    cashier_evidence = {(e.kind, e.name) for e in accepted[0].evidence}
    assert cashier_evidence == {
        (EvidenceKind.NOTE, "Award"),
        (EvidenceKind.NOTE, "Who can vouch for this"),
    }
    forklift_evidence = {(e.kind, e.name) for e in accepted[2].evidence}
    assert (EvidenceKind.FILE, "Forklift card") in forklift_evidence
    assert (EvidenceKind.URL, "https://example.org/forklift-card") in forklift_evidence


def test_answers_never_asked_are_warnings(bank: PromptBank) -> None:
    result = replay_file(bank, ANSWERS / "two-jobs-and-navy.yaml")
    (warning,) = result.warnings
    assert "two-jobs-and-navy.yaml:44: 'code-army' was not asked" in warning
    assert "88N" not in result.drafts[2].record.narrative


def test_replay_with_lookups_and_accept_top(bank: PromptBank) -> None:
    suggester, military = FakeLookup("skill"), FakeLookup("mil")
    result = replay_file(
        bank, ANSWERS / "two-jobs-and-navy.yaml", suggester=suggester, military=military,
        accept_top=1,
    )  # fmt: skip
    assert military.calls == ["LS"]  # the Navy rating went to the crosswalk lookup
    navy = result.drafts[2]
    assert navy.suggestions, "the title and the code were looked up"
    accepted = {c.competency_id for c in result.accepted()}
    # The top suggestion of each answer, plus the ones the file names.
    assert "skill.logistics" in accepted and "money.cash-handling" in accepted
    # The named accept takes its label from a suggestion when one matches.
    cashier = result.drafts[0]
    assert any(s.key == "paid-work/0/story" for s in cashier.suggestions)


def test_replay_is_the_same_as_a_restored_interview(bank: PromptBank) -> None:
    from lerkit.core.interview import Interview

    result = replay_file(bank, ANSWERS / "two-jobs-and-navy.yaml")
    restored = Interview.from_dict(bank, result.interview.to_dict())
    assert restored.is_finished
    assert restored.experiences() == [d.record for d in result.drafts]
    assert restored.claims() == result.claims()


def test_unknown_question_gives_its_line(bank: PromptBank) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_answers(ANSWERS / "unknown-question.yaml", bank)
    assert caught.value.line == 7
    assert "'caregiving' has no question 'hourz'" in caught.value.reason


def test_bad_choice_gives_its_line(bank: PromptBank) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_answers(ANSWERS / "bad-choice.yaml", bank)
    assert caught.value.line == 5
    assert "'Starfleet' is not one of the choices" in caught.value.reason


HEAD = "format: lerkit-answers/1\nmodules:\n"
HOUSE = HEAD + "  household:\n"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("format: lerkit-answers/2\nmodules: {}\n", 1, "format must be"),
        (HEAD + "  pottery:\n    - answers: {}\n", 3, "no interview part"),
        (HOUSE + "    - {}\n    - {}\n", 3, "cannot be repeated"),
        (HOUSE[:-1] + " {}\n", 3, "needs a list of runs"),
        (HOUSE + "    - answers: {kept-budget: perhaps}\n", 4, "yes or no"),
        (HOUSE + "    - accept:\n      - {id: x, proficiency: expert}\n", 5, "unknown proficiency"),
        (HOUSE + "    - evidence:\n      - {note: a, url: b}\n", 5, "exactly one of"),
        (HOUSE + "    - answerz: {}\n", 4, "unknown key 'answerz'"),
    ],
)
def test_bad_answers_files(bank: PromptBank, text: str, line: int, reason: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        parse_answers(text, "notes.yaml", bank)
    assert caught.value.path == "notes.yaml"
    assert caught.value.line == line
    assert reason in caught.value.reason


def test_replay_of_a_parsed_script(bank: PromptBank) -> None:
    text = (
        "format: lerkit-answers/1\nmodules:\n  household:\n    - answers:\n"
        "        story: I ran a house of five.\n        kept-budget: yes\n"
        "        budget-method: A notebook and a spreadsheet.\n"
    )
    result = replay(bank, parse_answers(text, "notes.yaml", bank), interview_id="fixed")
    (draft,) = result.drafts
    assert draft.record.title == "Household manager"
    assert "How I kept the budget: A notebook and a spreadsheet." in draft.record.narrative
    again = replay(bank, parse_answers(text, "notes.yaml", bank), interview_id="fixed")
    assert again.drafts[0].record == draft.record  # stable ids


def test_a_casual_title_is_tidied_and_a_plain_no_is_no_evidence(bank: PromptBank) -> None:
    text = (
        "format: lerkit-answers/1\nmodules:\n  paid-work:\n    - answers:\n"
        "        title: counter clerk / presser i guess\n"
        "        story: I pressed shirts and took the tickets at a dry cleaner.\n"
        "        evidence: not really\n"
    )
    (draft,) = replay(bank, parse_answers(text, "notes.yaml", bank), interview_id="t").drafts
    assert draft.record.title == "Counter clerk / presser"
    assert not [e for e in draft.evidence if e.name == "What shows my work"]


# --- the shipped demo ---------------------------------------------------------------------


def _taxonomy_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted((REPO / "taxonomies" / "lerkit").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("competencies") or []:
            ids.add(item["id"])
    return ids


def test_demo_replays_cleanly(bank: PromptBank) -> None:
    military = FakeLookup("mil")
    result = replay_file(bank, DEMO, military=military)
    assert result.warnings == []
    assert military.calls == ["88N"]
    assert result.person["name"] == "Sam Rivera (sample)"
    service, care = result.drafts
    assert service.record.title == "Transportation Management Coordinator"
    assert service.record.organization == "U.S. Army"
    assert (service.record.started, service.record.ended) == ("2008", "2016-07")
    assert "MOS: 88N" in service.record.narrative
    assert "Deployments: Three deployments" in service.record.narrative
    assert care.record.life_area is LifeArea.CAREGIVING
    assert care.record.ongoing and care.record.started == "2016-10"
    assert len(result.accepted()) >= 15
    assert all(c.status is ClaimStatus.ACCEPTED and c.proficiency for c in result.accepted())
    assert all(c.evidence for c in result.accepted())
    vouches = [e for d in result.drafts for e in d.evidence if e.name == "Who can vouch for this"]
    assert len(vouches) == 2


def test_demo_accepts_only_competencies_that_exist() -> None:
    known = _taxonomy_ids()
    if not known:
        pytest.skip("taxonomies/lerkit has no competencies yet")
    demo = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    named = {
        (a if isinstance(a, str) else a["id"])
        for runs in demo["modules"].values()
        for run in runs
        for a in run.get("accept", [])
    }
    assert named - known == set()


def test_demo_loads_from_the_data_dir(bank: PromptBank) -> None:
    from lerkit.core.resources import data_dir

    path = data_dir("prompts") / "demo" / "veteran-caregiver.yaml"
    assert Path(path).is_file()
    load_answers(path, bank)
