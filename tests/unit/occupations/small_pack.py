"""A tiny O*NET pack for unit tests: two IWAs, five DWAs, three occupations."""

from __future__ import annotations

from lerkit.core.occupations.fit import OccupationIndex
from lerkit.core.taxonomy.onet_pack import Activity, Occupation, OnetPack

SHIP, RECORD, DRIVE, ROUTE, TEACH = "D.ship", "D.record", "D.drive", "D.route", "D.teach"


def small_pack() -> OnetPack:
    """Shipping clerks, truck drivers and trainers, with shared activities."""
    return OnetPack(
        release="test",
        gwas=[Activity("G", "Handling things")],
        iwas=[Activity("I.move", "Move goods", "G"), Activity("I.people", "Work with people", "G")],
        dwas=[Activity(SHIP, "Ship goods.", "I.move"), Activity(RECORD, "Record shipments.",
                                                                  "I.move"),
              Activity(DRIVE, "Drive trucks.", "I.move"), Activity(ROUTE, "Plan routes.",
                                                                   "I.move"),
              Activity(TEACH, "Train workers.", "I.people")],
        occupations=[
            Occupation("43-5071.00", "Shipping Clerks", 2, ((SHIP, 0.6), (RECORD, 0.4)),
                       ("Excel",), (("2.A.1.a", 3.5, 3.0), ("2.B.1.a", 2.0, 2.0))),
            Occupation("53-3032.00", "Truck Drivers", 1, ((DRIVE, 0.7), (ROUTE, 0.3)),
                       (), (("2.A.1.a", 3.2, 2.0),)),
            Occupation("25-1194.00", "Trainers", 4, ((TEACH, 0.8), (RECORD, 0.2))),
            Occupation("99-9999.00", "Empty", 0, ()),
        ],
        skills=[Activity("2.A.1.a", "Reading"), Activity("2.B.1.a", "Persuasion")],
    )


def small_index() -> OccupationIndex:
    """The small pack, ready to rank."""
    return OccupationIndex(small_pack())
