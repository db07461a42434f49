"""Military jobs named inside any answer, by code or by title."""

from __future__ import annotations

import pytest

from lerkit.core.matching.types import MatchedVia
from lerkit.services import military


def _jobs(text: str) -> set[str]:
    return {f.hit.occupation.code for f in military.scanner().find(text)}


@pytest.mark.parametrize(("text", "codes"), [
    ("Transportation Management Coordinator, later Automated Logistical Specialist (92A)",
     {"88N", "92A"}),
    ("I was a 92A30 for six years", {"92A"}),
    ("Started as 2T071 at Ramstein, then cross-trained into 2T2X1", {"2T0X1", "2T2X1"}),
    ("I was an LS2 on a destroyer", {"LS"}),
    ("Navy, rating LS, and I ran the supply office", {"LS"}),
    ("Marines, 0311, two deployments", {"0311"}),
])
def test_codes_and_titles_are_found_anywhere(text: str, codes: set[str]) -> None:
    assert codes <= _jobs(text)


@pytest.mark.parametrize("text", [
    "I did IT support for a small company from 2011 to 2019",
    "grunt work at the warehouse, lifting boxes all day",
    "I was the MA of the family, keeping everyone fed",
    "I worked at 3531 Main Street for a moving company",
])
def test_everyday_words_are_not_taken_for_military_jobs(text: str) -> None:
    assert _jobs(text) == set()


def test_a_named_job_keeps_one_word_of_another_branch_out() -> None:
    army = ("I was a wheeled vehicle mechanic in the Army, 91B. Most days we pulled services "
            "on the Humvees and the LMTVs")
    assert _jobs(army) == {"91B"}  # not the Air Force's 3F1X1, "Services"
    assert "3F1X1" in _jobs("I worked in services in the Air Force, ran the dining hall")
    assert _jobs("I was a corpsman with the Marines") == {"HM"}  # a Navy job, with Marines


def test_found_jobs_bring_their_skills_explained_by_the_job() -> None:
    found = military.in_text("Automated Logistical Specialist (92A)")
    assert found and all(m.matched_via is MatchedVia.CROSSWALK for m in found)
    assert found[0].why == "from your military job 92A (Automated Logistical Specialist, Army)"
    assert len(found) <= military.PER_JOB_IN_TEXT


def test_a_title_of_several_branches_names_them_all_not_one_as_theirs() -> None:
    """"diesel mechanic" is a job of the Army, the Marines and the Navy: with no branch
    said, the suggestions do not call one of them the person's job."""
    found = military.in_text("diesel mechanic on a ship basicly")
    assert found
    assert found[0].why == ('from your military job "diesel mechanic" '
                            "(91B Army, 3521 Marine Corps or EN Navy)"), found[0].why
    navy = military.in_text("diesel mechanic in the navy")
    assert navy[0].why == "from your military job EN (Engineman, Navy)"
