"""Every stored table, in one module (SQLModel).

Primary keys are short random text ids (see ``new_id``) so that records moved between
databases (a portable profile, a backup) never collide. Times are UTC. The schema itself
is created and changed only by the ordered migrations in ``lerkit.storage.migrations``;
a test keeps these classes and the migrated schema in step. Annotations are evaluated
at class creation (no ``from __future__ import annotations``), which spares SQLModel
and SQLAlchemy from parsing each one from a string.
"""

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint, text
from sqlmodel import Field, SQLModel
from sqlmodel._compat import SQLModelConfig  # the config type SQLModel declares

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case


def new_id() -> str:
    """A 12-character random id (60 bits), easy to read aloud and type."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(12))


def utcnow() -> datetime:
    """The current time in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def _json_column() -> Any:
    return Column(JSON, nullable=False)


class Row(SQLModel):
    """Base of every table: pydantic builds a table's validator on first use, not at import.

    Rows read from the database are not validated, so most commands never need one;
    building all fourteen at import time would cost every ``ler`` command start-up time.
    """

    model_config = SQLModelConfig(defer_build=True)


class Person(Row, table=True):
    """A worker: a coach's client, or the person using lerkit themself."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    name: str = Field(index=True, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    notes: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Experience(Row, table=True):
    """One story from the interview; ``ended`` stays empty while ``ongoing``."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    life_area: str = Field(max_length=40)
    title: str = Field(default="", max_length=300)
    organization: str = Field(default="", max_length=300)
    place: str = Field(default="", max_length=300)
    started: str | None = Field(default=None, max_length=40)
    ended: str | None = Field(default=None, max_length=40)
    ongoing: bool = False
    narrative: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Claim(Row, table=True):
    """A competency claimed from an experience: suggested, accepted or rejected."""

    __table_args__ = (
        UniqueConstraint("person_id", "experience_id", "taxonomy", "competency_id"),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    experience_id: str | None = Field(
        default=None, foreign_key="experience.id", index=True, ondelete="CASCADE"
    )
    taxonomy: str = Field(max_length=100)
    competency_id: str = Field(max_length=300)
    label: str = Field(max_length=300)
    proficiency: str | None = Field(default=None, max_length=40)
    status: str = Field(default="suggested", max_length=20, index=True)
    score: float | None = None
    why: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Evidence(Row, table=True):
    """A note, a URL, or a file (bound by its SHA-256 digest) behind a claim or story."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    experience_id: str | None = Field(
        default=None, foreign_key="experience.id", index=True, ondelete="CASCADE"
    )
    claim_id: str | None = Field(
        default=None, foreign_key="claim.id", index=True, ondelete="CASCADE"
    )
    kind: str = Field(max_length=10)
    name: str = Field(default="", max_length=300)
    narrative: str = ""
    url: str | None = Field(default=None, max_length=2000)
    file_name: str | None = Field(default=None, max_length=300)
    media_type: str | None = Field(default=None, max_length=100)
    size: int | None = None
    sha256: str | None = Field(default=None, max_length=64)
    dated: str | None = Field(default=None, max_length=40)  # when it happened, if said
    created_at: datetime = Field(default_factory=utcnow)


class Endorsement(Row, table=True):
    """A countersignature received from an endorser, kept as the signed credential."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    claim_id: str | None = Field(
        default=None, foreign_key="claim.id", index=True, ondelete="SET NULL"
    )
    credential_id: str = Field(max_length=300)
    endorsed_credential_id: str = Field(max_length=300)
    endorser_did: str = Field(max_length=300)
    endorser_name: str = Field(default="", max_length=300)
    relationship: str = Field(default="", max_length=200)
    comment: str = ""
    credential: dict[str, Any] = Field(sa_column=_json_column())
    received_at: datetime = Field(default_factory=utcnow)


class SigningKey(Row, table=True):
    """An Ed25519 key; the private part only ever stored sealed under a passphrase."""

    __table_args__ = (
        Index("ux_signingkey_one_active", "person_id", unique=True,
              sqlite_where=text("active = 1"), postgresql_where=text("active = TRUE")),
    )

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    did: str = Field(max_length=200, index=True)
    public_key_multibase: str = Field(max_length=100)
    sealed_secret: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    retired_at: datetime | None = None


class Taxonomy(Row, table=True):
    """An imported taxonomy; ``content_hash`` changes whenever its content does."""

    name: str = Field(primary_key=True, max_length=100)
    title: str = Field(default="", max_length=300)
    version: str = Field(default="", max_length=100)
    framework: str = Field(default="", max_length=300)
    source: str = Field(default="", max_length=1000)
    format: str = Field(default="", max_length=20)
    base_url: str | None = Field(default=None, max_length=1000)
    content_hash: str = Field(default="", max_length=64)
    size: int = 0
    imported_at: datetime = Field(default_factory=utcnow)
    in_default_search: bool = False


