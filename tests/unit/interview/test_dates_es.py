"""Dates in Spanish, the way people type them: with or without accents, any case."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lerkit.core.interview import parse_when

TODAY = date(2026, 5, 1)
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
SEASONS = {"invierno": 1, "primavera": 4, "verano": 7, "otoño": 10}
NUMBER_WORDS = {"un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
                "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
                "veinte": 20}


def _plain(text: str) -> str:
    """The same words typed without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "iso", "exact"),
    [
        ("desde 2015", "2015", True),
        ("primavera de 2019", "2019-04", False),
        ("marzo de 2012", "2012-03", True),
        ("Sept. de 2015", "2015-09", True),
        ("en diciembre del 2020", "2020-12", True),
        ("otoño 2016", "2016-10", False),
        ("como en 2010", "2010", False),
        ("más o menos 2008", "2008", False),
        ("a principios de 2014", "2014", False),
        ("hace 3 años", "2023", False),
        ("hace unos seis meses", "2025", False),
        ("el año pasado", "2025", False),
        ("este año", "2026", True),
        ("en los 90", "1990", False),
        ("como 3 años", None, False),
        ("unos tres años", None, False),
        ("de vez en cuando", None, False),
        ("todavía", None, False),
    ],
)
def test_spanish_dates(text: str, iso: str | None, exact: bool) -> None:
    when = parse_when(text, TODAY)
    assert when.text == text
    assert (when.iso, when.exact) == (iso, exact)
    assert parse_when(_plain(text), TODAY).iso == iso


@pytest.mark.parametrize(
    "text",
    ["todavía", "todavia", "hasta ahora", "sigo haciéndolo", "sigo haciendolo",
     "aún lo hago", "actualmente", "hasta la fecha", "hasta hoy", "TODAVÍA",
     "desde 2015 hasta ahora"],
)
def test_still_going(text: str) -> None:
    when = parse_when(text, TODAY)
    assert when.ongoing and not when.sporadic


@pytest.mark.parametrize(
    "text", ["de vez en cuando", "a veces", "por temporadas", "cuando podía", "a ratos"]
)
def test_on_and_off(text: str) -> None:
    when = parse_when(text, TODAY)
    assert when.sporadic and not when.ongoing


def test_on_and_off_and_still_going() -> None:
    when = parse_when("todavía, de vez en cuando", TODAY)
    assert when.sporadic and when.ongoing


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("como 3 años", 36),
        ("unos tres años", 36),
        ("dos años y medio", 30),
        ("un año y medio", 18),
        ("año y medio", 18),
        ("medio año", 6),
        ("seis meses", 6),
        ("un par de años", 24),
        ("unas seis semanas", 1),
        ("un mes", 1),
    ],
)
def test_lengths_of_time(text: str, months: int) -> None:
    assert parse_when(text, TODAY).months_long == months
    assert parse_when(_plain(text), TODAY).months_long == months


@given(month=st.integers(1, 12), year=st.integers(1950, 2030), accents=st.booleans(),
       upper=st.booleans(), joiner=st.sampled_from([" de ", " del ", " ", ", "]))
def test_any_spanish_month_and_year(month: int, year: int, accents: bool, upper: bool,
                                   joiner: str) -> None:
    text = f"{MONTHS[month - 1]}{joiner}{year}"
    text = text if accents else _plain(text)
    text = text.upper() if upper else text
    when = parse_when(text, TODAY)
    assert when.iso == f"{year:04d}-{month:02d}" and when.exact


@given(season=st.sampled_from(sorted(SEASONS)), year=st.integers(1950, 2030),
       accents=st.booleans())
def test_any_season(season: str, year: int, accents: bool) -> None:
    text = f"{season} de {year}"
    when = parse_when(text if accents else _plain(text), TODAY)
    assert when.iso == f"{year:04d}-{SEASONS[season]:02d}" and not when.exact


@given(word=st.sampled_from(sorted(NUMBER_WORDS)), digits=st.booleans(),
       unit=st.sampled_from(["años", "anos", "meses"]),
       hedge=st.sampled_from(["", "como ", "unos ", "más o menos ", "casi "]))
def test_any_length(word: str, digits: bool, unit: str, hedge: str) -> None:
    number = NUMBER_WORDS[word]
    amount = str(number) if digits else word
    singular = {"años": "año", "anos": "ano", "meses": "mes"}[unit] if number == 1 else unit
    when = parse_when(f"{hedge}{amount} {singular}", TODAY)
    assert when.months_long == (number * 12 if unit != "meses" else number)
    assert when.approximate == bool(hedge) and when.iso is None


@given(st.text(max_size=80))
def test_never_fails(text: str) -> None:
    when = parse_when(text, TODAY)
    assert when.text == " ".join(text.split())
