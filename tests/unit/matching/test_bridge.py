"""The bridge: everyday words reach ESCO and O*NET through lerkit's competencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.matching import build_index
from lerkit.core.matching.bridge import Bridge, merge, scheme_of
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.resources import packaged
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Taxonomy
from lerkit.core.taxonomy.onet_pack import dwa_taxonomy, read_pack
from lerkit.core.taxonomy.table_format import load_table
from tests.conftest import need_shared

REPO = Path(__file__).resolve().parents[3]
MEDS_ESCO = "http://data.europa.eu/esco/skill/88b0c49e-7c2e-4ccc-aca3-fbd4bbc2081c"
MEDS_DWA = "4.A.4.a.5.I03.D06"  # Administer non-intravenous medications.


def _own() -> Taxonomy:
    return load_lerkit_yaml(REPO / "taxonomies" / "lerkit")


def _esco() -> Taxonomy:
    path = need_shared("data/eval/dev/esco_skill_spans.taxonomy.jsonl")
    return load_table(path, name="esco-skills")


@pytest.mark.parametrize(("ids", "scheme"), [
    (["http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"], "esco"),
    (["4.A.1.a.1.I01.D01", "4.A.4.a.5.I03.D06"], "onet_dwa"),
    (["4.A.1.a.1.I01"], "onet_iwa"),
    (["11-1011.00", "53-3032.00"], "onet_soc"),
    (["caregiving.medication-management"], None),
    ([], None),
])
def test_scheme_is_read_from_the_ids(ids: list[str], scheme: str | None) -> None:
    assert scheme_of(ids) == scheme


def test_lerkit_competencies_reach_real_esco_and_onet_entries() -> None:
    own = _own()
    dwas = dwa_taxonomy(read_pack(packaged("onet-pack.json.gz")))
    to_dwa = Bridge.between(own, [c.id for c in dwas.competencies])
    assert to_dwa is not None and to_dwa.scheme == "onet_dwa"
    assert MEDS_DWA in to_dwa.targets["caregiving.medication-management"]
    assert len(to_dwa.targets) == len(own.competencies)  # every competency has a real DWA
    esco = _esco()
    to_esco = Bridge.between(own, [c.id for c in esco.competencies])
    assert to_esco is not None and to_esco.scheme == "esco"
    assert MEDS_ESCO in to_esco.targets["caregiving.medication-management"]
    assert len(to_esco.targets) == len(own.competencies)


def test_a_bridged_match_is_explained_through_the_lerkit_competency() -> None:
    own_match = Match("lerkit", "caregiving.medication-management", "Medication management",
                      70.0, MatchedVia.PHRASING, "kept track of my son's medications and "
                      "appointments", ("medications",))
    bridge = Bridge("onet_dwa", {"caregiving.medication-management": (MEDS_DWA, "x.D02")})
    found = bridge.reached([own_match], "onet-dwa",
                           {MEDS_DWA: "Administer non-intravenous medications."})
    assert [m.competency_id for m in found] == [MEDS_DWA, "x.D02"]
    first = found[0]
    assert first.matched_via is MatchedVia.BRIDGE
    assert first.score == pytest.approx(70.0 * 0.6)
    assert first.through == "Medication management"
    assert first.why == ('through lerkit\'s "Medication management" ("medications"): '
                         '"kept track of my son\'s medications and appointments"')
    assert found[1].score < first.score  # later crosswalk entries count a little less


def test_the_bridge_into_esco_carries_more_than_the_one_into_onet() -> None:
    own_match = Match("lerkit", "c", "C", 70.0, MatchedVia.PHRASING, "sat with her", ("sat",))
    esco = Bridge("esco", {"c": ("e1", "e2")}).reached([own_match], "esco", {})
    dwa = Bridge("onet_dwa", {"c": ("d1", "d2")}).reached([own_match], "onet-dwa", {})
    assert [m.score for m in esco] == [70.0, pytest.approx(70.0 * 0.95, abs=0.05)]
    assert [m.score for m in dwa] == [pytest.approx(42.0), pytest.approx(37.8)]


def test_an_entry_reached_both_ways_gains_a_share_of_the_lower_score() -> None:
    direct = Match("t", "d", "D", 40.0, MatchedVia.LABEL, "D", ("d",))
    bridged = Match("t", "d", "D", 60.0, MatchedVia.BRIDGE, "x", ("x",), through="X")
    alone = Match("t", "e", "E", 62.0, MatchedVia.LABEL, "E", ("e",))
    found = merge([direct, alone], [bridged], top=5, agreement=0.15)
    assert [(m.competency_id, m.score) for m in found] == [("d", 66.0), ("e", 62.0)]
    assert found[0].matched_via is MatchedVia.BRIDGE
    assert Bridge("esco", {}).weights.agreement == 0.15
    assert Bridge("onet_dwa", {}).weights.agreement == 0.0


def test_merge_keeps_the_better_explanation() -> None:
    direct = Match("t", "d", "D", 40.0, MatchedVia.LABEL, "D", ("d",))
    bridged = Match("t", "d", "D", 60.0, MatchedVia.BRIDGE, "x", ("x",), through="X")
    other = Match("t", "e", "E", 50.0, MatchedVia.LABEL, "E", ("e",))
    only = Match("t", "f", "F", 45.0, MatchedVia.BRIDGE, "y", ("y",), through="Y")
    weaker = Match("t", "e", "E", 30.0, MatchedVia.BRIDGE, "z", ("z",), through="Z")
    found = merge([direct, other], [bridged, only, weaker], top=5)
    assert [(m.competency_id, m.score) for m in found] == [("d", 60.0), ("e", 50.0),
                                                           ("f", 45.0)]
    assert found[0].matched_via is MatchedVia.BRIDGE
    assert found[1].matched_via is MatchedVia.LABEL  # the direct match was the better one


def test_everyday_words_find_esco_through_the_bridge() -> None:
    own = _own()
    esco = _esco()
    own_matcher = Matcher(build_index(own))
    plain = Matcher(build_index(esco))
    bridged = Matcher(build_index(esco), bridge=Bridge.between(own, [c.id for c in
                                                                     esco.competencies]),
                      own=own_matcher)
    text = "kept track of my son's medications and appointments"
    assert MEDS_ESCO not in [m.competency_id for m in plain.match(text, top=10)]
    found = bridged.match(text, top=10)
    hit = next(m for m in found if m.competency_id == MEDS_ESCO)
    assert hit.matched_via is MatchedVia.BRIDGE
    assert hit.through == "Medication management"
