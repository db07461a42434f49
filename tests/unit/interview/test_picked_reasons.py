"""A ticked choice of a translated module is given as the reason for its suggestions: the
matcher reads the English module's words for it, which the person never saw."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from lerkit.core.i18n import current_language, set_language
from lerkit.core.interview import Interview, load_bank
from lerkit.core.matching.types import Match, MatchedVia

from .conftest import PROMPTS

TICKED = "llevó la cuenta de las medicinas o las dio a tiempo"


def _suggester(text: str, areas: Sequence[str] = ()) -> list[Match]:
    """Quotes the words it was given, as the real matcher does."""
    words = tuple(text.split()[:2])
    return [Match("lerkit", "caregiving.medication-management", "Medication management",
                  90.0, MatchedVia.LABEL, "Medication management", words)]


@pytest.fixture
def in_spanish() -> Iterator[None]:
    before = current_language()
    set_language("es")
    yield
    set_language(before)


@pytest.mark.usefixtures("in_spanish")
def test_a_spanish_checklist_item_is_the_reason_not_the_english_hint() -> None:
    iv = Interview(load_bank(PROMPTS, "es"), ["caregiving"], suggester=_suggester)
    step = iv.current()
    assert step is not None and step.question.id == "checklist"
    medicines = step.question.find_choice("medicines")
    assert medicines is not None and medicines.label == TICKED
    live = iv.preview(medicines.match_text)  # what the screen sends for a ticked item
    iv.answer(["medicines"])
    [stored] = iv.suggestions("caregiving/0/checklist")
    for found in (live[0], stored.match):
        assert found.matched_via is MatchedVia.PICKED and found.matched_words == ()
        assert found.label == "Medication management"  # the name the claim keeps
        assert found.why == f"marcó «{TICKED}»"
    assert stored.text == "manage medications"  # the matcher still reads the hint


def test_english_checklist_reasons_are_unchanged() -> None:
    set_language("en")
    iv = Interview(load_bank(PROMPTS, "en"), ["caregiving"], suggester=_suggester)
    iv.answer(["medicines"])
    [stored] = iv.suggestions("caregiving/0/checklist")
    assert stored.match.matched_via is MatchedVia.LABEL
    assert stored.match.why.startswith('"manage", "medications" matched')
    assert iv.preview("I gave my dad his pills")[0].matched_via is MatchedVia.LABEL


@pytest.mark.usefixtures("in_spanish")
def test_typed_spanish_answers_keep_their_own_words() -> None:
    iv = Interview(load_bank(PROMPTS, "es"), ["caregiving"], suggester=_suggester)
    iv.skip()
    [found] = iv.preview("le daba las pastillas")
    assert found.matched_via is MatchedVia.LABEL and found.matched_words == ("le", "daba")


def _with_work_activities(text: str, areas: Sequence[str] = ()) -> list[Match]:
    """lerkit's skill and two of O*NET's trade work activities, as the default search."""
    return [Match("onet-dwa", "4.A.4.a.5.I09.D01", "Prescribe medications.", 95.0,
                  MatchedVia.MEANING, "Prescribe medications.", ()),
            *_suggester(text, areas),
            Match("onet-dwa", "4.A.3.a.4.I05.D06", "Administer intravenous medications.", 80.0,
                  MatchedVia.MEANING, "Administer intravenous medications.", ())]


def test_a_ticked_box_suggests_lerkits_own_skills_not_trade_activities() -> None:
    set_language("en")
    iv = Interview(load_bank(PROMPTS, "en"), ["caregiving"], suggester=_with_work_activities)
    assert [m.taxonomy for m in iv.preview("manage medications")] == ["lerkit"]
    iv.answer(["medicines"])
    assert [s.match.taxonomy for s in iv.suggestions("caregiving/0/checklist")] == ["lerkit"]
    typed = [m.taxonomy for m in iv.preview("I kept track of my dad's pills")]
    assert typed.count("onet-dwa") == 2  # the person's own words: everything it finds


def test_a_ticked_box_keeps_what_it_finds_when_lerkit_finds_nothing() -> None:
    def only_activities(text: str, areas: Sequence[str] = ()) -> list[Match]:
        return [m for m in _with_work_activities(text, areas) if m.taxonomy != "lerkit"]

    set_language("en")
    iv = Interview(load_bank(PROMPTS, "en"), ["caregiving"], suggester=only_activities)
    iv.answer(["medicines"])
    assert len(iv.suggestions("caregiving/0/checklist")) == 2