class Competency(Row, table=True):
    """One entry of an imported taxonomy."""

    __table_args__ = (UniqueConstraint("taxonomy", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    taxonomy: str = Field(foreign_key="taxonomy.name", index=True, ondelete="CASCADE")
    code: str = Field(max_length=300)
    label: str = Field(max_length=500)
    description: str = ""
    category: str | None = Field(default=None, max_length=300)
    parent: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=1000)
    alt_labels: list[str] = Field(default_factory=list, sa_column=_json_column())
    phrasings: list[str] = Field(default_factory=list, sa_column=_json_column())
    crosswalk: dict[str, list[str]] = Field(default_factory=dict, sa_column=_json_column())
    attributes: dict[str, Any] = Field(default_factory=dict, sa_column=_json_column())


class InterviewSession(Row, table=True):
    """An interview in progress; ``state`` is the engine's whole resumable state."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    status: str = Field(default="open", max_length=20)
    state: dict[str, Any] = Field(default_factory=dict, sa_column=_json_column())
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class InterviewAnswer(Row, table=True):
    """Every answer as it was given, in order (kept even if the person goes back)."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="interviewsession.id", index=True, ondelete="CASCADE")
    seq: int
    module: str = Field(max_length=100)
    question: str = Field(max_length=100)
    answer: str = ""
    skipped: bool = False
    at: datetime = Field(default_factory=utcnow)


class AuditEvent(Row, table=True):
    """Append-only log of every change: who, when, what (ids and fields, not content)."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=40)
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=300)
    person_id: str | None = Field(default=None, max_length=32, index=True)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=_json_column())


class Caseload(Row, table=True):
    """Who works with a person on a center's server: a coach's database role (a person
    can be shared). Row-level security uses it; the SQLite database leaves it empty."""

    person_id: str = Field(foreign_key="person.id", primary_key=True, ondelete="CASCADE",
                           max_length=32)
    coach: str = Field(primary_key=True, max_length=63, index=True)
    added_at: datetime = Field(default_factory=utcnow)


class SchemaMigration(Row, table=True):
    """One applied schema migration."""

    __tablename__ = "schema_migration"

    number: int = Field(primary_key=True)
    name: str = Field(max_length=100)
    applied_at: datetime = Field(default_factory=utcnow)


class IssuedCredential(Row, table=True):
    """A claim credential as signed at export, so endorsements of it stay verifiable.

    ``claim_digest`` fingerprints the claim's content when it was signed; a later export
    of an unchanged claim reuses this exact credential.
    """

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    person_id: str = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    claim_id: str = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    credential_id: str = Field(max_length=300, index=True)
    claim_digest: str = Field(max_length=100)
    credential_digest: str = Field(max_length=200)
    credential: dict[str, Any] = Field(sa_column=_json_column())
    issued_at: datetime = Field(default_factory=utcnow)
    # the signed credential's RDF dataset (N-Quads), so a bundle is signed without
    # turning it into RDF again; empty for rows from before it was kept
    rdf_nquads: str | None = Field(default=None)
    # binds rdf_nquads to this exact credential (see core/credentials/kept.py); a dataset
    # whose digest is missing or does not match is made again, never reused
    rdf_digest: str | None = Field(default=None, max_length=80)


class Endorser(Row, table=True):
    """An endorser's own profile and sealed key, kept in the endorser's lerkit home."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    name: str = Field(max_length=200)
    organization: str = Field(default="", max_length=300)
    role: str = Field(default="", max_length=200)
    url: str | None = Field(default=None, max_length=1000)
    email: str | None = Field(default=None, max_length=320)
    did: str = Field(max_length=200, index=True)
    sealed_secret: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class TrainingProgram(Row, table=True):
    """A program of a training catalogue a coach imported, and the work it teaches."""

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    catalogue: str = Field(max_length=100, index=True)
    example: bool = False
    program_id: str = Field(max_length=100)
    program: str = Field(max_length=300)
    provider: str = Field(default="", max_length=300)
    place: str = Field(default="", max_length=300)
    cost: str = Field(default="", max_length=300)
    length: str = Field(default="", max_length=300)
    occupations: list[str] = Field(default_factory=list, sa_column=_json_column())
    activities: list[str] = Field(default_factory=list, sa_column=_json_column())
    competencies: list[str] = Field(default_factory=list, sa_column=_json_column())
    imported_at: datetime = Field(default_factory=utcnow)
