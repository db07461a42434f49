"""Spanish and mixed Spanish/English answers: the Spanish pipeline, telling the language,
matching each word in its language, explanations in the words typed, and English as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.i18n import set_language
from lerkit.core.matching import build_index, load_index, save_index
from lerkit.core.matching.bilingual import SPANISH_NOTE, WORDS_ONLY_NOTE
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.spanish import SPANISH, normalize_es, term_es
from lerkit.core.matching.text import tokenize
from lerkit.core.taxonomy.model import Competency, LanguageTexts, Taxonomy


def _taxonomy() -> Taxonomy:
    c, t = Competency, LanguageTexts
    return Taxonomy(name="bilingual", title="Bilingual test taxonomy", competencies=[
        c("forklift", "Forklift operation", alt_labels=["powered industrial truck operation"],
          phrasings=["drove a forklift in the warehouse"],
          texts={"es": t("Manejo de montacargas", "Maneja un montacargas en un almacén.",
                         ["operación de montacargas"],
                         ["manejaba el montacargas en la bodega"])}),
        c("insurance", "Insurance claims", phrasings=["called the insurance about a claim"],
          texts={"es": t("Reclamos al seguro", "Hace reclamos a la compañía de seguros.", [],
                         ["llamaba al seguro por un reclamo"])}),
        c("truck", "Truck driving", phrasings=["drove a semi truck cross country"],
          texts={"es": t("Manejo de camiones", "Maneja camiones de carga.", [],
                         ["manejaba un camión de carga por todo el país"])}),
        c("meds", "Medication management", phrasings=["kept track of my son's pills"],
          texts={"es": t("Manejo de medicamentos", "Da las medicinas a su hora.", [],
                         ["le daba sus pastillas a mi papá a la hora correcta"])}),
        c("budget", "Household budgeting", phrasings=["kept the family on a budget"]),
    ])  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    taxonomy = _taxonomy()
    return Matcher(build_index(taxonomy), spanish=build_index(taxonomy, "es"))


def _ids(matcher: Matcher, text: str) -> list[str]:
    return [m.competency_id for m in matcher.match(text, top=3)]


@pytest.mark.parametrize(("typed", "standard"), [
    ("troca", "camion"), ("trocas", "camiones"), ("aseguranza", "seguro"),
    ("biles", "facturas"), ("yarda", "jardin"), ("marqueta", "mercado"),
    ("lonche", "almuerzo"), ("parqueaba", "estacionaba"), ("rentamos", "alquilamos"),
    ("Después", "despues"), ("parque", "parque"), ("cheque", "cheque"),
])  # fmt: skip
def test_us_spanish_forms_become_the_standard_word(typed: str, standard: str) -> None:
    assert normalize_es(typed) == standard


def test_spanish_words_are_stemmed_and_stop_words_dropped() -> None:
    assert term_es("camiones") == term_es("camión") == term_es("camion")
    assert term_es("manejaba") == term_es("manejando")
    assert term_es("los") == term_es("the") == ""


def test_aplicar_is_solicitar_only_before_para() -> None:
    applied = [t.term for t in tokenize("aplicaba para el trabajo", SPANISH)]
    creamed = [t.term for t in tokenize("aplicaba la crema", SPANISH)]
    assert applied[0] == term_es("solicitaba") and creamed[0] == term_es("aplicaba")


@pytest.mark.parametrize("text", [
    "trabajé en el warehouse manejando el forklift", "manejaba la troca por todo el pais",
    "llamaba a la aseguranza", "le daba sus pastillas a mi papa",
])
def test_spanish_and_mixed_answers_read_as_spanish(matcher: Matcher, text: str) -> None:
    assert matcher.reads_spanish(text)


@pytest.mark.parametrize("text", [
    "drove a forklift at the warehouse", "moved to Los Angeles and drove a truck",
    "de-escalated angry customers", "Use dental air turbines and surgical implements",
    "IT Principal Software Engineer", "played solo guitar at the cafe",
])
def test_english_answers_do_not(matcher: Matcher, text: str) -> None:
    assert not matcher.reads_spanish(text)


def test_a_spanish_answer_finds_the_spanish_texts(matcher: Matcher) -> None:
    found = matcher.match("manejaba la troca por todo el pais", top=3)
    assert found[0].competency_id == "truck"
    assert "manejaba" in found[0].matched_words and "troca" in found[0].matched_words
    assert found[0].matched_text == "manejaba un camión de carga por todo el país"
    assert _ids(matcher, "llamaba a la aseguranza por un reclamo")[0] == "insurance"


def test_a_mixed_answer_uses_both_languages(matcher: Matcher) -> None:
    found = matcher.match("trabajé en el warehouse manejando el forklift", top=3)
    assert found[0].competency_id == "forklift"
    assert {"warehouse", "forklift"} <= set(found[0].matched_words)


def test_an_english_answer_ranks_as_without_spanish_texts(matcher: Matcher) -> None:
    english_only = Matcher(matcher.lexical)
    for text in ("drove a forklift at the warehouse", "kept track of my son's pills",
                 "called the insurance about my claim", "kept the family on a budget"):
        assert matcher.match(text) == english_only.match(text)
        assert matcher.notice(text) == ""


def test_spanish_answers_say_how_they_are_matched(matcher: Matcher,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert matcher.notice("manejaba la troca") == ""  # no meaning model here
    with_meaning = Matcher(matcher.lexical, spanish=matcher.spanish, model=object(),  # type: ignore[arg-type]
                           meaning=object())  # type: ignore[arg-type]
    assert with_meaning.notice("manejaba la troca") == SPANISH_NOTE  # through the gloss
    without_texts = Matcher(matcher.lexical)
    assert "no Spanish texts" in without_texts.notice("manejaba la troca por todo el pais")
    # without the word list, the meaning model cannot read Spanish at all
    monkeypatch.setattr("lerkit.core.matching.hybrid.spanish_glossary", dict)
    assert with_meaning.notice("manejaba la troca") == WORDS_ONLY_NOTE


def test_the_explanation_speaks_the_current_language(matcher: Matcher) -> None:
    found = matcher.match("manejaba la troca por todo el pais", top=1)[0]
    try:
        set_language("es")
        assert "una forma cotidiana de decirlo" in found.why and '"troca"' in found.why
    finally:
        set_language("en")
    assert "an everyday way to say it" in found.why


def test_a_spanish_index_is_saved_and_read_with_its_language(matcher: Matcher,
                                                            tmp_path: Path) -> None:
    assert matcher.spanish is not None
    save_index(matcher.spanish, tmp_path / "es.idx")
    loaded = load_index(tmp_path / "es.idx")
    assert loaded.language == "es" and loaded.terms == matcher.spanish.terms
    assert "budget" in loaded.ids and len(loaded.ids) == len(matcher.lexical.ids)


def test_zc_forms_of_cer_and_cir_verbs_stem_as_the_verb() -> None:
    from lerkit.core.matching.spanish import term_es

    for form, verb in (("traduzco", "traducir"), ("conozco", "conocer"),
                       ("ofrezca", "ofrecer"), ("produzcan", "producir")):
        assert term_es(form) == term_es(verb)
    assert term_es("pizca") != term_es("pice")  # too short a root: left as it is
