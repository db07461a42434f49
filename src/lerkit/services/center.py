"""A center's shared server: set-up, coaches' roles, caseloads, who may do what.

The rules live in PostgreSQL (roles, grants, row-level security; see
``lerkit.storage.center``); this module runs the set-up, adds coaches, moves people
between caseloads, and refuses early, with a clear message, what the database would
refuse anyway. On SQLite there is no center: nothing here changes how lerkit works.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from lerkit.core.errors import BadInputError, StorageError
from lerkit.core.i18n import N_, _
from lerkit.core.settings import load_settings
from lerkit.services.context import Lerkit
from lerkit.services.people import require_person
from lerkit.storage import audit, migrations
from lerkit.storage import center as repo
from lerkit.storage.center import Who
from lerkit.storage.db import describe_error, open_database

MIN_PASSWORD = 8  # as for a key's passphrase (the prompt says so)
ONLY_POSTGRES = N_("a center's shared server is a PostgreSQL database; this one is SQLite, "
                    "which needs no set-up")


@dataclass(frozen=True)
class InitResult:
    """What ``ler center init`` did."""

    applied: list[int]
    schema_version: int
    protected: list[str]
    admin: str


def init(db_url: str | None) -> InitResult:
    """Create or upgrade the schema, the group roles, the grants and the policies.

    Run by the center's administrator, whose role owns lerkit's tables (the first run
    creates them) and may create roles. Safe to run again, after every upgrade.
    """
    db = open_database(load_settings(db_url).db_url, upgrade=False)
    try:
        if db.dialect != "postgresql":
            raise BadInputError(f"ler center init: {_(ONLY_POSTGRES)}")
        try:
            with db.engine.connect() as conn:
                _check_may_set_up(conn)
            applied = migrations.upgrade(db.engine)
            with db.engine.begin() as conn:
                _check_owner(conn)
                who = repo.whoami(conn)
                protected = repo.set_up(conn)
        except SQLAlchemyError as exc:
            raise StorageError(_("cannot set up the center: {problem}")
                               .format(problem=describe_error(exc))) from None
        return InitResult(applied, migrations.latest(), protected, who.name)
    finally:
        db.close()


def _check_owner(conn: Connection) -> None:
    who = repo.whoami(conn)
    if who.kind != "admin":
        raise BadInputError(_("role {role} does not own lerkit's tables: run ler center init "
                              "as the role that first ran it (the database's administrator)")
                            .format(role=who.name))


def _check_may_set_up(conn: Connection) -> None:
    if conn.dialect.has_table(conn, "person"):  # set up before: its owner upgrades it
        _check_owner(conn)
    if repo.is_center(conn):
        return
    can = conn.exec_driver_sql(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user").scalar()
    if not can:
        raise BadInputError(_("ler center init creates the roles lerkit_coach and "
                              "lerkit_supervisor: connect as a role with CREATEROLE "
                              "(see docs/center.md)"))


def who(ler: Lerkit) -> Who | None:
    """The connection's role at a center (None on SQLite)."""
    if ler.db.dialect != "postgresql":
        return None
    with ler.db.engine.connect() as conn:
        return repo.whoami(conn)


def require_admin(ler: Lerkit, doing: str) -> None:
    """Refuse ``doing`` to a coach's or supervisor's role (on a center's server)."""
    found = who(ler)
    if found is not None and found.kind in ("coach", "supervisor"):
        problem = (N_("{doing} is for the center's administrator; role {role} is a coach "
                      "(see docs/center.md)") if found.kind == "coach" else
                   N_("{doing} is for the center's administrator; role {role} is a supervisor "
                      "(see docs/center.md)"))
        raise BadInputError(_(problem).format(doing=_(doing), role=found.name))


def check_password(password: str) -> str:
    """A password long enough for a role that reaches personal records."""
    if len(password) < MIN_PASSWORD:
        raise BadInputError(_("a password needs at least {n} characters").format(n=MIN_PASSWORD))
    return password


def check_name(ler: Lerkit, name: str) -> None:
    """Refuse, before any password is asked for, a name ``add_coach`` cannot create."""
    repo.check_role_name(name)
    if ler.db.dialect != "postgresql":
        raise BadInputError(f"ler center add-coach: {_(ONLY_POSTGRES)}")
    with ler.db.engine.connect() as conn:
        if not repo.is_center(conn):
            raise BadInputError(_("this server has no lerkit roles yet: run ler center init "
                                  "first"))
        if repo.role_exists(conn, name):
            raise BadInputError(_("a role named {role} already exists on this server")
                                .format(role=name))


def add_coach(ler: Lerkit, name: str, password: str, *, supervisor: bool = False) -> str:
    """Create a login role for a coach (or a supervisor); returns its group's name."""
    check_name(ler, name)
    check_password(password)
    group = repo.SUPERVISOR if supervisor else repo.COACH
    with ler.transaction() as session:
        try:
            repo.add_login(session.connection(), name, password, group)
        except SQLAlchemyError as exc:
            raise StorageError(_("cannot create role {role}: {problem}")
                               .format(role=name, problem=describe_error(exc))) from None
        audit.record(session=session, actor=ler.actor, action="create", entity="role",
                     entity_id=name, detail={"group": group})
    return group


def assign(ler: Lerkit, person_id: str, coach: str, *, share: bool = False) -> list[str]:
    """Move a person into ``coach``'s caseload (or, with ``share``, add them to it);
    returns the coaches the person now has."""
    found = who(ler)
    if found is None:
        raise BadInputError(_("caseloads are kept on a center's server: {why}")
                            .format(why=_(ONLY_POSTGRES)))
    if found.kind not in ("admin", "supervisor"):
        problem = (N_("only a supervisor or the administrator assigns people; role {role} "
                      "is a coach") if found.kind == "coach" else
                   N_("only a supervisor or the administrator assigns people; role {role} "
                      "is neither"))
        raise BadInputError(_(problem).format(role=found.name))
    require_person(ler, person_id)
    with ler.transaction() as session:
        if not repo.is_lerkit_coach(session.connection(), coach):
            raise BadInputError(_("{coach!r} is not a coach's role on this server (add one "
                                  "with: ler center add-coach NAME)").format(coach=coach))
        repo.assign(session, person_id, coach, share=share)
        audit.record(session=session, actor=ler.actor, action="assign", entity="person",
                     entity_id=person_id, person_id=person_id,
                     detail={"coach": coach, "shared": share})
        return repo.coaches_of(session, person_id)
