"""Tokens keep what was typed; terms normalise case, accents, spelling, stems and synonyms."""

from __future__ import annotations

import pytest

from lerkit.core.matching.stem import stem
from lerkit.core.matching.text import (
    ends_mid_word,
    normalize_word,
    spell_out_acronyms,
    term_of,
    terms,
    tokenize,
)


def test_tokens_keep_their_spans() -> None:
    text = "Drove a forklift; C.D.L. holder, résumé & C++!"
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
    assert [t.text for t in tokenize(text)] == [
        "Drove", "a", "forklift", "C.D.L.", "holder", "résumé", "C++",
    ]  # fmt: skip


def test_clauses_are_numbered() -> None:
    clauses = [t.clause for t in tokenize("cooked dinner. fixed cars, and sang")]
    assert clauses == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("managed", "manag"), ("management", "manag"), ("manager", "manag"),
        ("taught", "teach"), ("kids", "child"), ("children", "child"), ("organise", "organ"),
        ("organization", "organ"), ("colour", "color"), ("Résumé", "resum"), ("88N", "88n"),
        ("the", ""), ("x", ""), ("neighbour's", "neighbor"),
    ],
)  # fmt: skip
def test_terms(word: str, term: str) -> None:
    assert term_of(normalize_word(word)) == term


def test_acronyms_survive_stop_words() -> None:
    assert terms("IT support and help") == ["it", "support", "help"]
    assert terms("fixed it for them") == ["fix"]
    assert terms("AS400 and OR nursing") == ["as400", "or", "nurs"]
    assert terms("I FIXED IT") == ["fix"]  # all capitals: not acronyms


def test_stemmer_examples() -> None:
    assert [stem(w) for w in ("caresses", "ponies", "hopping", "filing", "happy")] == [
        "caress", "poni", "hop", "file", "happi",
    ]  # fmt: skip


def test_ends_mid_word() -> None:
    assert ends_mid_word("fork")
    assert not ends_mid_word("fork ")
    assert not ends_mid_word("forklift.")
    assert not ends_mid_word("")


def test_an_unknown_acronym_is_read_as_what_it_stands_for() -> None:
    tokens = spell_out_acronyms(tokenize("taught ESL at church"), lambda term: False)
    assert [t.word for t in tokens] == [
        "taught", "english", "as", "a", "second", "language", "at", "church"]
    assert {t.text for t in tokens[1:6]} == {"ESL"}  # shown as typed, with the ESL span
    assert {(t.start, t.end) for t in tokens[1:6]} == {(7, 10)}


def test_known_lowercase_and_shouted_acronyms_stay_as_typed() -> None:
    def kept(text: str, known: set[str]) -> list[str]:
        return [t.word for t in spell_out_acronyms(tokenize(text), known.__contains__)]

    assert kept("taught ESL here", {"esl"}) == ["taught", "esl", "here"]  # the taxonomy has it
    assert kept("taught esl here", set()) == ["taught", "esl", "here"]  # not in capitals
    assert kept("TAUGHT ESL HERE", set()) == ["taught", "esl", "here"]  # all capitals
    assert kept("ran the XYZ desk", set()) == ["ran", "the", "xyz", "desk"]  # not listed
    assert kept("a C.D.L. holder", set())[1:4] == ["commercial", "driver", "license"]


def test_a_compound_is_one_word() -> None:
    from lerkit.core.matching.text import tokenize

    found = [(t.text, t.term) for t in tokenize("pressed shirts at the dry cleaners")]
    assert ("dry cleaners", "dryclean") in found
    assert [t.term for t in tokenize("dry cleaning")] == [t.term for t in tokenize("dry cleaner")]
    assert "bank" not in [t.term for t in tokenize("I sorted cans at the food bank")]
    assert [t.text for t in tokenize("dry, cleaners")] == ["dry", "cleaners"]  # apart
