"""One person's whole record, table by table: read it out, check it, write it in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lerkit.core.errors import BadInputError
from lerkit.storage import rows

# What a portable profile holds, parents first. Not the audit log (it belongs to the
# database that recorded it), not taxonomies (shared reference data), not endorser
# profiles (an endorser's own identity, kept in the endorser's home).
PROFILE_TABLES = (
    "person", "experience", "claim", "evidence", "endorsement", "signingkey",
    "issuedcredential", "interviewsession", "interviewanswer",
)
# Integer ids are local to a database; the target assigns new ones.
LOCAL_IDS = {"interviewanswer": frozenset({"id"})}
# Columns that must point inside the profile (or be empty).
_INSIDE = {
    "claim": {"experience_id": "experience"},
    "evidence": {"experience_id": "experience", "claim_id": "claim"},
    "endorsement": {"claim_id": "claim"},
    "issuedcredential": {"claim_id": "claim"},
}

Record = dict[str, list[dict[str, Any]]]


def _where(tbl: sa.Table, person_id: str) -> Any:
    if tbl.name == "person":
        return tbl.c.id == person_id
    if tbl.name == "interviewanswer":
        sessions = rows.table("interviewsession")
        return tbl.c.session_id.in_(
            sa.select(sessions.c.id).where(sessions.c.person_id == person_id))
    return tbl.c.person_id == person_id


def read_person(conn: Connection, person_id: str) -> Record:
    """Every row of the person's record, as encoded data."""
    record: Record = {}
    for name in PROFILE_TABLES:
        tbl = rows.table(name)
        found = list(rows.select_rows(conn, tbl, _where(tbl, person_id)))
        for row in found:
            for column in LOCAL_IDS.get(name, ()):
                row.pop(column, None)
        record[name] = found
    return record


def decode_record(data: Any, source: str) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """Check and decode a record read from a file; returns the person id and the rows."""
    if not isinstance(data, dict) or set(data) - set(PROFILE_TABLES):
        raise BadInputError(f"{source}: the record holds unknown tables")
    decoded: dict[str, list[dict[str, Any]]] = {}
    for name in PROFILE_TABLES:
        items = data.get(name, [])
        if not isinstance(items, list):
            raise BadInputError(f"{source}: {name} is not a list")
        tbl = rows.table(name)
        drop = LOCAL_IDS.get(name, frozenset())
        decoded[name] = [rows.decode(tbl, item, source, drop=drop) for item in items]
    if len(decoded["person"]) != 1:
        raise BadInputError(f"{source}: a profile holds exactly one person")
    person_id = decoded["person"][0]["id"]
    _check_ownership(decoded, person_id, source)
    return person_id, decoded


def _check_ownership(decoded: Mapping[str, list[dict[str, Any]]], person_id: str,
                     source: str) -> None:
    ids = {name: {r["id"] for r in decoded[name] if "id" in r} for name in PROFILE_TABLES}
    for name in PROFILE_TABLES:
        for row in decoded[name]:
            if name != "person" and "person_id" in row and row["person_id"] != person_id:
                raise BadInputError(f"{source}: a {name} row belongs to someone else")
            for column, parent in _INSIDE.get(name, {}).items():
                if row.get(column) is not None and row[column] not in ids[parent]:
                    raise BadInputError(f"{source}: {name}.{column} points outside the profile")
            if name == "interviewanswer" and row["session_id"] not in ids["interviewsession"]:
                raise BadInputError(f"{source}: an interview answer has no session")


def person_exists(conn: Connection, person_id: str) -> bool:
    """True if the person is in this database."""
    person = rows.table("person")
    return conn.execute(sa.select(person.c.id).where(person.c.id == person_id)).first() is not None


def delete_person(conn: Connection, person_id: str) -> None:
    """Delete a person; the database cascades to everything that is theirs."""
    person = rows.table("person")
    conn.execute(person.delete().where(person.c.id == person_id))


def clashes(conn: Connection, decoded: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """Ids of the record already used by other rows in this database."""
    found: list[str] = []
    for name in PROFILE_TABLES:
        wanted = [r["id"] for r in decoded[name] if "id" in r]
        if not wanted:
            continue
        tbl = rows.table(name)
        for start in range(0, len(wanted), rows.BATCH):
            chunk = wanted[start:start + rows.BATCH]
            found += [f"{name} {i}" for (i,) in
                      conn.execute(sa.select(tbl.c.id).where(tbl.c.id.in_(chunk)))]
    return found


def insert_record(conn: Connection, decoded: Mapping[str, list[dict[str, Any]]]
                  ) -> dict[str, int]:
    """Insert every row, parents first; returns counts per table."""
    return {name: rows.insert_rows(conn, rows.table(name), decoded[name])
            for name in PROFILE_TABLES}
