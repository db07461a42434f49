"""The default search on a fresh install: lerkit's competencies and O*NET's work activities
in one list, each suggestion saying where it comes from and why."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from lerkit.core.matching import build_index
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.meaning import load_model
from lerkit.core.matching.merged import MergedSearch
from lerkit.core.matching.types import MatchedVia
from lerkit.core.matching.vectors import build_meaning_index
from lerkit.core.resources import packaged
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Taxonomy, fingerprint
from lerkit.core.taxonomy.onet_pack import dwa_taxonomy, read_pack
from tests.conftest import need_shared

REPO = Path(__file__).resolve().parents[3]


@lru_cache(maxsize=1)
def _own() -> Taxonomy:
    return load_lerkit_yaml(REPO / "taxonomies" / "lerkit")


@lru_cache(maxsize=1)
def _dwas() -> Taxonomy:
    return dwa_taxonomy(read_pack(packaged("onet-pack.json.gz")))


def _matcher(taxonomy: Taxonomy, meaning: bool) -> Matcher:
    model = load_model() if meaning else None
    matcher = Matcher(build_index(taxonomy), note="" if model else "by words only")
    if model is not None:
        matcher.model = model
        matcher.meaning = build_meaning_index(taxonomy, model, fingerprint(taxonomy))
    return matcher


@lru_cache(maxsize=2)
def default_search(meaning: bool = True) -> MergedSearch:
    crosswalks = {c.id: frozenset(x for ids in c.crosswalk.values() for x in ids)
                  for c in _own().competencies}
    return MergedSearch(_matcher(_own(), meaning), [_matcher(_dwas(), meaning)], crosswalks)


@pytest.mark.parametrize(("text", "wanted"), [
    ("I took x-rays of patients at the hospital", {"4.A.3.a.3.I04.D04", "4.A.3.a.3.I04.D01"}),
    ("I piloted a tugboat pushing barges up the river",
     {"4.A.3.a.4.I01.D01", "4.A.3.a.4.I01.D02"}),
    ("ran the crane that lifts steel beams on job sites",
     {"4.A.3.a.3.I08.D03", "4.A.3.a.3.I08.D02"}),
])
def test_work_lerkit_never_named_finds_its_onet_activity(text: str, wanted: set[str]) -> None:
    found = default_search().match(text, top=5)
    hit = next((m for m in found if m.competency_id in wanted), None)
    assert hit is not None, [m.label for m in found]
    assert hit.taxonomy == "onet-dwa"
    assert hit.why  # every suggestion says why


def test_lerkit_competencies_keep_their_place_and_fold_their_dwas() -> None:
    search = default_search()
    found = search.match("kept track of my dad's pills and refilled his prescriptions", top=8)
    assert found[0].taxonomy == "lerkit"
    assert found[0].competency_id == "caregiving.medication-management"
    shown_own = [m.competency_id for m in found if m.taxonomy == "lerkit"]
    for m in found:
        if m.taxonomy == "onet-dwa":
            above = shown_own[: [x.competency_id for x in found].index(m.competency_id)]
            assert not any(m.competency_id in search.crosswalks[c] for c in above)


def test_words_only_still_searches_both() -> None:
    search = default_search(meaning=False)
    assert not search.by_meaning and search.note == "by words only"
    found = search.match("operated the elevator repair tools", top=5)
    assert {m.taxonomy for m in found} <= {"lerkit", "onet-dwa"}
    assert all(m.matched_via is not MatchedVia.MEANING for m in found)


def _column(relative: str, column: str) -> set[str]:
    with need_shared(relative).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {" ".join(row[column].casefold().split()) for row in rows}


def test_evaluation_text_is_never_matching_text() -> None:
    """O*NET's task statements and reported titles are what matching is measured on: no
    task statement is matching text (but the few worded exactly as a DWA's own title), and
    no reported title comes in with O*NET's text. (lerkit's own alternative labels name
    common jobs, "barber", "livestock handler", as people say them.)"""
    tasks = _column("data/onet/Task Statements.txt", "Task")
    reported = _column("data/onet/Sample of Reported Titles.txt", "Reported Job Title")
    dwa_titles = {" ".join(c.label.casefold().split()) for c in _dwas().competencies}
    for matcher in (default_search().own, *default_search().others):
        texts = {" ".join(t.casefold().split()) for t in matcher.lexical.entry_texts}
        assert matcher.meaning is not None
        texts |= {" ".join(t.casefold().split()) for t in matcher.meaning.texts}
        assert texts & tasks <= dwa_titles
        if matcher.taxonomy == "onet-dwa":
            assert texts & reported == set()


@pytest.mark.parametrize("text", ["my son", "for ten years, twice a day", "kept it going"])
def test_words_without_meaning_suggest_nothing_by_meaning_either(text: str) -> None:
    assert default_search().match(text, top=5) == []
