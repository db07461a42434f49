"""How well a skill was done (P steps through the levels and back to not set); when."""

from __future__ import annotations

from lerkit.core.records import ExperienceRecord, LifeArea, Proficiency
from lerkit.tui.wording import how_well, next_proficiency, period


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


def test_a_period_with_no_end_read_does_not_look_ongoing() -> None:
    def said(started: str | None, ended: str | None, ongoing: bool) -> str:
        return period(ExperienceRecord("e", LifeArea.CAREGIVING, "Caregiver",
                                       started=started, ended=ended, ongoing=ongoing))

    assert said("2019", None, False) == "from 2019"  # "til she passed": no year in it
    assert said("2019", None, True) == "2019 to now"
    assert said("2008", "2016", False) == "2008 to 2016"
    assert said(None, "2016", False) == "until 2016"


def test_the_fold_line_counts_what_waits_apart_from_what_was_turned_down() -> None:
    from lerkit.tui.widgets.skill_list import fold_line

    assert fold_line(2, 3, False, 4) == (
        "+ 2 accepted, 3 suggested at earlier questions · F5 shows them")
    assert fold_line(0, 0, False, 4) == "+ 4 turned down at earlier questions · F5 shows them"
    assert fold_line(0, 0, True, 4).startswith("- the skills from earlier questions are at the top")
