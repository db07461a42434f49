"""Where the person speaks Spanish: short answers read as Spanish, clear English still
English, and the commonest Spanish words ("va", "son", "hay") never matched in English."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pytest

from lerkit.core import resources
from lerkit.core.i18n import set_language
from lerkit.core.matching import build_index
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.languages import COMMON_ES, split
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Competency, LanguageTexts, Taxonomy


def _taxonomy() -> Taxonomy:
    c, t = Competency, LanguageTexts
    return Taxonomy(name="spoken", title="Spoken test taxonomy", competencies=[
        c("cleaning", "House cleaning", alt_labels=["residential cleaning"],
          phrasings=["cleaned houses for a maid service"],
          texts={"es": t("Limpieza de casas", "Limpia casas de clientes.",
                         ["limpieza residencial"], ["limpiaba casas con mi cuñada"])}),
        c("va", "VA benefits and claims", alt_labels=["VA caregiver program"],
          phrasings=["filed my dad's claim with the VA"],
          texts={"es": t("Beneficios del VA", "Ayuda con los reclamos del VA.", [],
                         ["le ayudé a mi papá con su reclamo del VA"])}),
        c("hay", "Hay baling", phrasings=["baled hay on my uncle's farm"]),
        c("van", "Van driving", phrasings=["drove the church van"]),
        c("family", "Family support", phrasings=["my son needed help with school"]),
        c("era", "Historic era research", phrasings=["researched the civil war era"]),
        c("forklift", "Forklift operation", phrasings=["drove a forklift in the warehouse"],
          texts={"es": t("Manejo de montacargas", "Maneja un montacargas.", [],
                         ["manejaba el montacargas en la bodega"])}),
    ])  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    taxonomy = _taxonomy()
    return Matcher(build_index(taxonomy), spanish=build_index(taxonomy, "es"))


@pytest.fixture
def in_spanish() -> Iterator[None]:
    """lerkit speaks Spanish for this test (English again afterwards)."""
    set_language("es")
    try:
        yield
    finally:
        set_language("en")


def _ids(matcher: Matcher, text: str, language: str | None = None) -> list[str]:
    return [m.competency_id for m in matcher.match(text, top=3, language=language)]


@pytest.mark.parametrize("text", ["limpiaba casas", "limpieza", "limpiar casas"])
def test_a_short_spanish_answer_reads_as_spanish_where_spanish_is_spoken(
        matcher: Matcher, text: str) -> None:
    assert matcher.reads_spanish(text, "es")
    assert _ids(matcher, text, "es")[0] == "cleaning"


def test_the_language_spoken_now_is_the_default(matcher: Matcher, in_spanish: None) -> None:
    assert matcher.reads_spanish("limpiaba casas")
    assert _ids(matcher, "limpiaba casas")[0] == "cleaning"


def test_in_english_a_short_answer_reads_as_before(matcher: Matcher) -> None:
    assert not matcher.reads_spanish("limpiaba casas")
    assert not matcher.reads_spanish("limpiaba casas", "en")


@pytest.mark.parametrize("text", [
    "I cleaned houses", "drove a forklift in the warehouse", "cleaned houses",
    "VA benefits for my dad",
])
def test_clear_english_stays_english_where_spanish_is_spoken(matcher: Matcher,
                                                              text: str) -> None:
    assert not matcher.reads_spanish(text, "es")
    assert matcher.match(text, language="es") == matcher.match(text, language="en")


def test_a_mixed_answer_is_still_spanish_where_spanish_is_spoken(matcher: Matcher) -> None:
    assert matcher.reads_spanish("manejaba el forklift", "es")
    assert _ids(matcher, "manejaba el forklift", "es")[0] == "forklift"


@pytest.mark.parametrize("text", [
    "ya no se va al hospital", "mi hijo va a la escuela", "ya no hay nada que hacer",
    "son muy buenos conmigo", "era muy bien pagado", "pues así nomás le ayudaba",
])
@pytest.mark.parametrize("language", ["es", "en"])
def test_common_spanish_words_never_match_english_texts(matcher: Matcher, text: str,
                                                        language: str) -> None:
    assert matcher.reads_spanish(text, language)
    found = matcher.match(text, top=5, language=language)
    assert not {"va", "hay", "era", "family"} & {m.competency_id for m in found}


def test_the_va_typed_in_capitals_still_finds_va_benefits(matcher: Matcher) -> None:
    assert _ids(matcher, "me ayudaron en el VA con los papeles", "es")[0] == "va"
    assert _ids(matcher, "the VA helped my dad")[0] == "va"  # an English answer


def test_la_van_is_the_vehicle(matcher: Matcher) -> None:
    found = {m.competency_id: m for m in matcher.match("manejaba la van de la iglesia",
                                                       language="es")}
    assert "van" in found and found["van"].matched_words == ("van",)
    assert "van" not in _ids(matcher, "los niños van a la iglesia", "es")


@pytest.mark.parametrize("word", (
    "va van voy vas iba fue era es son hay ya le les lo nos mi mis su sus muy más bien así "
    "nomás pues fui estaba tiene hace puede dice da ve sabe quiere viene pone"
).split())
def test_the_common_words_of_a_spanish_answer_go_to_no_english_text(word: str) -> None:
    parts = split(f"yo {word} limpiaba", lambda _t: True, lambda _t: True, prior="es")
    assert parts is not None
    english = {t.text: t.term for t in parts[0]}
    assert english[word] == ""


def test_the_list_has_the_words_of_ser_estar_ir_and_haber() -> None:
    assert {"va", "van", "voy", "vas", "iba", "fue", "era", "es", "son", "hay", "ya", "le",
            "les", "lo", "nos", "mi", "mis", "su", "sus", "muy", "mas", "bien", "asi",
            "nomas", "pues"} <= COMMON_ES


@lru_cache(maxsize=1)
def _lerkit() -> Matcher:
    taxonomy = load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")
    return Matcher(build_index(taxonomy), spanish=build_index(taxonomy, "es"))


def test_lerkits_taxonomy_limpiaba_casas_finds_house_cleaning() -> None:
    assert _ids(_lerkit(), "limpiaba casas", "es")[0] == "hospitality.residential-cleaning"
    assert _ids(_lerkit(), "limpieza de casas", "es")[0] == "hospitality.residential-cleaning"


def test_lerkits_taxonomy_va_as_a_verb_is_not_the_va() -> None:
    found = _ids(_lerkit(), "ya no se va al hospital", "es")
    assert "benefits.va-benefits" not in found
