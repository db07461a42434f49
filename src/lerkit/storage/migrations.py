"""Ordered schema migrations, each applied once and recorded in ``schema_migration``.

Each migration describes its own tables with frozen SQLAlchemy definitions, so that an
old database is always upgraded through the same steps, whatever the current classes in
``tables.py`` look like. Add a migration by appending a function to ``MIGRATIONS``;
never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

Migration = Callable[[Connection], None]


def _id(name: str = "id") -> sa.Column[str]:
    return sa.Column(name, sa.String(32), primary_key=True)


def _fk(
    name: str, target: str, ondelete: str = "CASCADE", nullable: bool = False
) -> sa.Column[str]:
    return sa.Column(
        name, sa.String(32), sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
    )


def _text(name: str, length: int | None = None, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(length), nullable=nullable)


def _time(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def m0001_initial(conn: Connection) -> None:
    """People, their stories, claims, evidence, endorsements, keys, taxonomies, audit log."""
    md = sa.MetaData()
    sa.Table(
        "person", md, _id(), _text("name", 200), _text("email", 320, True), _text("notes"),
        _time("created_at"), _time("updated_at"),
        sa.Index("ix_person_name", "name"),
    )
    sa.Table(
        "experience", md, _id(), _fk("person_id", "person.id"), _text("life_area", 40),
        _text("title", 300), _text("organization", 300), _text("place", 300),
        _text("started", 40, True), _text("ended", 40, True),
        sa.Column("ongoing", sa.Boolean(), nullable=False), _text("narrative"),
        _time("created_at"), _time("updated_at"),
    )
    sa.Table(
        "claim", md, _id(), _fk("person_id", "person.id"),
        _fk("experience_id", "experience.id", nullable=True),
        _text("taxonomy", 100), _text("competency_id", 300), _text("label", 300),
        _text("proficiency", 40, True), _text("status", 20),
        sa.Column("score", sa.Float(), nullable=True), _text("why"),
        _time("created_at"), _time("updated_at"),
        sa.UniqueConstraint("person_id", "experience_id", "taxonomy", "competency_id"),
        sa.Index("ix_claim_status", "status"),
    )
    sa.Table(
        "evidence", md, _id(), _fk("person_id", "person.id"),
        _fk("experience_id", "experience.id", nullable=True),
        _fk("claim_id", "claim.id", nullable=True),
        _text("kind", 10), _text("name", 300), _text("narrative"), _text("url", 2000, True),
        _text("file_name", 300, True), _text("media_type", 100, True),
        sa.Column("size", sa.Integer(), nullable=True), _text("sha256", 64, True),
        _time("created_at"),
    )
    sa.Table(
        "endorsement", md, _id(), _fk("person_id", "person.id"),
        _fk("claim_id", "claim.id", ondelete="SET NULL", nullable=True),
        _text("credential_id", 300), _text("endorsed_credential_id", 300),
        _text("endorser_did", 300), _text("endorser_name", 300), _text("relationship", 200),
        _text("comment"), sa.Column("credential", sa.JSON(), nullable=False),
        _time("received_at"),
    )
    sa.Table(
        "signingkey", md, _id(), _fk("person_id", "person.id"), _text("did", 200),
        _text("public_key_multibase", 100),
        sa.Column("sealed_secret", sa.LargeBinary(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _time("created_at"), _time("retired_at", True),
        sa.Index("ix_signingkey_did", "did"),
    )
    sa.Table(
        "taxonomy", md, sa.Column("name", sa.String(100), primary_key=True),
        _text("title", 300), _text("version", 100), _text("framework", 300),
        _text("source", 1000), _text("format", 20), _text("base_url", 1000, True),
        _text("content_hash", 64), sa.Column("size", sa.Integer(), nullable=False),
        _time("imported_at"),
    )
    sa.Table(
        "competency", md, sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "taxonomy", sa.String(100), sa.ForeignKey("taxonomy.name", ondelete="CASCADE"),
            nullable=False, index=True,
        ),
        _text("code", 300), _text("label", 500), _text("description"),
        _text("category", 300, True), _text("parent", 300, True), _text("url", 1000, True),
        sa.Column("alt_labels", sa.JSON(), nullable=False),
        sa.Column("phrasings", sa.JSON(), nullable=False),
        sa.Column("crosswalk", sa.JSON(), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.UniqueConstraint("taxonomy", "code"),
    )
    sa.Table(
        "auditevent", md, sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _time("at"), _text("actor", 200), _text("action", 40), _text("entity", 40),
        _text("entity_id", 300), _text("person_id", 32, True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Index("ix_auditevent_at", "at"), sa.Index("ix_auditevent_person_id", "person_id"),
    )
    md.create_all(conn)
    _make_audit_append_only(conn)


def _make_audit_append_only(conn: Connection) -> None:
    """Refuse UPDATE and DELETE on the audit log, in the database itself."""
    if conn.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER auditevent_no_{verb.lower()} BEFORE {verb} ON auditevent "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "CREATE FUNCTION auditevent_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent "
            "FOR EACH ROW EXECUTE FUNCTION auditevent_append_only()"
        )


def m0002_interviews(conn: Connection) -> None:
    """Resumable interview sessions and every answer given."""
    md = sa.MetaData()
    sa.Table("person", md, _id())
    sa.Table(
        "interviewsession", md, _id(), _fk("person_id", "person.id"), _text("status", 20),
        sa.Column("state", sa.JSON(), nullable=False), _time("created_at"), _time("updated_at"),
    )
    sa.Table(
        "interviewanswer", md,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _fk("session_id", "interviewsession.id"),
        sa.Column("seq", sa.Integer(), nullable=False), _text("module", 100),
        _text("question", 100), _text("answer"),
        sa.Column("skipped", sa.Boolean(), nullable=False), _time("at"),
    )
    md.create_all(conn, tables=[md.tables["interviewsession"], md.tables["interviewanswer"]])


def m0003_endorsements(conn: Connection) -> None:
    """Claim credentials as issued (for endorsements), and endorser profiles."""
    md = sa.MetaData()
    sa.Table("person", md, _id())
    sa.Table("claim", md, _id())
    sa.Table(
        "issuedcredential", md, _id(), _fk("person_id", "person.id"),
        _fk("claim_id", "claim.id"), _text("credential_id", 300), _text("claim_digest", 100),
        _text("credential_digest", 200), sa.Column("credential", sa.JSON(), nullable=False),
        _time("issued_at"), sa.Index("ix_issuedcredential_credential_id", "credential_id"),
    )
    sa.Table(
        "endorser", md, _id(), _text("name", 200), _text("organization", 300),
        _text("role", 200), _text("url", 1000, True), _text("email", 320, True),
        _text("did", 200), sa.Column("sealed_secret", sa.LargeBinary(), nullable=False),
        _time("created_at"), sa.Index("ix_endorser_did", "did"),
    )
    md.create_all(conn, tables=[md.tables["issuedcredential"], md.tables["endorser"]])


def m0004_credential_datasets(conn: Connection) -> None:
    """Issued claim credentials keep their RDF dataset (N-Quads) for signing bundles."""
    kind = sa.String().compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE issuedcredential ADD COLUMN rdf_nquads {kind}")


def m0005_default_search(conn: Connection) -> None:
    """A taxonomy can be part of the default search (``ler taxonomy default NAME``)."""
    conn.exec_driver_sql(
        "ALTER TABLE taxonomy ADD COLUMN in_default_search BOOLEAN NOT NULL DEFAULT FALSE"
    )


def m0006_dataset_digests(conn: Connection) -> None:
    """A kept RDF dataset gets the digest that binds it to its credential."""
    kind = sa.String(80).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE issuedcredential ADD COLUMN rdf_digest {kind}")


def m0007_evidence_dates(conn: Connection) -> None:
    """A piece of evidence gets its own optional date ("2019-05", "spring 2019", "ongoing")."""
    kind = sa.String(40).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE evidence ADD COLUMN dated {kind}")


def m0008_training_catalogue(conn: Connection) -> None:
    """Training programs a coach imports (``ler training import``) and what they teach."""
    md = sa.MetaData()
    sa.Table(
        "trainingprogram", md, _id(), _text("catalogue", 100),
        sa.Column("example", sa.Boolean(), nullable=False), _text("program_id", 100),
        _text("program", 300), _text("provider", 300), _text("place", 300),
        _text("cost", 300), _text("length", 300),
        *(sa.Column(name, sa.JSON(), nullable=False)
          for name in ("occupations", "activities", "competencies")),
        _time("imported_at"), sa.Index("ix_trainingprogram_catalogue", "catalogue"),
    )
    md.create_all(conn, tables=[md.tables["trainingprogram"]])


def m0009_center(conn: Connection) -> None:
    """One active key per person, kept by the database; caseloads (used on a center's
    server); on PostgreSQL the audit log's actor is the connection's own role, and a
    stored key can only be retired, never changed."""
    md = sa.MetaData()
    sa.Table("person", md, _id())
    sa.Table(
        "caseload", md,
        sa.Column("person_id", sa.String(32), sa.ForeignKey("person.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("coach", sa.String(63), primary_key=True), _time("added_at"),
        sa.Index("ix_caseload_coach", "coach"),
    )
    md.create_all(conn, tables=[md.tables["caseload"]])
    true = "TRUE" if conn.dialect.name == "postgresql" else "1"
    # a database that somehow holds two active keys for a person keeps the newest
    conn.exec_driver_sql(
        f"UPDATE signingkey SET active = {'FALSE' if true == 'TRUE' else '0'} "
        f"WHERE active = {true} AND EXISTS (SELECT 1 FROM signingkey newer "
        f"WHERE newer.person_id = signingkey.person_id AND newer.active = {true} "
        "AND (newer.created_at, newer.id) > (signingkey.created_at, signingkey.id))"
    )
    conn.exec_driver_sql(
        "CREATE UNIQUE INDEX ux_signingkey_one_active ON signingkey (person_id) "
        f"WHERE active = {true}"
    )
    if conn.dialect.name == "postgresql":
        for statement in _CENTER_SQL:
            conn.exec_driver_sql(statement)


_CENTER_SQL = (
    "ALTER TABLE auditevent ALTER COLUMN actor SET DEFAULT session_user",
    # who and when come from the connection, whatever an INSERT says
    "CREATE FUNCTION auditevent_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.actor := session_user; NEW.at := date_trunc('second', statement_timestamp()); "
    "RETURN NEW; END $$",
    "CREATE TRIGGER auditevent_stamp BEFORE INSERT ON auditevent "
    "FOR EACH ROW EXECUTE FUNCTION auditevent_stamp()",
    # a stored key is never rewritten: the only change is retiring it
    "CREATE FUNCTION signingkey_retire_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF NOT OLD.active OR NEW.active OR NEW.id <> OLD.id OR NEW.person_id <> OLD.person_id "
    "OR NEW.did <> OLD.did OR NEW.public_key_multibase <> OLD.public_key_multibase "
    "OR NEW.sealed_secret <> OLD.sealed_secret OR NEW.created_at <> OLD.created_at THEN "
    "RAISE EXCEPTION 'a signing key can only be retired'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER signingkey_retire_only BEFORE UPDATE ON signingkey "
    "FOR EACH ROW EXECUTE FUNCTION signingkey_retire_only()",
)


def m0010_caseload_pages(conn: Connection) -> None:
    """On PostgreSQL: a page of people in name order read from an index, and each person's
    coaches kept beside them (a copy of the caseload's names, which a trigger on
    ``caseload`` maintains once ``ler center init`` has run), so that row-level security
    checks a person without looking anything up. Not mapped to ``Person``: lerkit never
    reads or writes it, and coaches cannot."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql("CREATE INDEX ix_person_lower_name ON person (lower(name), id)")
    conn.exec_driver_sql("ALTER TABLE person ADD COLUMN coaches text[] NOT NULL DEFAULT '{}'")


