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


@pytest.mark.parametrize("text", [
    "fui sargento en la infanteria de marina, manejaba el motor pool",
    "serví cuatro años en la infantería de marina",
    "fui soldado de infantería de marina",
])
def test_infanteria_de_marina_is_the_marine_corps_not_the_armys_infantry(text: str) -> None:
    found = _jobs(text)
    assert ("army", "11B") not in found
    assert all(branch == "marine-corps" for branch, _code in found)


def test_infanteria_alone_in_a_military_answer_is_still_the_armys_11b() -> None:
    assert ("army", "11B") in _jobs("en el ejército estuve en la infantería")


@pytest.mark.parametrize(("text", "jobs"), [
    ("fui cocinero en la infantería de marina", {("marine-corps", "3381")}),
    ("fui cocinero en el ejército", {("army", "92G")}),
    ("cocinero de la marina", {("navy", "CS")}),
    ("policía militar de la infantería de marina", {("marine-corps", "5811")}),
    ("fui policía militar en el ejército", {("army", "31B")}),
    ("fui soldado de infantería de marina", {("marine-corps", "0311")}),
])  # fmt: skip
def test_a_title_is_taken_for_the_branch_the_answer_names(
        text: str, jobs: set[tuple[str, str]]) -> None:
    assert _jobs(text) == jobs


def test_fui_cabo_en_el_ejercito_still_speaks_of_service() -> None:
    assert military_context("fui cabo en el ejército")
    assert _jobs("fui cabo en el ejército, en la infantería") == {("army", "11B")}
    assert _jobs("fui cabo en el ejército, mecánico") == {("army", "91B")}


def test_the_lookup_leaves_out_titles_that_cut_the_branchs_name() -> None:
    found = [(h.occupation.branch, h.occupation.code)
             for h in military.crosswalk().lookup("fui sargento en la infantería de marina")]
    assert found and ("army", "11B") not in found
    assert military.crosswalk().lookup("infantería")[0].occupation.code == "11B"
