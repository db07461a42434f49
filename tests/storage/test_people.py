"""People and the audit log through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage.tables import Claim, Evidence, Experience


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def test_add_list_show(ler: Lerkit) -> None:
    sofia = people.add_person(ler, "  Sofia   Ramirez ")
    people.add_person(ler, "ada lovelace")
    assert sofia.name == "Sofia Ramirez"
    assert [p.name for p in people.list_people(ler)] == ["ada lovelace", "Sofia Ramirez"]
    assert [p.id for p in people.list_people(ler, "RAMI")] == [sofia.id]
    detail = people.show_person(ler, sofia.id).to_dict()
    assert detail["id"] == sofia.id
    assert detail["experiences"] == []


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201, "bell\x07name"])
def test_bad_names_are_refused(ler: Lerkit, bad: str) -> None:
    with pytest.raises(BadInputError):
        people.add_person(ler, bad)


def test_counts_and_cascading_delete(ler: Lerkit) -> None:
    person = people.add_person(ler, "Marcus Bell")
    with ler.transaction() as session:
        exp = Experience(person_id=person.id, life_area="military", title="Transportation NCO")
        session.add(exp)
        session.flush()
        claim = Claim(
            person_id=person.id, experience_id=exp.id, taxonomy="lerkit",
            competency_id="logistics.dispatch", label="Dispatch", status="accepted",
        )
        session.add(claim)
        session.flush()
        session.add(Evidence(person_id=person.id, claim_id=claim.id, kind="note", narrative="x"))
    [summary] = people.list_people(ler)
    assert (summary.counts.experiences, summary.counts.accepted_skills) == (1, 1)
    assert summary.counts.evidence == 1
    people.delete_person(ler, person.id)
    with ler.db.session() as session:
        assert session.exec(select(Claim)).all() == []
        assert session.exec(select(Evidence)).all() == []
        events = audit.list_events(session=session, person_id=person.id)
    assert [e.action for e in events] == ["delete", "create"]
    assert all(e.actor for e in events)
    with pytest.raises(NotFoundError):
        people.show_person(ler, person.id)


def test_audit_names_fields_not_content(ler: Lerkit) -> None:
    person = people.add_person(ler, "Secret Name")
    with ler.db.session() as session:
        [event] = audit.list_events(session=session, person_id=person.id)
    assert "Secret" not in str(event.detail)