def m0011_caseload_counts(conn: Connection) -> None:
    """On PostgreSQL: the rows a caseload page counts (experiences, claims, evidence,
    endorsements) carry their person's coaches too, copied by triggers that ``ler center
    init`` installs, so that row-level security checks each of them without a lookup in
    the caseload. Not mapped, as for ``person.coaches``."""
    if conn.dialect.name != "postgresql":
        return
    for name in ("experience", "claim", "evidence", "endorsement"):
        conn.exec_driver_sql(
            f"ALTER TABLE {name} ADD COLUMN coaches text[] NOT NULL DEFAULT '{{}}'")


# The tables a caseload page counts for each of its people: m0011 gave them a copy of
# their person's coaches.
COUNTED = ("experience", "claim", "evidence", "endorsement")

# Columns a migration adds on PostgreSQL that no table class maps (see m0010, m0011).
SERVER_ONLY_COLUMNS = dict.fromkeys(("person", *COUNTED), ("coaches",))


MIGRATIONS: list[tuple[int, str, Migration]] = [
    (1, "initial", m0001_initial),
    (2, "interviews", m0002_interviews),
    (3, "endorsements", m0003_endorsements),
    (4, "credential datasets", m0004_credential_datasets),
    (5, "default search", m0005_default_search),
    (6, "dataset digests", m0006_dataset_digests),
    (7, "evidence dates", m0007_evidence_dates),
    (8, "training catalogue", m0008_training_catalogue),
    (9, "center", m0009_center),
    (10, "caseload pages", m0010_caseload_pages),
    (11, "caseload counts", m0011_caseload_counts),
]

