"""Bad prompt files fail with the file, the right line and a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.interview import find_forbidden, load_bank, parse_module

GOOD = """\
format: lerkit-prompts/1
id: sample
life_area: other
title: A sample part
checklist:
  text: Have you ever...
  items:
    - {id: a, text: kept a schedule for someone else's care}
    - {id: b, text: handled money for a group}
    - {id: c, text: trained someone new}
    - {id: d, text: fixed something that broke}
    - {id: e, text: planned an event}
    - {id: f, text: led a team}
opening:
  id: story
  text: Tell me about it.
  help: Say it like you would to a friend.
  examples: [One thing., Another thing.]
questions:
  - id: kind
    kind: choice
    text: What kind was it?
    choices:
      - {id: big, label: Big}
      - {id: small, label: Small}
  - id: detail
    text: Tell me more about the big one.
    when: {question: kind, is: big}
  - id: start
    kind: date
    text: When did it start?
    field: start
"""
# Line numbers in GOOD that the mutations below refer to.
LINE_KIND_CHOICE = 21
LINE_DETAIL_WHEN = 28


def parse(text: str) -> object:
    return parse_module(text, "sample.yaml")


def fails(text: str) -> FileFormatError:
    with pytest.raises(FileFormatError) as caught:
        parse(text)
    assert caught.value.path == "sample.yaml"
    return caught.value


def test_the_good_sample_loads() -> None:
    module = parse_module(GOOD, "sample.yaml")
    assert [q.id for q in module.steps] == ["checklist", "story", "kind", "detail", "start"]
    assert GOOD.splitlines()[LINE_KIND_CHOICE - 1].strip() == "kind: choice"
    assert GOOD.splitlines()[LINE_DETAIL_WHEN - 1].strip().startswith("when:")


def test_unknown_key() -> None:
    err = fails(GOOD.replace("    kind: choice\n", "    kind: choice\n    hlep: oops\n"))
    assert err.line == LINE_KIND_CHOICE + 1
    assert "unknown key 'hlep'" in err.reason


def test_unknown_top_level_key() -> None:
    err = fails(GOOD + "colour: blue\n")
    assert err.line == len(GOOD.splitlines()) + 1


def test_unknown_kind() -> None:
    err = fails(GOOD.replace("kind: choice", "kind: slider"))
    assert err.line == LINE_KIND_CHOICE
    assert "unknown kind 'slider'" in err.reason


def test_dangling_when_reference() -> None:
    err = fails(GOOD.replace("when: {question: kind, is: big}", "when: {question: knid, is: big}"))
    assert err.line == LINE_DETAIL_WHEN
    assert "'knid'" in err.reason and "earlier question" in err.reason


def test_when_pointing_forward_is_dangling() -> None:
    err = fails(GOOD.replace("{question: kind, is: big}", "{question: start, answered: true}"))
    assert err.line == LINE_DETAIL_WHEN


def test_when_with_unknown_choice() -> None:
    err = fails(GOOD.replace("is: big}", "is: huge}"))
    assert err.line == LINE_DETAIL_WHEN
    assert "no choice 'huge'" in err.reason


def test_when_with_two_operators() -> None:
    err = fails(GOOD.replace("is: big}", "is: big, answered: true}"))
    assert err.line == LINE_DETAIL_WHEN
    assert "exactly one" in err.reason


def test_duplicate_question_id() -> None:
    err = fails(GOOD.replace("  - id: detail", "  - id: kind"))
    assert err.line == LINE_DETAIL_WHEN - 2
    assert "duplicate question id 'kind'" in err.reason


def test_duplicate_yaml_key() -> None:
    err = fails(GOOD.replace("title: A sample part\n", "title: A sample part\ntitle: Again\n"))
    assert err.line == 5
    assert "duplicate key 'title'" in err.reason


def test_reserved_id() -> None:
    err = fails(GOOD.replace("  - id: detail", "  - id: again"))
    assert "reserved" in err.reason


def test_invalid_yaml_syntax() -> None:
    err = fails(GOOD.replace("text: When did it start?", "text: [When did it start?"))
    assert err.line is not None and err.line >= 31
    assert "invalid YAML" in err.reason


def test_checklist_too_short() -> None:
    short = "\n".join(line for line in GOOD.splitlines() if "{id: f," not in line)
    short = short.replace("{id: e,", "# {id: e,")
    err = fails(short)
    assert err.line == 7
    assert "6 to 12 items" in err.reason


def test_opening_needs_examples() -> None:
    err = fails(GOOD.replace("  examples: [One thing., Another thing.]\n", ""))
    assert err.line == 15
    assert "examples" in err.reason


def test_choice_question_needs_choices() -> None:
    text = GOOD.replace("      - {id: small, label: Small}\n", "")
    assert "at least 2 choices" in fails(text).reason


def test_field_kind_mismatch() -> None:
    err = fails(GOOD.replace("    field: start\n", "    field: vouch\n"))
    assert "cannot take a 'date' answer" in err.reason


def test_wrong_format() -> None:
    err = fails(GOOD.replace("lerkit-prompts/1", "lerkit-prompts/9"))
    assert err.line == 1


@pytest.mark.parametrize(
    "question",
    [
        "How much were you paid?",
        "What was your salary?",
        "How old are you?",
        "What is your date of birth?",
        "What is your gender?",
        "What is your race or ethnicity?",
        "Do you have a disability?",
        "What is your disability rating?",
        "What is your religion?",
        "What do you believe?",
        "Which faith are you?",
        "Are you Catholic?",
    ],
)
def test_forbidden_question_is_refused(question: str) -> None:
    err = fails(GOOD.replace("text: Tell me more about the big one.", f"text: {question}"))
    assert err.line == LINE_DETAIL_WHEN - 1
    assert "never asks" in err.reason


def test_forbidden_help_and_checklist_items_are_refused() -> None:
    err = fails(GOOD.replace("help: Say it like", "help: Tell us your age range. Say it like"))
    assert err.line == 17
    err = fails(GOOD.replace("trained someone new", "told us your wages"))
    assert err.line == 10


@pytest.mark.parametrize(
    "text",
    [
        "Did you care for a family member who is sick or has a disability?",
        "Tell me about the work you did in your faith community.",
        "About how much money did you raise?",
        "Did you organize a charity race or walk?",
        "How many people did you serve at the church, mosque or temple?",
        "We only ask about what you did, not what you believe.",
        "About how many hours a week did it take?",
        "What language did you speak with the families?",
    ],
)
def test_allowed_wording(text: str) -> None:
    assert find_forbidden(text) is None


def test_bank_checks_file_names_and_leads_to(tmp_path: Path) -> None:
    (tmp_path / "wrong-name.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"must be sample\.yaml"):
        load_bank(tmp_path)
    (tmp_path / "wrong-name.yaml").unlink()
    dangling = GOOD.replace(
        "{id: f, text: led a team}", "{id: f, text: led a team, leads_to: nope}"
    )
    (tmp_path / "sample.yaml").write_text(dangling, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_bank(tmp_path)
    assert caught.value.line == 13
    assert "leads_to names no module: 'nope'" in caught.value.reason


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no prompt modules"):
        load_bank(tmp_path)


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 8):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        bomb += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    assert "too many values" in fails(bomb).reason
