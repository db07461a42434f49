"""A center's shared PostgreSQL server: login roles, group roles, grants, row-level security.

Each coach signs in with their own login role, a member of the group role
``lerkit_coach``; supervisors are members of ``lerkit_supervisor``. The administrator's
role owns the tables (and so is not subject to their policies). Who may see which person
is decided by PostgreSQL itself: the ``caseload`` table pairs a person with a coach's role
name, and every table holding a person's data has a policy that shows a coach only the
people of their own caseload. A supervisor sees every caseload.

``set_up`` is safe to run again: it creates what is missing and re-issues every grant
and policy (after an upgrade has added tables, say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import Session

from lerkit.core.errors import BadInputError
from lerkit.storage import rows
from lerkit.storage.migrations import COUNTED

COACH = "lerkit_coach"
SUPERVISOR = "lerkit_supervisor"
GROUPS = (COACH, SUPERVISOR)

# What each kind of table holds, and so what each group may do with it.
RECORD = ("person", "experience", "claim", "evidence", "endorsement", "interviewsession",
          "interviewanswer", "issuedcredential")
# shared reference data, no one's personal data: lerkit stores its built-in taxonomies on
# first use, and coaches import training catalogues
REFERENCE = ("taxonomy", "competency", "trainingprogram")
OWN_IDENTITY = ("endorser",)  # an endorser's own key: not a center's business
READ_ONLY = ("schema_migration",)
WRITE = "SELECT, INSERT, UPDATE, DELETE"

# A role name as lerkit creates it: plain, so that it needs no quoting in a URL or .pgpass.
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

# Policies: a supervisor's say "every row" (PostgreSQL picks the policies of the querying
# role's groups, so a supervisor's queries carry no check at all); a coach's check the
# caseload, asked as EXISTS so that PostgreSQL may look each row up (a page of 50) or hash
# the caseload (the whole list), whichever is cheaper.
# The role's name is worked out once per statement (as a function on every row it costs
# ten times as much as the caseload check itself).
# A person's own row is checked against ``person.coaches``, the caseload's names for that
# person kept beside them by a trigger: a count or a page of people then looks nothing up
# (the lookup, or hashing a whole caseload for each statement, doubled a page's time).
# The rows a page counts for each of its people (experiences, claims, evidence,
# endorsements: COUNTED) carry the same copy, kept by triggers, for the same reason.
_ME = "(SELECT session_user::text)"


def _mine(table: str) -> str:
    return f"{_ME} = ANY ({table}.coaches)"


def _in_caseload(column: str) -> str:
    return f"EXISTS (SELECT 1 FROM caseload c WHERE c.person_id = {column} AND c.coach = {_ME})"


@dataclass(frozen=True)
class Who:
    """The connection's database role, and what it is at this center.

    ``kind`` is "admin" (a superuser or the owner of the tables), "supervisor", "coach",
    or "single" (a role outside lerkit's groups, as on a one-person server).
    """

    name: str
    kind: str


def whoami(conn: Connection) -> Who:
    """The session's role and its kind (PostgreSQL only)."""
    name, superuser, owner = conn.execute(sa.text(
        "SELECT session_user, r.rolsuper, "
        "COALESCE((SELECT t.tableowner = session_user FROM pg_tables t "
        "WHERE t.schemaname = current_schema() AND t.tablename = 'person'), FALSE) "
        "FROM pg_roles r WHERE r.rolname = session_user")).one()
    if superuser or owner:
        return Who(str(name), "admin")
    groups = set(conn.execute(sa.text(
        "SELECT g.rolname FROM pg_roles g WHERE g.rolname IN (:coach, :supervisor) "
        "AND pg_has_role(session_user, g.oid, 'USAGE')"),
        {"coach": COACH, "supervisor": SUPERVISOR}).scalars())
    if SUPERVISOR in groups:
        return Who(str(name), "supervisor")
    return Who(str(name), "coach" if COACH in groups else "single")


def is_center(conn: Connection) -> bool:
    """True when lerkit's group roles exist (``ler center init`` has run on this server)."""
    found = conn.execute(sa.text("SELECT count(*) FROM pg_roles WHERE rolname IN (:a, :b)"),
                         {"a": COACH, "b": SUPERVISOR}).scalar()
    return found == len(GROUPS)


def role_exists(conn: Connection, name: str) -> bool:
    """True when a role of this name exists on the server."""
    return conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                        {"n": name}).first() is not None


