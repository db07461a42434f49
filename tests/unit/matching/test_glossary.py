"""The Spanish -> English word list: learnt from lerkit's own texts, read by the meaning
model for Spanish answers, never shown as the person's words."""

from __future__ import annotations

import subprocess
import sys
from functools import lru_cache

import pytest

from lerkit.core.matching.glossary import gloss, learn, spanish_glossary
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.meaning import StaticModel
from lerkit.core.matching.spanish import SPANISH
from lerkit.core.matching.text import fold, tokenize
from lerkit.core.matching.types import MatchedVia
from tests.conftest import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))
from matchers import hybrid, model, own_taxonomy, shipped_dwas


@lru_cache(maxsize=1)
def _model() -> StaticModel:
    found = model()
    if found is None:
        pytest.skip("the meaning model is not available")
    return found


def test_word_translations_are_learnt_from_texts_that_say_the_same_thing() -> None:
    pairs = [(["cas", "roj"], ["red", "house"]), (["cas", "azul"], ["blue", "house"]),
             (["perr", "roj"], ["red", "dog"]), (["perr", "azul"], ["blue", "dog"])]
    words = learn(pairs)
    assert {stem: found[0][0] for stem, found in words.items()} == {
        "cas": "house", "roj": "red", "azul": "blue", "perr": "dog"}


def test_the_shipped_list_knows_everyday_spanish() -> None:
    words = spanish_glossary()
    assert len(words) > 3000

    def first(word: str) -> str:
        return words[tokenize(word, SPANISH)[0].term][0]

    assert first("pastillas") in {"medicines", "medicine", "pills"}
    assert first("corazón") == "heart"
    assert first("troca") in {"truck", "trucks"}  # a US Spanish form, read as "camión"
    assert first("estantes") in {"shelves", "shelf"}


def test_the_gloss_keeps_english_words_and_renders_spanish_ones() -> None:
    english = tokenize("forklift")
    spanish = tokenize("manejaba el montacargas en el almacén", SPANISH)
    stems = {t.word: t.term for t in spanish}
    said = gloss(english, spanish, {stems["almacen"]: ("warehouse",),
                                    stems["manejaba"]: ("drove", "ran")})
    assert said == "forklift drove ran warehouse"
    assert gloss([], tokenize("xyzzy", SPANISH), spanish_glossary()) == ""


def test_the_shipped_list_is_what_the_texts_give_now() -> None:
    done = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "build_glossary.py"),
                           "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_spanish_answer_is_also_matched_by_meaning() -> None:
    text = "le daba a mi abuela sus pastillas del corazón cada mañana"
    by_words = hybrid(own_taxonomy(), None).match(text, top=1, language="es")
    with_meaning = hybrid(own_taxonomy(), _model()).match(text, top=1, language="es")
    assert by_words[0].competency_id != "caregiving.medication-management"
    assert with_meaning[0].competency_id == "caregiving.medication-management"
    assert with_meaning[0].matched_words == ("pastillas",)  # the person's own word


def test_without_spanish_texts_the_gloss_finds_by_meaning_never_by_invented_words() -> None:
    dwas: Matcher = hybrid(shipped_dwas(), _model())
    text = "reparaba llaves que goteaban en los baños del edificio"
    found = dwas.match(text, top=5, language="es")
    assert "Repair pipes to stop leaking." in [m.label for m in found]
    typed = {fold(t.text) for t in tokenize(text)}
    for match in found:
        assert {fold(w) for w in match.matched_words} <= typed
        if not match.matched_words:
            assert match.matched_via is MatchedVia.MEANING
    english_only = dwas.match("repaired leaking faucets in the building's bathrooms", top=5)
    assert max(m.score for m in found) < max(m.score for m in english_only)


def test_what_a_gloss_finds_is_always_shown_as_close_in_meaning() -> None:
    dwas: Matcher = hybrid(shipped_dwas(), _model())
    found = dwas._direct("repaired leaking faucets and pipes", 100, {}, 40, theirs=False)
    assert len(found) == 40
    assert all(m.matched_via is MatchedVia.MEANING and m.matched_words == () for m in found)
    theirs = dwas._direct("repaired leaking faucets and pipes", 100, {}, 40)
    assert any(m.matched_words for m in theirs)


def test_a_gloss_match_with_no_neighbour_in_meaning_is_named_by_its_label(
        monkeypatch: pytest.MonkeyPatch) -> None:
    dwas: Matcher = hybrid(shipped_dwas(), _model())
    assert dwas.meaning is not None
    monkeypatch.setattr(dwas.meaning, "nearest", lambda *args, **kwargs: [])
    found = dwas._direct("repaired leaking faucets and pipes", 100, {}, 10, theirs=False)
    assert found and all(m.matched_via is MatchedVia.MEANING and m.matched_text == m.label
                         and m.matched_words == () for m in found)
