"""``ler demo`` and ``ler interview`` without a full-screen terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import ler


def test_demo_prints_only_the_id_and_fills_a_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = ler("demo")
    assert made.code == 0, made.stderr
    person_id = made.stdout.strip()
    assert made.stdout == person_id + "\n"
    [row] = json.loads(ler("person", "list", "--json").stdout)
    assert row["id"] == person_id
    assert row["experiences"] >= 2 and row["accepted_skills"] >= 10 and row["evidence"] >= 1
    monkeypatch.setenv("LER_PASSPHRASE", "demo passphrase 1")
    assert ler("keys", "init", "--person", person_id).code == 0
    out = tmp_path / "demo.json"
    assert ler("export", "--person", person_id, "--out", str(out)).code == 0
    assert ler("verify", str(out)).code == 0


def test_scripted_answers_with_accept_top(tmp_path: Path) -> None:
    person_id = ler("person", "add", "Coach Notes").stdout.strip()
    answers = tmp_path / "notes.yaml"
    answers.write_text(
        "format: lerkit-answers/1\nmodules:\n  fundraising:\n    - answers:\n"
        "        story: I raised money for my church by running the bake sale every spring\n"
        "      accept: [fundraising.fundraising-events]\n", encoding="utf-8")
    result = ler("interview", "--person", person_id, "--answers", str(answers),
                 "--accept-top", "1")
    assert result.code == 0, result.stderr
    shown = json.loads(ler("person", "show", person_id, "--json").stdout)
    accepted = {c["competency_id"] for c in shown["claims"] if c["status"] == "accepted"}
    assert "fundraising.fundraising-events" in accepted


def test_bad_answers_file_names_the_line(tmp_path: Path) -> None:
    person_id = ler("person", "add", "Bad Notes").stdout.strip()
    answers = tmp_path / "bad.yaml"
    answers.write_text("format: lerkit-answers/1\nmodules:\n  no-such-part: []\n",
                       encoding="utf-8")
    result = ler("interview", "--person", person_id, "--answers", str(answers))
    assert result.code == 2
    assert "bad.yaml:3" in result.stderr


def test_plain_dialogue_saves_answers_and_stops_on_quit() -> None:
    person_id = ler("person", "add", "Plain Talker").stdout.strip()
    first = ler("interview", "--person", person_id, "--plain", "--parts", "household",
                input="1\nI kept the family budget and paid every bill on time\n1\nquit\n")
    assert first.code == 0, first.stderr
    assert "Skills this may show" in first.stdout
    assert ("Stopped. Every answer you gave is saved. To go on where you stopped, run: "
            f"ler interview --person {person_id} --plain") in first.stdout
    again = ler("interview", "--person", person_id, "--plain", input="")
    assert again.code == 0
    shown = json.loads(ler("person", "show", person_id, "--json").stdout)
    assert shown["experiences"], "the household story was stored"
    assert any(c["status"] == "accepted" for c in shown["claims"])


def test_answers_file_accepting_an_unknown_skill_is_refused(tmp_path: Path) -> None:
    person_id = ler("person", "add", "Typo Notes").stdout.strip()
    answers = tmp_path / "typo.yaml"
    answers.write_text(
        "format: lerkit-answers/1\nmodules:\n  fundraising:\n    - answers:\n"
        "        story: I ran the bake sale\n      accept: [fundraising.no-such-skill]\n",
        encoding="utf-8")
    result = ler("interview", "--person", person_id, "--answers", str(answers))
    assert result.code == 2
    assert "fundraising.no-such-skill" in result.stderr
    shown = json.loads(ler("person", "show", person_id, "--json").stdout)
    assert shown["experiences"] == []


def _returning_person(tmp_path: Path) -> str:
    """Someone whose interview (from an answers file) is finished."""
    person_id = ler("person", "add", "Back Again").stdout.strip()
    answers = tmp_path / "first.yaml"
    answers.write_text(
        "format: lerkit-answers/1\nmodules:\n  fundraising:\n    - answers:\n"
        "        story: I ran the church bake sale every spring\n", encoding="utf-8")
    assert ler("interview", "--person", person_id, "--answers", str(answers)).code == 0
    return person_id


def test_a_returning_person_picks_the_parts_to_add(tmp_path: Path) -> None:
    from lerkit.services.interview import parts

    person_id = _returning_person(tmp_path)
    titles = {p.id: p.title for p in parts()}
    number = [p.id for p in parts()].index("household") + 1
    done = ler("interview", "--person", person_id, "--plain",
               input=f"99\n{number}\nquit\n")
    assert done.code == 0, done.stderr
    out = done.stdout
    assert "You finished an interview before" in out
    assert "Type numbers from 1 to" in out  # 99 is not on the list: asked again
    # the new interview is about the one part picked, not every part again
    assert f"Part 1 of 1: {titles['household']}, question 1 of" in out


def test_a_returning_person_who_quits_at_the_parts_question_starts_nothing(
    tmp_path: Path,
) -> None:
    person_id = _returning_person(tmp_path)
    done = ler("interview", "--person", person_id, "--plain", input="quit\n")
    assert done.code == 0
    assert "Nothing started." in done.stderr
    again = ler("interview", "--person", person_id, "--plain", input="")
    assert "You finished an interview before" in again.stdout  # still nothing open


def test_a_first_plain_interview_asks_which_parts_of_life_apply() -> None:
    from lerkit.core.interview import find_forbidden
    from lerkit.services.interview import parts

    person_id = ler("person", "add", "First Plain").stdout.strip()
    ids = [p.id for p in parts()]
    picked = f"{ids.index('caregiving') + 1} {ids.index('military') + 1}"
    done = ler("interview", "--person", person_id, "--plain", input=f"{picked}\nquit\n")
    assert done.code == 0, done.stderr
    out = done.stdout
    question = out[: out.index("Type the numbers")]
    assert "Which of these have been part of your life?" in question
    for n, part in enumerate(parts(), start=1):  # every part, numbered, with an example
        assert f"  {n}. {part.title}\n     for example: {part.summary}\n" in question
    assert find_forbidden(question) is None  # nothing about who the person is
    # only the ticked parts, in the order of the prompt bank: military before caregiving
    assert "Part 1 of 2: Military service, question 1 of" in out
    again = ler("interview", "--person", person_id, "--plain", input="")
    assert "Which of these" not in again.stdout  # the open interview resumes


def test_a_first_plain_interview_that_quits_at_the_parts_question_starts_nothing() -> None:
    person_id = ler("person", "add", "Not Yet").stdout.strip()
    done = ler("interview", "--person", person_id, "--plain", input="quit\n")
    assert done.code == 0
    assert "Nothing started." in done.stderr
    again = ler("interview", "--person", person_id, "--plain", input="")
    assert "Which of these have been part of your life?" in again.stdout
