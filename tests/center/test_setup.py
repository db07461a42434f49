"""``ler center init`` and ``add-coach``: grants, policies, re-runs; what a coach may not do."""

from __future__ import annotations

import psycopg
import pytest

from lerkit.storage import rows
from tests.center.conftest import PASSWORD, Center, refused, run_ler, sql

pytestmark = pytest.mark.postgres


def test_every_table_holding_a_person_is_protected_and_init_runs_again(center: Center) -> None:
    admin = center.conninfo("admin")
    holding = {t.name for t in rows.data_tables()
               if "person_id" in t.columns or t.name in ("person", "interviewanswer")}
    before = sql(admin, "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies")
    again = run_ler(center.admin, "center", "init")
    assert again.returncode == 0, again.stderr
    assert "migrations applied: none" in again.stdout
    after = sql(admin, "SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies")
    assert sorted(map(str, before)) == sorted(map(str, after))
    secured = {name for name, on in sql(admin, "SELECT relname, relrowsecurity FROM pg_class "
                                               "WHERE relkind = 'r'") if on}
    assert holding <= secured
    assert holding <= {row[0] for row in after}


@pytest.mark.parametrize("statement", [
    "CREATE TABLE mine (a int)",
    "ALTER TABLE person ADD COLUMN extra int",
    "DROP TRIGGER auditevent_stamp ON auditevent",
    "ALTER TABLE person DISABLE ROW LEVEL SECURITY",
    "DELETE FROM signingkey",
    "UPDATE signingkey SET sealed_secret = 'x'",
    "INSERT INTO caseload (person_id, coach, added_at) SELECT id, session_user, now() FROM person",
    "DELETE FROM caseload",
    # the copy of the caseload kept in each person's row is the trigger's alone
    "UPDATE person SET coaches = '{}'",
    "INSERT INTO person (id, name, notes, created_at, updated_at, coaches) "
    "VALUES ('x', 'X', '', now(), now(), '{someone}')",
    "SELECT coaches FROM person",
    "SELECT coaches FROM claim",
    "UPDATE experience SET coaches = '{}'",
    "UPDATE auditevent SET detail = '{}'",
    "TRUNCATE auditevent",
])
def test_a_coach_changes_no_schema_no_key_no_caseload_no_log(center: Center,
                                                            statement: str) -> None:
    run_ler(center.admin, "person", "add", "Admin's own")
    with pytest.raises(psycopg.Error):
        sql(center.conninfo("coach_a"), statement)


def test_a_key_can_be_retired_never_revived(center: Center) -> None:
    env = {"LER_PASSPHRASE": "first passphrase", "LER_NEW_PASSPHRASE": "second passphrase"}
    client = run_ler(center.coach_a, "person", "add", "Jo Client").stdout.strip()
    assert run_ler(center.coach_a, "keys", "init", "--person", client, env=env).returncode == 0
    rotated = run_ler(center.coach_a, "keys", "rotate", "--person", client, env=env)
    assert rotated.returncode == 0, rotated.stderr
    with pytest.raises(psycopg.Error, match="only be retired"):
        sql(center.conninfo("coach_a"), "UPDATE signingkey SET active = TRUE, retired_at = NULL "
            "WHERE NOT active")
    assert sql(center.conninfo("admin"), "SELECT count(*) FROM signingkey WHERE active") == [(1,)]


def test_who_may_set_up_and_add_coaches(center: Center) -> None:
    env = {"LER_NEW_PASSWORD": "another long password"}
    for url in (center.coach_a, center.supervisor):
        assert refused(run_ler(url, "center", "init"))
        proc = run_ler(url, "center", "add-coach", "newbie", env=env)
        assert refused(proc) and "another long password" not in proc.stderr
    taken = run_ler(center.admin, "center", "add-coach", center.names["coach_a"], env=env)
    assert refused(taken) and "already exists" in taken.stderr
    for bad in ("Bad Name", "pg_x", "lerkit_coach", "x" * 64, "1abc"):
        assert refused(run_ler(center.admin, "center", "add-coach", bad, env=env)), bad
    short = run_ler(center.admin, "center", "add-coach", "shorty", env={"LER_NEW_PASSWORD": "x"})
    assert refused(short)
    whoami = {url: run_ler(url, "center", "whoami").stdout.split()[-1]
              for url in (center.admin, center.coach_a, center.supervisor)}
    assert list(whoami.values()) == ["(admin)", "(coach)", "(supervisor)"]


def test_add_coach_never_shows_the_password(center: Center) -> None:
    name = center.names["coach_a"] + "_x"
    try:
        proc = run_ler(center.admin, "center", "add-coach", name,
                       env={"LER_NEW_PASSWORD": PASSWORD + "!"})
        assert proc.returncode == 0, proc.stderr
        assert PASSWORD not in proc.stdout + proc.stderr
        stored = sql(center.conninfo("admin"),
                     "SELECT rolpassword FROM pg_authid WHERE rolname = %s", name)
        assert str(stored[0][0]).startswith("SCRAM-SHA-256$")
        assert sql(center.conninfo("admin"),
                   "SELECT count(*) FROM auditevent WHERE entity = 'role' AND entity_id = %s",
                   name) == [(1,)]
    finally:
        sql(center.conninfo("admin"), f'DROP OWNED BY "{name}"')
        sql(center.conninfo("admin"), f'DROP ROLE IF EXISTS "{name}"')


def test_only_the_administrator_changes_the_schema(center: Center) -> None:
    assert run_ler(center.coach_a, "db", "upgrade").returncode == 0  # nothing to do
    sql(center.conninfo("admin"), "DELETE FROM schema_migration WHERE number = "
        "(SELECT max(number) FROM schema_migration)")
    for args in (("person", "list"), ("db", "upgrade"), ("center", "init")):
        proc = run_ler(center.coach_a, *args)
        assert refused(proc), (args, proc.stderr)
    assert "ler center init" in run_ler(center.coach_b, "person", "list").stderr
