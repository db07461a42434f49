"""Who did what: on PostgreSQL the database names the actor (the session's role), not the
environment nor an INSERT; reads, exports and backups are logged; ``ler audit``."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from lerkit.services import audit_log, keys, people, profiles, review
from lerkit.services.context import Lerkit
from tests.center.conftest import Center, refused, run_ler, sql

pytestmark = pytest.mark.postgres


def _actors(center: Center, person_id: str) -> set[tuple[object, ...]]:
    return set(sql(center.conninfo("admin"),
                   "SELECT actor, action FROM auditevent WHERE person_id = %s", person_id))


def test_the_actor_is_the_connection_role_whatever_the_environment(center: Center) -> None:
    coach = center.names["coach_a"]
    env = {"LER_ACTOR": center.names["supervisor"]}
    client = run_ler(center.coach_a, "person", "add", "Di Client", env=env).stdout.strip()
    shown = run_ler(center.coach_a, "person", "show", client, env=env)
    assert shown.returncode == 0, shown.stderr
    assert _actors(center, client) == {(coach, "create"), (coach, "read")}


def test_an_insert_naming_another_role_cannot_forge_the_actor(center: Center) -> None:
    coach = center.names["coach_a"]
    sup = center.names["supervisor"]
    client = run_ler(center.coach_a, "person", "add", "Ed Client").stdout.strip()
    sql(center.conninfo("coach_a"),
        "INSERT INTO auditevent (at, actor, action, entity, entity_id, person_id, detail) "
        "VALUES ('2001-01-01', %s, 'delete', 'person', %s, %s, '{}')", sup, client, client)
    rows = sql(center.conninfo("admin"), "SELECT actor, at FROM auditevent WHERE action = "
               "'delete' AND person_id = %s", client)
    assert len(rows) == 1
    assert rows[0][0] == coach
    assert str(rows[0][1]).startswith("20") and not str(rows[0][1]).startswith("2001")
    # and no one rewrites or removes an event, whatever their role
    for who in ("coach_a", "supervisor", "admin"):
        for statement in ("UPDATE auditevent SET actor = 'x'", "DELETE FROM auditevent"):
            with pytest.raises(psycopg.Error):
                sql(center.conninfo(who), statement)
    assert len(sql(center.conninfo("admin"), "SELECT 1 FROM auditevent WHERE actor = %s",
                   coach)) >= 2


def test_a_coach_sees_the_events_of_their_caseload_a_supervisor_all(center: Center) -> None:
    a = run_ler(center.coach_a, "person", "add", "Fay Client").stdout.strip()
    b = run_ler(center.coach_b, "person", "add", "Gus Client").stdout.strip()
    seen = {who: {e["person_id"] for e in json.loads(run_ler(url, "audit", "--json").stdout)}
            for who, url in (("a", center.coach_a), ("b", center.coach_b),
                             ("sup", center.supervisor))}
    assert seen["a"] == {a} and seen["b"] == {b}
    assert {a, b} <= seen["sup"]
    one = run_ler(center.supervisor, "audit", "--person", a)
    assert one.returncode == 0 and b not in one.stdout and a in one.stdout
    assert json.loads(run_ler(center.coach_b, "audit", "--person", a, "--json").stdout) == []


def test_reads_exports_and_backups_are_logged(db_url: str, tmp_path: Path) -> None:
    from lerkit.services import backup
    from lerkit.services.interview import LiveInterview

    ler = Lerkit.open(db_url)
    try:
        person = people.add_person(ler, "Hal Client").id
        keys.init_key(ler, person, "a good passphrase")
        people.show_person(ler, person)
        review.record_view(ler, person)
        LiveInterview.open(ler, person)
        profiles.save_profile(ler, person, tmp_path / "hal.lerprofile", "a good passphrase")
        backup.backup(ler, tmp_path / "all.backup")
        found = audit_log.events(ler)
    finally:
        ler.close()
    actions = [(e.action, e.entity, e.detail.get("via")) for e in found]
    for expected in (("read", "person", "show"), ("read", "person", "review"),
                     ("read", "person", "interview"), ("export", "profile", None)):
        assert expected in actions, actions
    if db_url.startswith("postgresql"):  # a center's backups; SQLite's never wait to log
        assert found[0].action == "backup"  # newest first


def test_sqlite_keeps_ler_actor(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/one.db"
    person = run_ler(url, "person", "add", "Ida", env={"LER_ACTOR": "desk-3"}).stdout.strip()
    events = json.loads(run_ler(url, "audit", "--person", person, "--json").stdout)
    assert [(e["actor"], e["action"]) for e in events] == [("desk-3", "create")]
    assert refused(run_ler(url, "center", "init"))
    assert refused(run_ler(url, "person", "assign", person, "--coach", "someone"))
