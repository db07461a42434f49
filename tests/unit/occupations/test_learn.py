"""What to learn next, and which programs close the most of the gap."""

from __future__ import annotations

import pytest

from lerkit.core.occupations.catalogue import Program
from lerkit.core.occupations.fit import IWA_CREDIT
from lerkit.core.occupations.learn import (
    TARGET_WEIGHT,
    gain,
    goals,
    next_steps,
    rank_programs,
    taught,
)
from tests.unit.occupations.small_pack import DRIVE, RECORD, ROUTE, SHIP, TEACH, small_index


def test_the_target_counts_more_and_is_not_counted_twice() -> None:
    index = small_index()
    clerks, drivers = index.by_code["43-5071.00"], index.by_code["53-3032.00"]
    found = goals([clerks, drivers], drivers)
    assert [(g.occupation.title, g.weight) for g in found] == [
        ("Truck Drivers", TARGET_WEIGHT), ("Shipping Clerks", 1.0)]


def test_next_steps_are_the_activities_that_raise_the_goal_set_most() -> None:
    index = small_index()
    drivers = index.by_code["53-3032.00"]
    goal_set = goals([index.by_code["43-5071.00"]], drivers)
    steps = next_steps(index, {SHIP}, goal_set)
    assert steps[0].dwa == DRIVE  # 0.7 of the target's work, counted twice
    assert steps[0].gain == pytest.approx(TARGET_WEIGHT * 0.7 * (1 - IWA_CREDIT))
    assert steps[0].occupations == ("Truck Drivers",)
    assert {s.dwa for s in steps} == {DRIVE, ROUTE, RECORD}


def test_programs_are_ranked_by_the_gap_they_close_and_say_what_they_add() -> None:
    index = small_index()
    drivers = index.by_code["53-3032.00"]
    goal_set = goals([], drivers)
    cdl = Program("cdl", "Truck driving", occupations=("53-3032.00",))
    routes = Program("routes", "Route planning", competencies=("lerkit.routes",))
    teach = Program("teach", "Teaching", activities=(TEACH,))
    crosswalk = {"lerkit.routes": (ROUTE,)}
    assert taught(cdl, index, crosswalk) == {DRIVE, ROUTE}
    ranked = rank_programs(index, {SHIP}, goal_set, [teach, routes, cdl], crosswalk)
    assert [p.program.id for p in ranked] == ["cdl", "routes"]  # teaching adds nothing here
    assert ranked[0].adds == ("Drive trucks.", "Plan routes.")
    assert ranked[0].target_fit == pytest.approx(1.0)
    assert ranked[0].gain == pytest.approx(gain(index, {SHIP}, {DRIVE, ROUTE}, goal_set))