_LEDGER = sa.Table(
    "schema_migration",
    sa.MetaData(),
    sa.Column("number", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


def applied(engine: Engine) -> list[int]:
    """Numbers of the migrations already applied to this database."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("schema_migration"):
            return []
        return [row[0] for row in conn.execute(sa.select(_LEDGER.c.number).order_by("number"))]


def latest() -> int:
    """The number of the newest migration this lerkit knows."""
    return MIGRATIONS[-1][0]


def pending(done: list[int]) -> list[int]:
    """The migrations not yet in ``done`` (what :func:`applied` returned)."""
    applied_already = set(done)
    return [number for number, _, _ in MIGRATIONS if number not in applied_already]


def upgrade(engine: Engine, target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all); return those applied.

    Each migration runs in its own transaction together with its ledger row, so a
    crash leaves the database at the last complete step.
    """
    ran: list[int] = []
    for number, name, migrate in MIGRATIONS:
        if target is not None and number > target:
            break
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # one upgrader at a time across processes
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7202611)")
            _LEDGER.create(conn, checkfirst=True)
            done = conn.execute(
                sa.select(_LEDGER.c.number).where(_LEDGER.c.number == number)
            ).first()
            if done is not None:
                continue
            migrate(conn)
            conn.execute(
                _LEDGER.insert().values(
                    number=number, name=name,
                    applied_at=datetime.now(UTC).replace(microsecond=0),
                )
            )
        ran.append(number)
    return ran
