"""Words without meaning of their own are never evidence of a skill on their own.

Function words, time phrases ("twice a day", "ten years"), generic verbs ("kept", "did",
"gave", "ran") and family words ("my son") may help a match that meaningful words make,
but never make one alone, and an explanation never names them.
"""

from __future__ import annotations

import pytest

from lerkit.core.matching import MatchIndex, build_index, search
from lerkit.core.matching.text import is_weak, term_of, tokenize
from lerkit.core.taxonomy.model import Competency, Taxonomy


def _index() -> MatchIndex:
    return build_index(Taxonomy(name="t", title="t", competencies=[
        Competency("teach", "Teaching classes in a congregation",
                   phrasings=["taught Sunday school for ten years"]),
        Competency("measure", "Reading plans and measuring",
                   phrasings=["measured twice and cut once"]),
        Competency("appeals", "Mail, phone and online appeals",
                   phrasings=["gave a talk every day asking for gifts"]),
        Competency("meds", "Medication management",
                   phrasings=["kept track of my son's medications"]),
        Competency("heavy", "Heavy equipment operation", phrasings=["ran the excavator"]),
    ]))


@pytest.mark.parametrize("text", [
    "for ten years",
    "twice a day",
    "I did it every day for years",
    "my son",
    "kept it going",
    "gave and ran",
    "I did the vest twice a day",
    "every Sunday in June",
    "the old ones",
])
def test_weak_words_alone_suggest_nothing(text: str) -> None:
    assert search(_index(), text, top=5) == []


def test_a_meaningful_word_makes_the_match_and_only_it_is_named() -> None:
    found = search(_index(), "kept my son's medications straight for ten years")
    assert found[0].competency_id == "meds"
    assert found[0].matched_words == ("medications",)
    assert all(m.competency_id != "teach" for m in found)  # "ten years" is not evidence


def test_a_generic_verb_needs_its_object() -> None:
    found = search(_index(), "ran the nebulizer twice a day", top=5)
    assert [m.competency_id for m in found] == []
    found = search(_index(), "ran the excavator", top=5)
    assert found[0].competency_id == "heavy"
    assert found[0].matched_words == ("excavator",)


@pytest.mark.parametrize(("word", "weak"), [
    ("kept", True), ("did", True), ("gave", True), ("ran", True), ("son", True),
    ("daughter", True), ("twice", True), ("years", True), ("day", True), ("2019", True),
    ("medications", False), ("convoy", False), ("nebulizer", False), ("insurance", False),
    ("fundraising", False), ("childcare", False), ("Sunday", True), ("Saturdays", True),
    ("October", True), ("old", True), ("march", False), ("chimney", False),
])
def test_which_words_are_weak(word: str, weak: bool) -> None:
    term = term_of(tokenize(word)[0].word)
    assert (is_weak(term) or term == "") is weak  # "" is a stop word: weaker still


def test_a_dish_name_reads_as_food() -> None:
    index = build_index(Taxonomy(name="t", title="t", competencies=[
        Competency("home", "Selling food made at home",
                   phrasings=["sold plates of food on Saturdays"]),
        Competency("book", "Bookkeeping", phrasings=["kept the books"]),
    ]))
    found = search(index, "I sold tamales at the soccer games", top=5)
    assert found[0].competency_id == "home"
    assert set(found[0].matched_words) == {"sold", "tamales"}  # named as typed
    assert term_of("empanadas") == term_of("food")
    assert term_of("cookies") != term_of("food")  # a word with another common sense
