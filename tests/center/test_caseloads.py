"""Each coach sees and changes only their own caseload; a supervisor sees every one.

The rules are PostgreSQL's own (row-level security), so they hold for plain SQL as much
as for lerkit's commands.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from lerkit.services import bundles, people
from lerkit.services.context import Lerkit
from lerkit.services.interview import replay_answers
from lerkit.storage.migrations import COUNTED
from tests.center.conftest import ANSWERS, Center, count, refused, run_ler, sql
from tests.services.sample import PASSPHRASE, make_sample

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# every table that holds a person's data, and the column that says whose
PERSON_COLUMN = {
    "person": "id", "experience": "person_id", "claim": "person_id", "evidence": "person_id",
    "endorsement": "person_id", "signingkey": "person_id", "interviewsession": "person_id",
    "issuedcredential": "person_id", "auditevent": "person_id", "caseload": "person_id",
    "interviewanswer": "(SELECT s.person_id FROM interviewsession s WHERE s.id = session_id)",
}


def _client_of_a(center: Center, folder: Path) -> str:
    """Coach A's client, with something in every table that holds a person's data."""
    ler = Lerkit.open(center.coach_a)
    try:
        sample = make_sample(ler, folder)
        replay_answers(ler, sample.person_id, ANSWERS)
        bundles.export_bundle(ler, sample.person_id, folder / "a.json", PASSPHRASE)
        people.show_person(ler, sample.person_id)
    finally:
        ler.close()
    sql(center.conninfo("admin"),
        "INSERT INTO endorsement (id, person_id, credential_id, endorsed_credential_id, "
        "endorser_did, endorser_name, relationship, comment, credential, received_at) "
        "VALUES ('e1', %s, 'urn:x', 'urn:y', 'did:key:z', 'Lena', 'manager', '', '{}', now())",
        sample.person_id)
    # a raw answer, written by coach A's own role into A's client's interview
    sql(center.conninfo("coach_a"),
        "INSERT INTO interviewanswer (session_id, seq, module, question, answer, skipped, at) "
        "SELECT id, 99, 'paid-work', 'story', 'I drove a forklift.', FALSE, now() "
        "FROM interviewsession WHERE person_id = %s", sample.person_id)
    return sample.person_id


def _rows_of(center: Center, who: str, person_id: str) -> dict[str, int]:
    return {table: count(center.conninfo(who),
                         f"SELECT count(*) FROM {table} WHERE {column} = %s", person_id)
            for table, column in PERSON_COLUMN.items()}


def _everything(center: Center) -> dict[str, int]:
    return {table: count(center.conninfo("admin"), f"SELECT count(*) FROM {table}")
            for table in PERSON_COLUMN}


def test_plain_sql_shows_a_coach_only_their_caseload(center: Center, tmp_path: Path) -> None:
    client = _client_of_a(center, tmp_path)
    seen_by_a = _rows_of(center, "coach_a", client)
    assert [t for t, n in seen_by_a.items() if n == 0] == [], seen_by_a
    assert _rows_of(center, "coach_b", client) == dict.fromkeys(PERSON_COLUMN, 0)
    assert _rows_of(center, "supervisor", client) == seen_by_a
    assert _rows_of(center, "admin", client) == seen_by_a
    # nor can coach B reach them by changing them blindly
    conninfo = center.conninfo("coach_b")
    for statement in ("UPDATE person SET name = 'x'", "DELETE FROM claim",
                      "DELETE FROM person", "UPDATE experience SET title = 'x'"):
        sql(conninfo, statement)
    assert _rows_of(center, "admin", client) == seen_by_a


def test_coach_b_is_refused_every_command_on_a_client(center: Center, tmp_path: Path) -> None:
    client = _client_of_a(center, tmp_path)
    before = _everything(center)
    b = center.coach_b
    env = {"LER_PASSPHRASE": PASSPHRASE}
    listed = run_ler(b, "person", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    for args in (
        ("person", "show", "--person", client),
        ("person", "delete", "--person", client, "--yes"),
        ("export", "--person", client, "--out", str(tmp_path / "b.json")),
        ("interview", "--person", client, "--answers", str(ANSWERS)),
        ("keys", "rotate", "--person", client),
        ("profile", "save", "--person", client, str(tmp_path / "b.lerprofile")),
        ("person", "assign", client, "--coach", center.names["coach_b"]),
    ):
        proc = run_ler(b, *args, env=env)
        assert refused(proc), (args, proc.returncode, proc.stderr)
    assert not (tmp_path / "b.json").exists()
    assert _everything(center) == before
    # the supervisor lists both coaches' clients; coach A lists theirs
    other = run_ler(b, "person", "add", "Bo Client").stdout.strip()
    sup = json.loads(run_ler(center.supervisor, "person", "list", "--json").stdout)
    assert {p["id"] for p in sup} == {client, other}
    mine = json.loads(run_ler(center.coach_a, "person", "list", "--json").stdout)
    assert [p["id"] for p in mine] == [client]


def test_a_supervisor_moves_and_shares_people(center: Center) -> None:
    client = run_ler(center.coach_a, "person", "add", "Cy Client").stdout.strip()
    coach_b = center.names["coach_b"]
    assert refused(run_ler(center.coach_a, "person", "assign", client, "--coach", coach_b))
    moved = run_ler(center.supervisor, "person", "assign", client, "--coach", coach_b)
    assert moved.returncode == 0, moved.stderr
    assert run_ler(center.coach_a, "person", "list", "--json").stdout.strip() == "[]"
    assert client in run_ler(center.coach_b, "person", "list").stdout
    shared = run_ler(center.admin, "person", "assign", client, "--coach",
                     center.names["coach_a"], "--share")
    assert shared.returncode == 0, shared.stderr
    for url in (center.coach_a, center.coach_b):
        assert client in run_ler(url, "person", "list").stdout
    assert refused(run_ler(center.supervisor, "person", "assign", client, "--coach", "nobody"))
    deleted = run_ler(center.coach_b, "person", "delete", client, "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert sql(center.conninfo("admin"), "SELECT count(*) FROM caseload")[0][0] == 0


def _counted_rows(center: Center, who: str, person_id: str) -> dict[str, int]:
    return {table: count(center.conninfo(who),
                         f"SELECT count(*) FROM {table} WHERE person_id = %s", person_id)
            for table in COUNTED}


def test_a_persons_records_follow_them_between_caseloads(center: Center, tmp_path: Path) -> None:
    client = _client_of_a(center, tmp_path)
    other = run_ler(center.coach_b, "person", "add", "Bo Client").stdout.strip()
    seen = _counted_rows(center, "admin", client)
    assert 0 not in seen.values(), seen
    assert _counted_rows(center, "coach_a", client) == seen
    # coach A can neither move a record to coach B's client nor add one there
    a = center.conninfo("coach_a")
    for table in COUNTED:
        with pytest.raises(psycopg.Error):
            sql(a, f"UPDATE {table} SET person_id = %s", other)
    with pytest.raises(psycopg.Error):
        sql(a, "INSERT INTO evidence (id, person_id, kind, name, narrative, created_at) "
            "VALUES ('v-x', %s, 'note', 'A note', '', now())", other)
    assert _counted_rows(center, "admin", other) == dict.fromkeys(COUNTED, 0)
    coach_b = center.names["coach_b"]
    assert run_ler(center.supervisor, "person", "assign", client, "--coach", coach_b
                   ).returncode == 0
    assert _counted_rows(center, "coach_a", client) == dict.fromkeys(COUNTED, 0)
    assert _counted_rows(center, "coach_b", client) == seen
    assert run_ler(center.supervisor, "person", "assign", client, "--coach",
                   center.names["coach_a"], "--share").returncode == 0
    assert _counted_rows(center, "coach_a", client) == seen
    assert _counted_rows(center, "coach_b", client) == seen
    # a copy gone stale behind the triggers' back is put right by ler center init
    admin = center.conninfo("admin")
    sql(admin, "ALTER TABLE claim DISABLE TRIGGER lerkit_coaches_copy")
    sql(admin, "UPDATE claim SET coaches = '{}'")
    sql(admin, "ALTER TABLE claim ENABLE TRIGGER lerkit_coaches_copy")
    assert _counted_rows(center, "coach_a", client)["claim"] == 0
    assert run_ler(center.admin, "center", "init").returncode == 0
    assert _counted_rows(center, "coach_a", client) == seen
    stale = sum(count(admin, f"SELECT count(*) FROM {table} t JOIN person p ON p.id = "
                      "t.person_id WHERE t.coaches <> p.coaches") for table in COUNTED)
    assert stale == 0
