"""The shortlist rules: one sense per answer, and only suggestions close to the best."""

from __future__ import annotations

from lerkit.core.matching.shortlist import ONE_SENSE, close_to_best, one_sense
from lerkit.core.matching.types import Match, MatchedVia
from tests.unit.matching.test_default_search import default_search


def _match(cid: str, score: float, *words: str, taxonomy: str = "lerkit") -> Match:
    return Match(taxonomy=taxonomy, competency_id=cid, label=cid, score=score,
                 matched_via=MatchedVia.PHRASING, matched_text=cid, matched_words=words)


def _area(match: Match) -> str:
    return match.competency_id.split(".")[0] if match.taxonomy == "lerkit" else match.taxonomy


def test_a_word_taken_by_another_area_counts_less() -> None:
    found = [_match("beauty.nails", 68.0, "nails", "salon"),
             _match("pets.grooming", 40.0, "nails"),
             _match("beauty.hair", 39.0, "salon")]
    ranked = one_sense(found, _area)
    assert [m.competency_id for m in ranked] == ["beauty.nails", "beauty.hair", "pets.grooming"]
    assert ranked[2].score == round(40.0 * ONE_SENSE, 1)
    assert ranked[1].score == 39.0  # same area as the one that took "salon": unchanged


def test_a_suggestion_with_a_word_of_its_own_keeps_its_score() -> None:
    found = [_match("a.first", 60.0, "watch"), _match("b.second", 50.0, "watch", "ship")]
    assert [m.score for m in one_sense(found, _area)] == [60.0, 50.0]


def test_suggestions_without_shared_words_and_other_taxonomies() -> None:
    found = [_match("a.first", 60.0, "line"), _match("b.meaning", 55.0),
             _match("4.A.1", 54.0, "line", taxonomy="onet-dwa"),
             _match("4.A.2", 53.0, "line", taxonomy="onet-dwa")]
    ranked = one_sense(found, _area)
    assert ranked[0].competency_id == "a.first"
    assert ranked[1] == found[1]  # close in meaning only: nothing to compare
    # both O*NET entries read "line" after a lerkit area took it; they stay in order
    assert [m.competency_id for m in ranked[2:]] == ["4.A.1", "4.A.2"]
    assert ranked[2].score == round(54.0 * ONE_SENSE, 1)


def test_close_to_best_keeps_what_is_near_the_top() -> None:
    found = [_match("a", 50.0), _match("b", 31.0), _match("c", 30.0), _match("d", 29.9)]
    assert [m.competency_id for m in close_to_best(found, 0.6)] == ["a", "b", "c"]
    assert close_to_best([]) == []
    assert close_to_best(found, 0.0) == found


def test_the_default_search_reads_one_sense_per_answer() -> None:
    """Nails at a salon: Pet grooming, found by 'nails' alone after the manicure took
    it, gives way to the salon's other services."""
    found = default_search().match("I did acrylic and gel nails at a salon for six years",
                                   top=8, areas=["-household", "-networks"])
    ids = [m.competency_id for m in found]
    assert ids[0] == "personal-services.nail-care"
    assert "outdoors.pet-grooming" not in ids[:3]
    grooming = [m for m in found if m.competency_id == "outdoors.pet-grooming"]
    assert not grooming or grooming[0].matched_words == ("nails",)


def test_a_military_jobs_skills_are_always_shown() -> None:
    job = Match(taxonomy="lerkit", competency_id="logistics.supply", label="Supply",
                score=90.0, matched_via=MatchedVia.CROSSWALK, matched_text="92A",
                matched_words=())
    found = [job, _match("a", 40.0, "convoys"), _match("b", 25.0, "fuel"),
             _match("c", 23.0, "tents")]
    # the floor is 0.6 of the best word match (40), not of the job's skill
    assert [m.competency_id for m in close_to_best(found, 0.6)] == ["logistics.supply", "a", "b"]
    assert close_to_best([job], 0.6) == [job]
