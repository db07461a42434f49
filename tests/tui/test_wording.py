"""How well a skill was done: P steps through the levels and back to not set."""

from __future__ import annotations

from lerkit.core.records import Proficiency
from lerkit.tui.wording import how_well, next_proficiency


def test_p_steps_through_the_levels_and_back_to_not_set() -> None:
    seen: list[Proficiency | None] = [None]
    for _ in range(4):
        seen.append(next_proficiency(seen[-1]))
    assert seen == [None, Proficiency.WITH_HELP, Proficiency.ON_MY_OWN,
                    Proficiency.TAUGHT_OR_LED, None]
    assert how_well(seen[-1]) == "how well: not set (press p)"


def test_p_on_a_skill_not_accepted_yet_starts_at_with_help() -> None:
    for level in (None, Proficiency.ON_MY_OWN):
        assert next_proficiency(level, accepted=False) is Proficiency.WITH_HELP
