"""Fixtures for the interview tests: the shipped bank and fake lookups that record calls."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from lerkit.core.interview import PromptBank, load_bank
from lerkit.core.matching.types import Match, MatchedVia

REPO = Path(__file__).resolve().parents[3]
PROMPTS = REPO / "prompts"
ANSWERS = REPO / "tests" / "data" / "answers"


class FakeLookup:
    """Returns one predictable match per word of length > 3; records every call."""

    def __init__(self, prefix: str, via: MatchedVia = MatchedVia.LABEL) -> None:
        self.prefix = prefix
        self.via = via
        self.calls: list[str] = []
        self.areas: list[tuple[str, ...]] = []

    def __call__(self, text: str, areas: Sequence[str] = ()) -> list[Match]:
        self.calls.append(text)
        self.areas.append(tuple(areas))
        words = [w.strip(".,!?").lower() for w in text.split()]
        out: list[Match] = []
        for n, word in enumerate(w for w in words if len(w) > 3):
            out.append(
                Match(
                    taxonomy="lerkit",
                    competency_id=f"{self.prefix}.{word}",
                    label=word.capitalize(),
                    score=90.0 - n,
                    matched_via=self.via,
                    matched_text=word,
                    matched_words=(word,),
                )
            )
        return out[:3]


@pytest.fixture(scope="session")
def bank() -> PromptBank:
    return load_bank(PROMPTS, "en")


@pytest.fixture
def suggester() -> FakeLookup:
    return FakeLookup("skill")


@pytest.fixture
def military() -> FakeLookup:
    return FakeLookup("mil", MatchedVia.CROSSWALK)
