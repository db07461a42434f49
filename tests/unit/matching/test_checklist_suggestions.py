"""What ticking a box of a checklist suggests: the skill the box names, not one that only
shares a word with the words the matcher reads for it (``match`` in ``prompts/*.yaml``)."""

from __future__ import annotations

import pytest

from lerkit.core.interview.claims import of_choice
from tests.unit.matching.test_default_search import default_search
from tests.unit.matching.test_personas import BANK


def _shown(module: str, item: str) -> list[str]:
    for question in BANK.module(module).steps:
        found = question.find_choice(item) if question.choices else None
        if found is not None:
            areas = BANK.module(module).skill_areas
            matches = default_search().match(found.match_text, top=12, areas=areas)
            return [m.competency_id for m in of_choice(matches, question.suggest)]
    raise AssertionError(f"{module} has no box {item!r}")


@pytest.mark.parametrize(("module", "item", "first", "never"), [
    ("volunteering", "handled-money", "money.treasurer-reporting",
     "faith-volunteer.small-group-leadership"),
    ("fundraising", "tracked", "fundraising.donor-records", ""),
    ("small-business", "hired-help", "leadership.hiring-and-selection",
     "faith-volunteer.volunteer-coordination"),
    ("household", "budget", "money.household-budgeting", ""),
    ("education", "high-school", "", "training.group-instruction"),
    ("education", "apprenticeship", "", "personal-services.tattoo-and-piercing"),
    ("caregiving", "kept-safe", "", "safety.safe-work-practices"),
])
def test_a_ticked_box_suggests_what_it_names(module: str, item: str, first: str,
                                             never: str) -> None:
    shown = _shown(module, item)
    assert shown, f"{module}/{item} suggests nothing"
    if first:
        assert shown[0] == first, shown
    if never:
        assert never not in shown, shown
