"""Explanations: for each input, exactly which words matched, as typed, and via what."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.matching import MatchedVia, MatchIndex, build_index, search
from lerkit.core.matching.text import is_weak, tokenize
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml

REPO = Path(__file__).resolve().parents[3]

CASES = [
    # text, expected top id, matched via, matched text, matched words (as typed)
    ("Kept track of my son's PILLS and appointments!", "meds", MatchedVia.PHRASING,
     "kept track of my son's pills and appointments",
     ("track", "PILLS", "appointments")),
    ("I have a CDL", "cdl", MatchedVia.ALT_LABEL, "CDL driving", ("CDL",)),
    ("did cpr on a man at the gym", "cpr", MatchedVia.LABEL, "First aid and CPR", ("cpr",)),
    ("drove the forklifts", "forklift", MatchedVia.LABEL, "Forklift operation", ("forklifts",)),
    ("budgetting for the famly", "budget", MatchedVia.PHRASING, "kept the family on a budget",
     ("budgetting",)),
    ("IT help desk", "it", MatchedVia.ALT_LABEL, "help desk support", ("desk",)),
    ("ran the bake sale", "fundraising", MatchedVia.PHRASING, "ran the bake sale at church",
     ("bake", "sale")),
    ("stock control in a warehouse", "inventory", MatchedVia.ALT_LABEL, "stock control",
     ("stock", "control")),
    ("Medication administration", "meds", MatchedVia.ALT_LABEL, "medication administration",
     ("Medication", "administration")),
    ("resuscitación cardiopulmonary", "cpr", MatchedVia.ALT_LABEL,
     "cardiopulmonary resuscitation", ("resuscitación", "cardiopulmonary")),
    ("manag", "meds", MatchedVia.LABEL, "Medication management", ("manag",)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "top", "via", "matched_text", "words"), CASES)
def test_matched_words_are_exactly_the_expected_ones(
    small_index: MatchIndex,
    text: str,
    top: str,
    via: MatchedVia,
    matched_text: str,
    words: tuple[str, ...],
) -> None:
    best = search(small_index, text, top=3)[0]
    assert best.competency_id == top
    assert best.matched_via == via
    assert best.matched_text == matched_text
    assert best.matched_words == words
    assert all(word in text for word in best.matched_words)


def test_words_from_the_clause_that_matched(small_index: MatchIndex) -> None:
    text = "Last year I moved house. I counted the stock and kept stock control tidy."
    best = search(small_index, text, top=1)[0]
    assert best.competency_id == "inventory"
    assert best.matched_words == ("stock", "control")


def test_why_reads_like_a_sentence(small_index: MatchIndex) -> None:
    best = search(small_index, "I drove with my CDL", top=1)[0]
    assert best.why == '"drove", "CDL" matched another name for it: "CDL driving"'


def test_description_match_is_said(small_index: MatchIndex) -> None:
    best = search(small_index, "organizes goods", top=1)[0]
    assert (best.competency_id, best.matched_via) == ("inventory", MatchedVia.DESCRIPTION)
    assert best.matched_words == ("organizes", "goods")


def test_scores_are_0_to_100_and_sorted(small_index: MatchIndex) -> None:
    found = search(small_index, "kept the family budget and the stock in the warehouse", top=8)
    scores = [m.score for m in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)
    assert search(small_index, "kept the family budget", min_score=101) == []


SHIPPED = [
    ("watched the neighbor's kids after school", "childcare.child-supervision",
     {"watched", "neighbor's", "school"}),
    ("I drove a forklift at the warehouse", "logistics.forklift-operation", {"forklift"}),
    ("did CPR on a stranger", "safety.first-aid-cpr", {"CPR"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "wanted", "must_include"), SHIPPED)
def test_shipped_taxonomy_explanations(text: str, wanted: str, must_include: set[str]) -> None:
    index = _shipped()
    found = search(index, text, top=5)
    best = next(m for m in found if m.competency_id == wanted)
    assert must_include <= set(best.matched_words)
    # only words the person typed, exactly as typed, each once, in the order typed, and
    # only words that carry meaning of their own ("kids", "after", "the" are never named)
    typed = tokenize(text)
    strong = [t.text for t in typed if t.term and not is_weak(t.term)]
    assert len(set(best.matched_words)) == len(best.matched_words)
    assert set(best.matched_words) <= set(strong), (best.matched_words, strong)
    assert list(best.matched_words) == list(dict.fromkeys(w for w in strong
                                                          if w in best.matched_words))
    assert all(word in text for word in best.matched_words)
    assert not {"the", "kids", "after", "I", "a", "at", "did", "on"} & set(best.matched_words)


_INDEX: list[MatchIndex] = []


def _shipped() -> MatchIndex:
    if not _INDEX:
        _INDEX.append(build_index(load_lerkit_yaml(REPO / "taxonomies" / "lerkit")))
    return _INDEX[0]


def test_an_acronym_the_taxonomy_lacks_finds_what_it_stands_for() -> None:
    from lerkit.core.taxonomy.model import Competency, Taxonomy

    index = build_index(Taxonomy(name="t", title="t", competencies=[
        Competency("esl", "Teach English as a second language"),
        Competency("church", "Lead a church choir"),
        Competency("cdl", "CDL driving"),
    ]))
    best = search(index, "taught ESL at my church", top=1)[0]
    assert best.competency_id == "esl"
    assert best.matched_words == ("taught", "ESL")
    assert best.why.startswith('"taught", "ESL" matched the skill name')
    # an acronym the taxonomy uses matches as itself
    assert search(index, "I hold a CDL", top=1)[0].matched_text == "CDL driving"


def test_a_long_description_is_quoted_around_the_matched_word() -> None:
    from lerkit.core.matching.search import excerpt
    from lerkit.core.matching.text import tokenize

    text = ("Shops store shelves for customers' online or app orders, picks good fresh items "
            "and sensible substitutes, bags them by temperature, and hands them off.")
    terms = {t.term for t in tokenize("app")}
    cut = excerpt(text, terms, width=8)
    assert cut.startswith("…") and cut.endswith("…") and "app orders" in cut
    assert len(cut.strip("…").split()) == 8
    assert excerpt("Sorts the mail.", terms) == "Sorts the mail."  # short: whole
    assert excerpt(text, {"zzz"}) == text  # no such word: whole
