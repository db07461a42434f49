"""The persona answers as regression tests: each gives at least two right suggestions in
the top 5 of the default search, as the interview asks it (with the skill areas of the
part of life it was given in) and shows it (close to the best one), and none of the absurd
ones found before; the trades sentences (``top: 3``) an accepted one and no absurd one in
the top 3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lerkit.core.interview import load_bank
from lerkit.core.matching.shortlist import close_to_best
from tests.unit.matching.test_default_search import default_search

REPO = Path(__file__).resolve().parents[3]
PERSONAS = yaml.safe_load((REPO / "tests" / "data" / "persona_sentences.yaml").read_text(
    encoding="utf-8"))["personas"]
BANK = load_bank(REPO / "prompts")


def _case(case: dict[str, Any]) -> Any:
    if "known_miss" not in case:
        return case
    return pytest.param(case, marks=pytest.mark.xfail(reason=case["known_miss"], strict=True))


@pytest.mark.parametrize("case", [_case(p) for p in PERSONAS],
                         ids=[p["text"][:40] for p in PERSONAS])
def test_persona_answer(case: dict[str, Any]) -> None:
    areas = BANK.module(case["area"]).skill_areas
    top = case.get("top", 5)
    found = close_to_best(default_search().match(case["text"], top=top, areas=areas))
    shown = [f"{m.competency_id} {m.label}" for m in found]
    right = [m for m in found if m.competency_id in case["right"]]
    absurd = [m.label for m in found if m.competency_id in case["absurd"]]
    assert len(right) >= (1 if top == 3 else 2), shown
    assert absurd == [], shown
    assert all((m.why and "matched" in m.why) or "close in meaning" in m.why
               or m.why.startswith("through") for m in found)
