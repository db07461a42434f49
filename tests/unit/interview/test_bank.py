"""The shipped prompt bank: every module loads, is complete, plain, and asks nothing forbidden."""

from __future__ import annotations

import pytest

from lerkit.core.interview import (
    CHECKLIST_ID,
    Field,
    Kind,
    PromptBank,
    Suggest,
    find_forbidden,
    load_module,
)
from lerkit.core.records import LifeArea

from .conftest import PROMPTS
from .readability import grade

EXPECTED = {
    "paid-work", "military", "caregiving", "volunteering", "faith", "fundraising",
    "small-business", "self-taught", "education", "creative", "household",
}  # fmt: skip
MODULE_FILES = sorted(PROMPTS.glob("*.yaml"))


def test_every_life_area_has_a_module(bank: PromptBank) -> None:
    assert set(bank.ids) == EXPECTED
    assert bank.ids[0] == "paid-work"


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.stem)
def test_module_loads_and_is_complete(path: object) -> None:
    module = load_module(str(path))
    assert module.id == LifeArea(module.id).value == module.life_area.value
    checklist = module.steps[0]
    assert checklist.id == CHECKLIST_ID
    assert 6 <= len(checklist.choices) <= 12
    opening = module.steps[1]
    assert opening.kind is Kind.TEXT and opening.help and 2 <= len(opening.examples) <= 4
    fields = {q.field for q in module.steps}
    # Every module fills a title, start and end and asks who could vouch.
    assert {Field.TITLE, Field.START, Field.END, Field.VOUCH} <= fields, module.id
    assert Field.EVIDENCE in fields
    assert Field.SCALE in fields or any(q.label for q in module.steps)
    ids = [q.id for q in module.steps]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.stem)
def test_no_forbidden_questions(path: object) -> None:
    module = load_module(str(path))
    for q in module.steps:
        shown = [q.text, q.help, *(c.label for c in q.choices)]
        for text in shown:
            assert find_forbidden(text) is None, (module.id, q.id, text)


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: p.stem)
def test_questions_are_plain(path: object) -> None:
    """About a 6th-grade reading level on average; no single question much harder."""
    module = load_module(str(path))
    grades = [grade(q.text) for q in module.steps]
    assert sum(grades) / len(grades) <= 6.0, module.id
    for q, g in zip(module.steps, grades, strict=True):
        assert g <= 9.0, (module.id, q.id, q.text, g)


def test_faith_module_asks_what_was_done_not_belief(bank: PromptBank) -> None:
    faith = bank.module("faith")
    text = " ".join(q.text + " " + q.help for q in faith.steps).lower()
    assert "believe" not in text.replace("not need to say anything about what you believe", "")
    assert "what you did" in text or "work you did" in text


def test_military_asks_branch_and_a_code_for_every_branch(bank: PromptBank) -> None:
    military = bank.module("military")
    branch = military.question("branch")
    assert branch.kind is Kind.CHOICE
    codes = [q for q in military.steps if q.suggest is Suggest.MILITARY]
    covered: set[str] = set()
    for q in codes:
        assert q.kind is Kind.TEXT
        (cond,) = q.when
        assert cond.question == "branch"
        covered.update(cond.values)
    assert covered == {c.id for c in branch.choices}
    labels = {c.label for c in branch.choices}
    assert {"Army", "Marine Corps", "Navy", "Air Force", "Space Force", "Coast Guard"} <= labels


def test_every_module_but_household_can_repeat(bank: PromptBank) -> None:
    for module in bank:
        assert (module.repeat is not None) == (module.id != "household"), module.id


def test_leads_to_points_at_real_modules(bank: PromptBank) -> None:
    targets = {c.leads_to for m in bank for c in m.steps[0].choices if c.leads_to is not None}
    assert targets and targets <= set(bank.ids)