def check_role_name(name: str) -> str:
    """A role name lerkit will create: lower-case letters, digits and _, at most 63."""
    if not ROLE_NAME.fullmatch(name) or name.startswith("pg_") or name in GROUPS:
        raise BadInputError(
            f"{name!r} cannot be a coach's name: use lower-case letters, digits and _ "
            "(at most 63, starting with a letter), not pg_… nor a lerkit group's name")
    return name


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _person_tables() -> list[str]:
    """Every table holding a person's data: a person_id column, or the person itself."""
    return [t.name for t in rows.data_tables()
            if "person_id" in t.columns or t.name in ("person", "interviewanswer")]


def set_up(conn: Connection) -> list[str]:
    """Create the group roles, grant each what it needs, and turn row-level security on.

    Runs in the caller's transaction, as the owner of the tables. Returns the tables
    now protected by policies.
    """
    for group in GROUPS:  # roles belong to the whole server, which may hold other databases
        conn.exec_driver_sql(
            f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
    database = _quote(conn, str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    schema = _quote(conn, str(conn.exec_driver_sql("SELECT current_schema()").scalar()))
    both = ", ".join(GROUPS)
    statements = [
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {database} TO {both}",
        f"GRANT USAGE ON SCHEMA {schema} TO {both}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC, {both}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {both}",
    ]
    for name in (*RECORD, "auditevent", "signingkey", "caseload", *REFERENCE, *OWN_IDENTITY,
                 *READ_ONLY):
        statements.append(f'REVOKE ALL ON "{name}" FROM {both}')
    statements += [f'GRANT {WRITE} ON "{name}" TO {both}' for name in (*RECORD, *REFERENCE)
                   if name not in ("person", *COUNTED)]
    # a person's row (and a counted row), but not its copy of the caseload (which only
    # the triggers write, and which would tell a coach who else works with their client)
    for name in ("person", *COUNTED):
        mapped = ", ".join(rows.table(name).columns.keys())
        statements.append(f"GRANT SELECT ({mapped}), INSERT ({mapped}), UPDATE ({mapped}), "
                          f"DELETE ON {name} TO {both}")
    statements += [f'GRANT SELECT ON "{name}" TO {both}' for name in READ_ONLY]
    statements += [
        # the log is appended to, never changed; the database stamps who and when
        f"GRANT SELECT, INSERT ON auditevent TO {both}",
        # keys are added (keys init, rotate) and retired, never rewritten nor removed
        # (a trigger refuses any other change; removing a person removes their keys)
        f"GRANT SELECT, INSERT ON signingkey TO {both}",
        f"GRANT UPDATE (active, retired_at) ON signingkey TO {both}",
        f"GRANT SELECT ON caseload TO {COACH}",
        f"GRANT SELECT, INSERT, DELETE ON caseload TO {SUPERVISOR}",
    ]
    statements += _caseload_trigger(schema)
    protected = _person_tables()
    for name in protected:
        statements += _policies(name)
    for statement in statements:
        conn.exec_driver_sql(statement)
    return protected


def _caseload_trigger(schema: str) -> list[str]:
    """A person a coach adds is in that coach's caseload (the database sees to it). The
    function runs as the tables' owner, so it names its schema and searches no other
    (temporary tables last, as PostgreSQL advises)."""
    return [
        "CREATE OR REPLACE FUNCTION lerkit_caseload_add() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$ BEGIN "
        f"IF pg_has_role(session_user, '{COACH}', 'USAGE') AND NOT (SELECT rolsuper "
        "FROM pg_roles WHERE rolname = session_user) THEN "
        "INSERT INTO caseload (person_id, coach, added_at) "
        "VALUES (NEW.id, session_user, date_trunc('second', statement_timestamp())) "
        "ON CONFLICT DO NOTHING; END IF; RETURN NULL; END $$",
        "REVOKE ALL ON FUNCTION lerkit_caseload_add() FROM PUBLIC",
        "DROP TRIGGER IF EXISTS lerkit_caseload_add ON person",
        "CREATE TRIGGER lerkit_caseload_add AFTER INSERT ON person "
        "FOR EACH ROW EXECUTE FUNCTION lerkit_caseload_add()",
        *_coaches_trigger(schema),
    ]


def _coaches_trigger(schema: str) -> list[str]:
    """``person.coaches`` follows the caseload, whoever changes it and however (a change
    made concurrently to the same person waits for the other's and builds on it)."""
    return [
        "CREATE OR REPLACE FUNCTION lerkit_caseload_sync() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$ BEGIN "
        "IF TG_OP = 'TRUNCATE' THEN "
        "UPDATE person SET coaches = '{}' WHERE coaches <> '{}'; RETURN NULL; END IF; "
        "IF TG_OP IN ('DELETE', 'UPDATE') THEN UPDATE person "
        "SET coaches = array_remove(coaches, OLD.coach::text) WHERE id = OLD.person_id; "
        "END IF; "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE person "
        "SET coaches = array_append(coaches, NEW.coach::text) "
        "WHERE id = NEW.person_id AND NOT NEW.coach::text = ANY (coaches); END IF; "
        "RETURN NULL; END $$",
        "REVOKE ALL ON FUNCTION lerkit_caseload_sync() FROM PUBLIC",
        "DROP TRIGGER IF EXISTS lerkit_caseload_sync ON caseload",
        "CREATE TRIGGER lerkit_caseload_sync AFTER INSERT OR UPDATE OR DELETE ON caseload "
        "FOR EACH ROW EXECUTE FUNCTION lerkit_caseload_sync()",
        "DROP TRIGGER IF EXISTS lerkit_caseload_sync_all ON caseload",
        "CREATE TRIGGER lerkit_caseload_sync_all AFTER TRUNCATE ON caseload "
        "FOR EACH STATEMENT EXECUTE FUNCTION lerkit_caseload_sync()",
        *_copies_trigger(schema),
        # and is right from now on, whatever happened before (an upgrade adds it empty)
        "UPDATE person SET coaches = k.names FROM (SELECT p.id, ARRAY(SELECT c.coach::text "
        "FROM caseload c WHERE c.person_id = p.id ORDER BY c.coach) AS names FROM person p) k "
        "WHERE k.id = person.id AND NOT (person.coaches @> k.names AND person.coaches <@ k.names)",
        *(f"UPDATE {name} SET coaches = p.coaches FROM person p "
          f"WHERE p.id = {name}.person_id AND {name}.coaches <> p.coaches" for name in COUNTED),
    ]


def _copies_trigger(schema: str) -> list[str]:
    """Each counted row (COUNTED) carries its person's coaches: copied when the row is
    written (whatever the writer put there) and when the person's coaches change."""
    spread = " ".join(f"UPDATE {name} SET coaches = NEW.coaches WHERE person_id = NEW.id "
                      "AND coaches <> NEW.coaches;" for name in COUNTED)
    out = [
        "CREATE OR REPLACE FUNCTION lerkit_coaches_copy() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$ BEGIN "
        "NEW.coaches := COALESCE((SELECT p.coaches FROM person p WHERE p.id = NEW.person_id), "
        "'{}'); RETURN NEW; END $$",
        "CREATE OR REPLACE FUNCTION lerkit_coaches_spread() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$ BEGIN "
        f"{spread} RETURN NULL; END $$",
        "REVOKE ALL ON FUNCTION lerkit_coaches_copy() FROM PUBLIC",
        "REVOKE ALL ON FUNCTION lerkit_coaches_spread() FROM PUBLIC",
        "DROP TRIGGER IF EXISTS lerkit_coaches_spread ON person",
        "CREATE TRIGGER lerkit_coaches_spread AFTER UPDATE OF coaches ON person FOR EACH ROW "
        "WHEN (OLD.coaches IS DISTINCT FROM NEW.coaches) "
        "EXECUTE FUNCTION lerkit_coaches_spread()",
    ]
    for name in COUNTED:
        out += [f"DROP TRIGGER IF EXISTS lerkit_coaches_copy ON {name}",
                f"CREATE TRIGGER lerkit_coaches_copy BEFORE INSERT OR UPDATE ON {name} "
                "FOR EACH ROW EXECUTE FUNCTION lerkit_coaches_copy()"]
    return out


def _policies(name: str) -> list[str]:
    """Row-level security on one table: its rows are those of people the role may see."""
    if name == "person":
        rules = [("lerkit_caseload", "ALL", _mine("person"), None),
                 # a new person is in nobody's caseload until the trigger adds it
                 ("lerkit_add", "INSERT", None, "TRUE")]
    elif name == "caseload":
        rules = [("lerkit_caseload", "ALL", f"coach = {_ME}", None)]
    elif name == "interviewanswer":  # through the session, itself under its own policy
        visible = ("EXISTS (SELECT 1 FROM interviewsession s "
                   "WHERE s.id = interviewanswer.session_id)")
        rules = [("lerkit_caseload", "ALL", visible, None)]
    elif name == "auditevent":
        rules = [("lerkit_read", "SELECT",
                  f"actor = {_ME} OR {_in_caseload('auditevent.person_id')}", None),
                 ("lerkit_append", "INSERT", None, "TRUE")]
    elif name in COUNTED:
        rules = [("lerkit_caseload", "ALL", _mine(name), None)]
    else:
        rules = [("lerkit_caseload", "ALL", _in_caseload(f"{name}.person_id"), None)]
    # lerkit_add and lerkit_append are everyone's; the rest a coach's, and a supervisor's:
    everything = "SELECT" if name == "auditevent" else "ALL"
    rules.append(("lerkit_supervise", everything, "TRUE", None))
    out = [f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY']
    existing = {"lerkit_caseload", "lerkit_add", "lerkit_read", "lerkit_append",
                "lerkit_supervise"}
    out += [f'DROP POLICY IF EXISTS {policy} ON "{name}"' for policy in sorted(existing)]
    for policy, command, using, check in rules:
        to = {"lerkit_supervise": SUPERVISOR, "lerkit_add": ", ".join(GROUPS),
              "lerkit_append": ", ".join(GROUPS)}.get(policy, COACH)
        text = f'CREATE POLICY {policy} ON "{name}" FOR {command} TO {to}'
        if using is not None:
            text += f" USING ({using})"
        if check is not None:
            text += f" WITH CHECK ({check})"
        out.append(text)
    return out


def add_login(conn: Connection, name: str, password: str, group: str) -> None:
    """Create a login role in ``group``. The password reaches the server only as a
    SCRAM-SHA-256 verifier made here, so no log of the server ever holds it."""
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode("utf-8"), name.encode("utf-8"),
                                       b"scram-sha-256").decode("ascii")
    literal = "'" + verifier.replace("'", "''") + "'"
    conn.exec_driver_sql(
        f"CREATE ROLE {_quote(conn, name)} LOGIN PASSWORD {literal} IN ROLE {group}")


def coaches_of(session: Session, person_id: str) -> list[str]:
    """The roles whose caseload holds this person (as far as the caller may see)."""
    return list(session.connection().execute(sa.text(
        "SELECT coach FROM caseload WHERE person_id = :p ORDER BY coach"),
        {"p": person_id}).scalars())


def assign(session: Session, person_id: str, coach: str, *, share: bool) -> None:
    """Put a person in ``coach``'s caseload; unless ``share``, only in theirs."""
    conn = session.connection()
    if not share:
        conn.execute(sa.text("DELETE FROM caseload WHERE person_id = :p AND coach <> :c"),
                     {"p": person_id, "c": coach})
    conn.execute(sa.text(
        "INSERT INTO caseload (person_id, coach, added_at) "
        "VALUES (:p, :c, date_trunc('second', statement_timestamp())) "
        "ON CONFLICT DO NOTHING"), {"p": person_id, "c": coach})


def is_lerkit_coach(conn: Connection, name: str) -> bool:
    """True when ``name`` is a role in the coaches' or the supervisors' group."""
    return conn.execute(sa.text(
        "SELECT 1 FROM pg_roles r, pg_roles g WHERE r.rolname = :n AND r.rolcanlogin "
        "AND g.rolname IN (:coach, :supervisor) AND pg_has_role(r.oid, g.oid, 'USAGE')"),
        {"n": name, "coach": COACH, "supervisor": SUPERVISOR}).first() is not None


def keep_audit_stamps(conn: Connection, keep: bool) -> None:
    """While restoring a backup (the administrator only), keep each event's recorded actor
    and time instead of stamping the restorer's; ``keep=False`` stamps again."""
    if conn.dialect.name == "postgresql":
        verb = "DISABLE" if keep else "ENABLE"
        conn.exec_driver_sql(f"ALTER TABLE auditevent {verb} TRIGGER auditevent_stamp")
