"""Fusing shared words and closeness in meaning: the arithmetic and the explanation."""

from __future__ import annotations

import numpy as np
import pytest

from lerkit.core.matching.fusion import Blend, Fused, calibrate, fuse, shown
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.matching.vectors import MeaningIndex, Near

BLEND = Blend(lexical_weight=0.4, floor=0.0, ceiling=1.0, min_meaning=0.5, area_boost=0.2)


def _meaning() -> MeaningIndex:
    texts = ["Airway clearance", "did the vest every morning", "Bookkeeping", "Convoy operations"]
    return MeaningIndex(
        content_hash="x", model_id="m", entry_vectors=np.zeros((4, 2), dtype=np.float16),
        entry_kind=np.array([0, 2, 0, 0], dtype=np.uint8),
        offsets=np.array([0, 2, 3, 4]), centroids=np.zeros((3, 2), dtype=np.float32),
        texts=texts,
    )


def _words(score: float) -> Match:
    return Match("t", "a", "Airway clearance", score, MatchedVia.PHRASING,
                 "did the vest every morning", ("vest",))


def test_blend_of_both_scores() -> None:
    found = fuse(lexical={0: 0.5}, near=[Near(0, 0.8, 1)], blend=BLEND)
    assert len(found) == 1
    assert found[0].score == pytest.approx(100 * (0.4 * 0.5 + 0.6 * 0.8), abs=0.05)
    assert found == [Fused(0, found[0].score, False, Near(0, 0.8, 1))]


def test_meaning_alone_needs_the_minimum_cosine() -> None:
    found = fuse(lexical={}, near=[Near(1, 0.62, 2), Near(2, 0.45, 3)], blend=BLEND)
    assert [f.comp for f in found] == [1]
    match = shown(found[0], taxonomy="t", label="Bookkeeping", competency_id="b",
                  meaning=_meaning(), words=None)
    assert match is not None and match.matched_via is MatchedVia.MEANING
    assert match.why == "close in meaning to this skill"  # its name: nothing to quote


def test_words_alone_still_count() -> None:
    found = fuse(lexical={2: 0.8}, near=[], blend=BLEND)
    assert found[0].comp == 2 and found[0].by_words
    assert found[0].score == pytest.approx(32.0)


def test_the_larger_share_explains() -> None:
    words_carry = fuse(lexical={0: 0.9}, near=[Near(0, 0.3, 1)], blend=BLEND)[0]
    assert words_carry.by_words
    match = shown(words_carry, taxonomy="t", label="Airway clearance", competency_id="a",
                  meaning=_meaning(), words=_words(90.0))
    assert match is not None and match.matched_via is MatchedVia.PHRASING
    assert match.score == words_carry.score
    assert match.why.startswith('"vest" matched an everyday way to say it')
    meaning_carries = fuse(lexical={0: 0.2}, near=[Near(0, 0.9, 1)], blend=BLEND)[0]
    assert not meaning_carries.by_words
    match = shown(meaning_carries, taxonomy="t", label="Airway clearance", competency_id="a",
                  meaning=_meaning(), words=_words(20.0))
    assert match is not None and match.matched_via is MatchedVia.MEANING
    assert match.why == ('close in meaning to the example "did the vest every morning"; '
                         'shares "vest"')  # the skill's example, not the person's words


def test_the_area_asked_about_counts_more() -> None:
    near = [Near(0, 0.7, 0), Near(1, 0.72, 2)]
    assert [f.comp for f in fuse(lexical={}, near=near, blend=BLEND)] == [1, 0]
    boosted = fuse(lexical={}, near=near, blend=BLEND, boosted={0: 1.2})
    assert [f.comp for f in boosted] == [0, 1]
    assert boosted[0].score == pytest.approx(100 * 0.6 * 0.7 * 1.2, abs=0.05)


def test_calibration_is_clipped() -> None:
    blend = Blend(floor=0.2, ceiling=0.7)
    assert calibrate(0.1, blend) == 0.0
    assert calibrate(0.45, blend) == pytest.approx(0.5)
    assert calibrate(0.95, blend) == 1.0


def test_meaning_quotes_the_text_the_persons_words_are_in() -> None:
    """Closest in meaning is the skill's name here, but "vest" is in an example: the
    example is quoted, so the word named is in the text shown."""
    carried = fuse(lexical={0: 0.2}, near=[Near(0, 0.9, 0)], blend=BLEND)[0]
    match = shown(carried, taxonomy="t", label="Airway clearance", competency_id="a",
                  meaning=_meaning(), words=_words(20.0))
    assert match is not None
    assert match.why == ('close in meaning to the example "did the vest every morning"; '
                         'shares "vest"')
    alone = shown(carried, taxonomy="t", label="Airway clearance", competency_id="a",
                  meaning=_meaning(), words=None)
    assert alone is not None and alone.why == "close in meaning to this skill"
