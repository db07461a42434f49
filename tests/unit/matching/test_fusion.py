"""Fusing shared words and closeness in meaning: the arithmetic and the explanation."""

from __future__ import annotations

import numpy as np
import pytest

from lerkit.core.matching.fusion import Blend, calibrate, fuse
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.matching.vectors import MeaningIndex, Near

IDS = ["a", "b", "c"]
LABELS = ["Airway clearance", "Bookkeeping", "Convoy operations"]
NUMBER = {cid: n for n, cid in enumerate(IDS)}
BLEND = Blend(lexical_weight=0.4, floor=0.0, ceiling=1.0, min_meaning=0.5, area_boost=0.2)


def _meaning() -> MeaningIndex:
    texts = ["Airway clearance", "did the vest every morning", "Bookkeeping", "Convoy operations"]
    return MeaningIndex(
        content_hash="x", model_id="m", entry_vectors=np.zeros((4, 2), dtype=np.float16),
        entry_kind=np.array([0, 2, 0, 0], dtype=np.uint8),
        offsets=np.array([0, 2, 3, 4]), centroids=np.zeros((3, 2), dtype=np.float32),
        texts=texts,
    )


def _word(cid: str, score: float, words: tuple[str, ...] = ("vest",)) -> Match:
    return Match("t", cid, LABELS[NUMBER[cid]], score, MatchedVia.PHRASING,
                 "did the vest every morning", words)


def _fuse(lexical: list[Match], near: list[Near], boosted: tuple[int, ...] = ()) -> list[Match]:
    return fuse(taxonomy="t", ids=IDS, labels=LABELS, number=NUMBER, lexical=lexical,
                near=near, meaning=_meaning(), blend=BLEND, boosted=boosted)


def test_blend_of_both_scores() -> None:
    found = _fuse([_word("a", 50.0)], [Near(0, 0.8, 1)])
    assert found[0].score == pytest.approx(100 * (0.4 * 0.5 + 0.6 * 0.8), abs=0.05)


def test_meaning_alone_needs_the_minimum_cosine() -> None:
    found = _fuse([], [Near(1, 0.62, 2), Near(2, 0.45, 3)])
    assert [m.competency_id for m in found] == ["b"]
    assert found[0].matched_via is MatchedVia.MEANING
    assert found[0].why == 'close in meaning to "Bookkeeping"'


def test_words_alone_still_count() -> None:
    found = _fuse([_word("c", 80.0, ("convoys",))], [])
    assert found[0].competency_id == "c"
    assert found[0].score == pytest.approx(32.0)
    assert found[0].matched_words == ("convoys",)


def test_the_larger_share_explains() -> None:
    words_carry = _fuse([_word("a", 90.0)], [Near(0, 0.3, 1)])[0]
    assert words_carry.matched_via is MatchedVia.PHRASING
    assert words_carry.why.startswith('"vest" matched an everyday way to say it')
    meaning_carries = _fuse([_word("a", 20.0)], [Near(0, 0.9, 1)])[0]
    assert meaning_carries.matched_via is MatchedVia.MEANING
    assert meaning_carries.matched_text == "did the vest every morning"
    assert meaning_carries.why == 'close in meaning to "did the vest every morning"; shares "vest"'


def test_the_area_asked_about_counts_more() -> None:
    plain = _fuse([], [Near(0, 0.7, 0), Near(1, 0.72, 2)])
    assert [m.competency_id for m in plain] == ["b", "a"]
    boosted = _fuse([], [Near(0, 0.7, 0), Near(1, 0.72, 2)], boosted=(0,))
    assert [m.competency_id for m in boosted] == ["a", "b"]
    assert boosted[0].score == pytest.approx(100 * 0.6 * 0.7 * 1.2, abs=0.05)


def test_calibration_is_clipped() -> None:
    blend = Blend(floor=0.2, ceiling=0.7)
    assert calibrate(0.1, blend) == 0.0
    assert calibrate(0.45, blend) == pytest.approx(0.5)
    assert calibrate(0.95, blend) == 1.0
