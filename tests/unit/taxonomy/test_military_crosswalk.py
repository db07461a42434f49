"""The shipped military crosswalk: loads, points only at real codes and ids, finds entries."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest

from lerkit.core import resources
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.military import BRANCHES, MilitaryCrosswalk, code_keys, load_military
from tests.conftest import need_shared

# the shape of a code in each branch; also catches an unquoted Marine MOS such as 0311,
# which YAML reads as the octal number 201
CODE_SHAPES = {
    "army": re.compile(r"\d{2}[A-Z]|\d{3}[A-Z]"),  # 88N; warrant 153A
    "marine-corps": re.compile(r"\d{4}"),  # 0481
    "navy": re.compile(r"[A-Z]{2,3}"),  # LS, ABH
    "coast-guard": re.compile(r"[A-Z]{2,3}"),  # BM, AMT
    "air-force": re.compile(r"\d[A-Z]\dX\d"),  # 2T0X1
    "space-force": re.compile(r"\d[A-Z]\dX\d|\d{2}[A-Z]"),  # 1C6X1; officer 13S
}


@lru_cache(maxsize=1)
def _crosswalk() -> MilitaryCrosswalk:
    return load_military(resources.data_file("taxonomies", "crosswalks/military.yaml"))


@pytest.fixture
def crosswalk() -> MilitaryCrosswalk:
    return _crosswalk()


def test_shipped_file_loads_with_enough_entries(crosswalk: MilitaryCrosswalk) -> None:
    assert len(crosswalk.occupations) >= 150
    per_branch = Counter(o.branch for o in crosswalk.occupations)
    for branch in BRANCHES:
        assert per_branch[branch] >= (2 if branch == "space-force" else 5), (branch, per_branch)


def test_entries_are_complete(crosswalk: MilitaryCrosswalk) -> None:
    for occ in crosswalk.occupations:
        where = f"{occ.branch} {occ.code}"
        assert CODE_SHAPES[occ.branch].fullmatch(occ.code), f"{where}: unexpected code shape"
        assert code_keys(occ.code)[0] == occ.code, f"{where}: write the code in capitals"
        assert occ.title.strip(), where
        assert 2 <= len(occ.onet_soc) <= 5, f"{where}: {len(occ.onet_soc)} O*NET codes"
        assert 3 <= len(occ.competencies) <= 8, f"{where}: {len(occ.competencies)} competencies"
        assert len(set(occ.onet_soc)) == len(occ.onet_soc), f"{where}: repeated O*NET code"
        assert len(set(occ.competencies)) == len(occ.competencies), f"{where}: repeated id"


def test_every_onet_code_exists() -> None:
    data = need_shared("data/onet/Occupation Data.txt")
    lines = data.read_text(encoding="utf-8-sig").splitlines()
    known = {line.split("\t", 1)[0] for line in lines[1:] if line.strip()}
    assert len(known) > 900
    missing = [
        (occ.branch, occ.code, soc)
        for occ in _crosswalk().occupations
        for soc in occ.onet_soc
        if soc not in known
    ]
    assert missing == []


def test_every_competency_exists(crosswalk: MilitaryCrosswalk) -> None:
    taxonomy = load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")
    known = {c.id for c in taxonomy.competencies}
    missing = [
        (occ.branch, occ.code, comp)
        for occ in crosswalk.occupations
        for comp in occ.competencies
        if comp not in known
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "branch", "code"),
    [
        ("88N", "army", "88N"),
        ("88n30", "army", "88N"),
        ("88N 30", "army", "88N"),
        ("LS2", "navy", "LS"),
        ("LSC", "navy", "LS"),
        ("2T071", "air-force", "2T0X1"),
        ("2T0X1", "air-force", "2T0X1"),
        ("2t051", "air-force", "2T0X1"),
        ("0481", "marine-corps", "0481"),
        ("0311", "marine-corps", "0311"),
        ("68W10", "army", "68W"),
        ("ABH2", "navy", "ABH"),
        ("AMT2", "coast-guard", "AMT"),
        ("MK1", "coast-guard", "MK"),
        ("1C671", "space-force", "1C6X1"),
        ("Transportation Management Coordinator", "army", "88N"),
        ("transportation management coordinator", "army", "88N"),
        ("corpsman", "navy", "HM"),
        ("combat medic", "army", "68W"),
    ],
)
def test_lookup_finds_the_entry(
    crosswalk: MilitaryCrosswalk, text: str, branch: str, code: str
) -> None:
    hits = crosswalk.lookup(text)
    assert hits, text
    best = hits[0].occupation
    assert (best.branch, best.code) == (branch, code)
    assert hits[0].score >= 90


def test_code_hits_say_how_they_were_found(crosswalk: MilitaryCrosswalk) -> None:
    hits = crosswalk.lookup("88N30")
    assert [h.occupation.code for h in hits] == ["88N"]
    assert hits[0].how == "code 88N"
    assert hits[0].score == 100.0


def test_rating_shared_by_navy_and_coast_guard(crosswalk: MilitaryCrosswalk) -> None:
    hits = crosswalk.lookup("BM1")
    assert {(h.occupation.branch, h.occupation.code) for h in hits} == {
        ("navy", "BM"),
        ("coast-guard", "BM"),
    }
    titles = {h.occupation.title for h in hits}
    assert titles == {"Boatswain's Mate"}


def test_corpsman_is_only_the_hospital_corpsman(crosswalk: MilitaryCrosswalk) -> None:
    hits = crosswalk.lookup("corpsman")
    assert [(h.occupation.branch, h.occupation.code) for h in hits] == [("navy", "HM")]


def test_jargon_finds_entries_in_more_than_one_branch(crosswalk: MilitaryCrosswalk) -> None:
    found = {(h.occupation.branch, h.occupation.code) for h in crosswalk.lookup("grunt")}
    assert {("army", "11B"), ("marine-corps", "0311")} <= found


def test_unknown_text_finds_nothing(crosswalk: MilitaryCrosswalk) -> None:
    assert crosswalk.lookup("ZZ9") == []
    assert crosswalk.lookup("   ") == []


def test_the_word_it_is_not_the_it_specialist(crosswalk: MilitaryCrosswalk) -> None:
    """A sailor's rambling answer: "it" the pronoun names no IT job, and the jobs that
    trail the best title by more than a few points (sharing "specialist") are left out."""
    text = "MS2. it was mess management specialist back then, before they changed it"
    assert [(h.occupation.branch, h.occupation.code) for h in crosswalk.lookup(text)] == [
        ("navy", "CS")]
    typed = {h.occupation.code for h in crosswalk.lookup("I was an IT specialist in the army")}
    assert typed and typed <= {"IT", "25B", "170A"}
