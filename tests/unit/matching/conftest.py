"""A small taxonomy to match against, written for these tests."""

from __future__ import annotations

import pytest

from lerkit.core.matching import MatchIndex, build_index
from lerkit.core.taxonomy.model import Competency, Taxonomy


def small_taxonomy() -> Taxonomy:
    """Eight competencies with labels, alternative labels, phrasings and descriptions."""
    c = Competency
    return Taxonomy(
        name="small",
        title="Small test taxonomy",
        competencies=[
            c("meds", "Medication management", "Gives the right medicine at the right time.",
              alt_labels=["medication administration"],
              phrasings=["kept track of my son's pills and appointments"]),
            c("cdl", "Heavy vehicle driving",
              alt_labels=["CDL driving", "tractor-trailer operation"]),
            c("cpr", "First aid and CPR", alt_labels=["cardiopulmonary resuscitation"]),
            c("forklift", "Forklift operation", alt_labels=["powered industrial truck operation"]),
            c("budget", "Household budgeting", alt_labels=["family budget planning"],
              phrasings=["kept the family on a budget"]),
            c("it", "IT support", alt_labels=["help desk support"],
              phrasings=["fixed computers for the office"]),
            c("fundraising", "Fundraising events", phrasings=["ran the bake sale at church"]),
            c("inventory", "Inventory control", alt_labels=["stock control"],
              description="Counts and organizes the goods kept in a warehouse."),
        ],
    )  # fmt: skip


@pytest.fixture(scope="session")
def small_index() -> MatchIndex:
    return build_index(small_taxonomy())
