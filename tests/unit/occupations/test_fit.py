"""Fit: weighted coverage with part credit for a shared IWA; finding occupations."""

from __future__ import annotations

import pytest

from lerkit.core.occupations.explain import gap, reasons
from lerkit.core.occupations.fit import IWA_CREDIT
from lerkit.core.occupations.profile import MILITARY, Skill, build_profile
from tests.unit.occupations.small_pack import DRIVE, ROUTE, SHIP, TEACH, small_index


def test_fit_is_the_weighted_share_shown_with_part_credit_for_the_iwa() -> None:
    index = small_index()
    ranked = {f.occupation.code: f for f in index.rank({SHIP})}
    assert ranked["43-5071.00"].fit == pytest.approx(0.6 + IWA_CREDIT * 0.4)
    assert ranked["53-3032.00"].fit == pytest.approx(IWA_CREDIT)  # same IWA, nothing shown
    assert ranked["25-1194.00"].fit == pytest.approx(IWA_CREDIT * 0.2)
    assert "99-9999.00" not in ranked  # no activities: never ranked


def test_ranking_is_best_first_and_a_zone_filters() -> None:
    index = small_index()
    assert [f.occupation.title for f in index.rank({DRIVE, ROUTE})][:1] == ["Truck Drivers"]
    assert [f.occupation.code for f in index.rank({DRIVE}, zone=4)] == ["25-1194.00"]
    assert index.rank(set())[0].fit == 0


def test_find_by_code_short_code_or_title_words() -> None:
    index = small_index()
    assert [o.title for o in index.find("43-5071.00")] == ["Shipping Clerks"]
    assert [o.title for o in index.find("43-5071")] == ["Shipping Clerks"]
    assert [o.title for o in index.find("truck")] == ["Truck Drivers"]
    assert index.find("astronaut") == []


def test_profile_merges_skills_and_sets_aside_those_without_activities() -> None:
    profile = build_profile([
        Skill("lerkit:a", "Shipping", (SHIP, "D.unknown"), 2),
        Skill("lerkit:a", "Shipping", (SHIP,), 3),
        Skill("lerkit:b", "Knitting", ("D.unknown",), 1),
        Skill("lerkit:c", "Training", (TEACH,), 0, MILITARY, "88N (Coordinator, Army)"),
    ], {SHIP, TEACH})
    assert [(s.key, s.evidence, s.dwas) for s in profile.skills] == [
        ("lerkit:a", 5, (SHIP,)), ("lerkit:c", 0, (TEACH,))]
    assert [s.label for s in profile.unplaced] == ["Knitting"]
    assert set(profile.dwas) == {SHIP, TEACH}


def test_reasons_and_gap_name_the_skills_and_the_missing_work() -> None:
    index = small_index()
    profile = build_profile([Skill("lerkit:a", "Shipping", (SHIP,), 2),
                             Skill("lerkit:t", "Training", (TEACH,), 1)], {SHIP, TEACH})
    clerks = index.by_code["43-5071.00"]
    why = reasons(index, profile, clerks)
    assert [(r.skill.label, r.activities) for r in why] == [("Shipping", ("Ship goods.",))]
    trainers = index.by_code["25-1194.00"]
    found = gap(index, profile, trainers, reference=clerks)
    assert [a.title for a in found.shown] == ["Train workers."]
    assert found.shown[0].by == ("Training",)
    assert [(a.title, a.by) for a in found.related] == [("Record shipments.", ("Ship goods.",))]
    assert found.missing == []
    drivers = gap(index, profile, index.by_code["53-3032.00"], reference=clerks)
    assert [a.title for a in drivers.missing] == []  # both related through "Move goods"
    assert [a.title for a in drivers.related] == ["Drive trucks.", "Plan routes."]


def test_skill_gaps_compare_levels_with_the_reference() -> None:
    index = small_index()
    profile = build_profile([], set())
    clerks, drivers = index.by_code["43-5071.00"], index.by_code["53-3032.00"]
    found = gap(index, profile, clerks, reference=drivers)
    assert [(g.name, g.level, g.reference_level) for g in found.skill_gaps] == [
        ("Reading", 3.0, 2.0)]  # Persuasion is not important enough to list
    assert gap(index, profile, drivers, reference=clerks).skill_gaps == []
    alone = gap(index, profile, clerks)
    assert [(g.name, g.reference_level) for g in alone.skill_gaps] == [("Reading", None)]
