"""The caseload read one page at a time, with counts for that page only."""

from __future__ import annotations

from lerkit.services.context import Lerkit


def test_the_caseload_reads_one_page_at_a_time(db_url: str) -> None:
    from lerkit.services import people

    ler = Lerkit.open(db_url)
    try:
        ids = [people.add_person(ler, f"Person {n:03d}").id for n in range(25)]
        page = people.list_people(ler, limit=10, offset=10)
        assert [p.name for p in page] == [f"Person {n:03d}" for n in range(10, 20)]
        assert people.count_people(ler) == 25 and people.count_people(ler, "person 00") == 10
        assert len(people.list_people(ler)) == 25 and ids
    finally:
        ler.close()
