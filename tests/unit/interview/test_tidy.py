"""Titles said the way people talk, and an evidence question answered "no"."""

from __future__ import annotations

import pytest

from lerkit.core.interview.tidy import says_nothing, tidy_title


@pytest.mark.parametrize(("typed", "title"), [
    ("counter clerk / presser i guess", "Counter clerk / presser"),
    ("I was the night manager", "Night manager"),
    ("i worked as a cashier", "Cashier"),
    ("well, I was just a helper", "Helper"),
    ("Night manager, kind of", "Night manager"),
    ("era la cajera", "Cajera"),
    ("fui cocinero creo", "Cocinero"),
    ("CNA", "CNA"),
    ("Sr. Technician (E-5)", "Sr. Technician (E-5)"),
    ("maybe", "maybe"),  # nothing would be left: kept as typed
    ("Volunteer, i do the pickups and driving", "Volunteer"),
    ("diesel mechanic on a ship basicly", "Diesel mechanic on a ship"),
    ("Team lead (I ran the night crew)", "Team lead"),
    ("Sales associate, customer service", "Sales associate, customer service"),
])
def test_a_title_loses_the_hedges_and_the_i_was_a(typed: str, title: str) -> None:
    assert tidy_title(typed) == title


def test_an_organization_keeps_its_the() -> None:
    assert tidy_title("The Home Depot", title=False) == "The Home Depot"
    assert tidy_title("walmart i think", title=False) == "Walmart"


@pytest.mark.parametrize(("typed", "nothing"), [
    ("no", True), ("Not really.", True), ("nope!", True), ("nada", True),
    ("not really. maybe a thank you card", False), ("I have my DD-214", False),
])
def test_a_plain_no_is_not_evidence(typed: str, nothing: bool) -> None:
    assert says_nothing(typed) is nothing
