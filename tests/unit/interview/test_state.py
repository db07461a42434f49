"""The state is the single source of truth: saving and restoring at any step changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core.errors import BadInputError
from lerkit.core.interview import Interview, Kind, PromptBank, Step, load_bank

from .conftest import PROMPTS, FakeLookup
from .test_loader import GOOD

TEXTS = ["I ran the supply room.", "", "about 2015", "still doing it", "see https://example.org/a"]
OPS = ["answer", "answer", "answer", "skip", "back", "skip_module", "accept", "evidence"]


def _value(data: st.DataObject, step: Step) -> Any:
    kind = step.kind
    if kind is Kind.YESNO:
        return data.draw(st.sampled_from(["yes", "no", "y", True, False, ""]))
    ids = [c.id for c in step.choices]
    if kind is Kind.CHOICE:
        return data.draw(st.sampled_from([*ids, "1", ""]))
    if kind is Kind.MULTI:
        return data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    return data.draw(st.sampled_from(TEXTS))


def _apply(iv: Interview, op: str, value: Any) -> None:
    if op == "answer" and not iv.is_finished:
        iv.answer(value)
    elif op == "skip" and not iv.is_finished:
        iv.skip()
    elif op == "skip_module" and not iv.is_finished:
        iv.skip_module()
    elif op == "back":
        iv.back()
    elif op == "accept":
        iv.accept("logistics.inventory-control", proficiency="on my own")
    elif op == "evidence":
        iv.add_evidence("note", "My platoon sergeant can vouch for me.")


def _restore(bank: PromptBank, iv: Interview) -> Interview:
    saved = json.loads(json.dumps(iv.to_dict()))  # exactly what storage would keep
    return Interview.from_dict(bank, saved, suggester=FakeLookup("s"), military=FakeLookup("m"))


def _same(a: Interview, b: Interview) -> None:
    assert a.to_dict() == b.to_dict()
    assert a.current() == b.current()
    assert a.is_finished == b.is_finished
    assert a.experiences() == b.experiences()
    assert a.claims() == b.claims()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_restore_at_every_step_changes_nothing(bank: PromptBank, data: st.DataObject) -> None:
    modules = data.draw(st.lists(st.sampled_from(bank.ids), min_size=1, max_size=3, unique=True))
    steer = data.draw(st.booleans())
    kept = Interview(bank, modules, suggester=FakeLookup("s"), military=FakeLookup("m"),
                     steer=steer, interview_id="fixed-id")  # fmt: skip
    restored = _restore(bank, kept)
    _same(kept, restored)
    for _ in range(data.draw(st.integers(min_value=1, max_value=60))):
        op = data.draw(st.sampled_from(OPS))
        step = kept.current()
        value = _value(data, step) if (op == "answer" and step is not None) else None
        _apply(kept, op, value)
        _apply(restored, op, value)
        restored = _restore(bank, restored)  # save and reload after every action
        _same(kept, restored)
        if not kept.is_finished:
            assert kept.state.cursor in kept.walk.index


def test_walking_to_the_end_always_finishes(bank: PromptBank) -> None:
    iv = Interview(bank)
    count = 0
    while not iv.is_finished:
        iv.skip()
        count += 1
    assert count == sum(len(m.steps) for m in bank) - sum(
        1 for m in bank for q in m.steps if q.when
    )


def test_state_is_plain_json(bank: PromptBank) -> None:
    iv = Interview(bank, ["military"])
    iv.answer(["led-team"])
    iv.answer("Truck convoys.")
    iv.accept("logistics.route-planning", proficiency="on-my-own")
    iv.add_evidence("url", "https://example.org/x", name="Letter")
    saved = iv.to_dict()
    assert json.loads(json.dumps(saved)) == saved
    assert saved["format"] == "lerkit-interview/1"
    assert saved["cursor"] == "military/0/branch"
    assert saved["answers"] == {
        "military/0/checklist": ["led-team"],
        "military/0/story": "Truck convoys.",
    }
    assert saved["trail"] == ["military/0/checklist", "military/0/story"]
    assert saved["accepted"]["military/0"][0]["proficiency"] == "on-my-own"
    saved["answers"]["military/0/checklist"].append("x")  # a copy, not the live state
    assert iv.state.answers["military/0/checklist"] == ["led-team"]


@pytest.mark.parametrize(
    "damage",
    [
        None,
        {},
        {"format": "something-else"},
        {"format": "lerkit-interview/1"},
        {"format": "lerkit-interview/1", "id": "x", "modules": "military"},
        {"format": "lerkit-interview/1", "id": "x", "modules": [], "answers": {"a/0/b": 5}},
    ],
)
def test_damaged_state_is_refused(bank: PromptBank, damage: object) -> None:
    with pytest.raises(BadInputError):
        Interview.from_dict(bank, damage)


def test_resume_after_the_prompts_changed(bank: PromptBank, tmp_path: Path) -> None:
    (tmp_path / "sample.yaml").write_text(GOOD, encoding="utf-8")
    old = load_bank(tmp_path)
    iv = Interview(old, ["sample"])
    iv.answer(["a"])
    iv.answer("A story.")
    iv.answer("big")
    assert iv.current() is not None and iv.current().question.id == "detail"  # type: ignore[union-attr]
    saved = iv.to_dict()
    # A coach removes the "detail" question: the interview resumes at the next unanswered one.
    edited = GOOD.replace(
        "  - id: detail\n    text: Tell me more about the big one.\n"
        "    when: {question: kind, is: big}\n",
        "",
    )
    (tmp_path / "sample.yaml").write_text(edited, encoding="utf-8")
    resumed = Interview.from_dict(load_bank(tmp_path), saved)
    assert resumed.current() is not None and resumed.current().question.id == "start"  # type: ignore[union-attr]
    assert resumed.state.answers == iv.state.answers


def test_restored_shipped_bank_still_loads() -> None:
    assert load_bank(PROMPTS).ids == load_bank().ids
