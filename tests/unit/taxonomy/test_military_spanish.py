"""Spanish titles of the military crosswalk, as US veterans say them."""

from __future__ import annotations

import pytest

from lerkit.core.taxonomy.military_scan import military_context
from lerkit.services import military


def _jobs(text: str) -> set[tuple[str, str]]:
    return {(f.hit.occupation.branch, f.hit.occupation.code)
            for f in military.scanner().find(text)}


@pytest.mark.parametrize(("title", "branch", "code"), [
    ("policía militar", "army", "31B"),
    ("policia militar", "army", "31B"),
    ("cocinero del ejército", "army", "92G"),
    ("mecánico del ejército", "army", "91B"),
    ("médico de combate", "army", "68W"),
    ("sargento de abastecimiento", "army", "92Y"),
    ("fusilero de infantería de marina", "marine-corps", "0311"),
    ("cocinero de la marina", "navy", "CS"),
    ("policía de la fuerza aérea", "air-force", "3P0X1"),
])  # fmt: skip
def test_spanish_titles_are_looked_up(title: str, branch: str, code: str) -> None:
    hits = military.crosswalk().lookup(title)
    assert (hits[0].occupation.branch, hits[0].occupation.code) == (branch, code)


@pytest.mark.parametrize(("text", "job"), [
    ("fui cocinero del ejército por seis años", ("army", "92G")),
    ("en el army era mecánico", ("army", "91B")),
    ("era policia militar en Irak", ("army", "31B")),
    ("fui cabo en la infantería de marina, fusilero", ("marine-corps", "0311")),
    ("sargento de pelotón en los marines", ("marine-corps", "0369")),
])  # fmt: skip
def test_spanish_titles_are_found_in_answers(text: str, job: tuple[str, str]) -> None:
    assert job in _jobs(text)


@pytest.mark.parametrize("text", [
    "estuve en el ejército", "serví en la marina", "fui sargento", "guardia nacional",
    "en la fuerza aérea", "era soldado", "veterano de la navy",
])
def test_spanish_words_of_service_are_military_context(text: str) -> None:
    assert military_context(text)


@pytest.mark.parametrize("text", [
    "I worked at the marina cleaning boats", "mecánico de carros en el taller de mi primo",
    "we went to Cabo San Lucas", "cocinero en un restaurante",
])
def test_everyday_spanish_is_not_taken_for_service(text: str) -> None:
    assert _jobs(text) == set()
