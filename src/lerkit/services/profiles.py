"""Portable profiles: one person's whole record in one passphrase-sealed file.

``save_profile`` reads the record in one transaction and seals it (Argon2id + SecretBox,
see ``lerkit.core.sealed_file``); ``load_profile`` checks the whole file before it
touches the database, then writes the record in one transaction. The format is
described in docs/portable-profile.md.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lerkit import __version__
from lerkit.core import sealed_file
from lerkit.core.errors import BadInputError, FileFormatError, NotFoundError
from lerkit.core.files import loads_json, read_bytes
from lerkit.core.i18n import _
from lerkit.services import keys, taxonomies
from lerkit.services.bundles import write_atomically
from lerkit.services.context import Lerkit
from lerkit.storage import audit, migrations
from lerkit.storage import profiles as repo

KIND = "lerkit-profile"
DATA_FORMAT = "lerkit-profile-data"
DATA_VERSION = 1
PROFILE_LIMIT = 256 * 1024 * 1024


@dataclass(frozen=True)
class ProfileResult:
    """What a profile file holds (or held)."""

    path: Path
    person_id: str
    name: str
    did: str | None
    counts: dict[str, int] = field(default_factory=dict)
    replaced: bool = False


def kdf_cost() -> tuple[int, int]:
    """Argon2id cost from LER_KEY_STRENGTH, as for signing keys."""
    name = os.environ.get("LER_KEY_STRENGTH", "interactive")
    if name not in keys.STRENGTHS:
        raise BadInputError(_("LER_KEY_STRENGTH must be one of {choices}")
                            .format(choices=", ".join(keys.STRENGTHS)))
    return keys.STRENGTHS[name]


def _did(record: dict[str, list[dict[str, Any]]]) -> str | None:
    active = [k["did"] for k in record["signingkey"] if k.get("active")]
    return str(active[0]) if active else None


def _result(path: Path, person_id: str, record: dict[str, list[dict[str, Any]]],
            replaced: bool = False) -> ProfileResult:
    return ProfileResult(path, person_id, str(record["person"][0]["name"]), _did(record),
                         {k: len(v) for k, v in record.items()}, replaced)


def seal_record(ler: Lerkit, person_id: str, passphrase: str
                ) -> tuple[bytes, dict[str, list[dict[str, Any]]]]:
    """The sealed profile file's bytes, and the record it holds."""
    keys.check_new_passphrase(passphrase)
    with ler.db.engine.connect() as conn, conn.begin():
        if not repo.person_exists(conn, person_id):
            raise NotFoundError(_("no person with id {id!r}").format(id=person_id))
        record = repo.read_person(conn, person_id)
    payload = {
        "format": DATA_FORMAT, "version": DATA_VERSION,
        "schema_version": migrations.latest(), "lerkit": __version__,
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "person_id": person_id, "record": record,
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    ops, mem = kdf_cost()
    return sealed_file.seal(data, passphrase, kind=KIND, opslimit=ops, memlimit=mem), record


def save_profile(ler: Lerkit, person_id: str, path: Path, passphrase: str, *,
                 record_audit: bool = True) -> ProfileResult:
    """Write the person's sealed profile to ``path`` (atomically, readable only by you)."""
    sealed, record = seal_record(ler, person_id, passphrase)
    write_atomically(path, sealed)
    if record_audit:
        with ler.transaction() as session:
            audit.record(session=session, actor=ler.actor, action="export", entity="profile",
                         entity_id=person_id, person_id=person_id,
                         detail={"rows": {k: len(v) for k, v in record.items()}})
    return _result(path, person_id, record)


def check_profile_file(path: Path) -> None:
    """Refuse a damaged file, or one whose key derivation lerkit would not run, before
    asking for its passphrase (nothing is derived or decrypted)."""
    header = sealed_file.read_header(read_bytes(path, PROFILE_LIMIT), str(path))[0]
    if header.kind != KIND:
        raise sealed_file.DamagedFileError(_("{path}: holds a {kind!r}, not a profile")
                                           .format(path=path, kind=header.kind))


def read_profile(path: Path, passphrase: str) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """Open and check a profile file; nothing is stored."""
    source = str(path)
    plain = sealed_file.unseal(read_bytes(path, PROFILE_LIMIT), passphrase, kind=KIND,
                               source=source)
    try:
        payload: Any = loads_json(plain, source)
    except FileFormatError as exc:
        raise sealed_file.DamagedFileError(_("{source}: the profile data is malformed "
                                             "({reason})").format(source=source,
                                                                  reason=exc.reason)) from None
    if not isinstance(payload, dict) or payload.get("format") != DATA_FORMAT:
        raise BadInputError(_("{source}: not a lerkit profile").format(source=source))
    if payload.get("version") != DATA_VERSION:
        raise BadInputError(_("{source}: profile format version {version} is not supported "
                              "by this lerkit").format(source=source,
                                                       version=payload.get("version")))
    schema = payload.get("schema_version")
    if not isinstance(schema, int) or schema > migrations.latest():
        raise BadInputError(_("{source}: made by a newer lerkit (schema {schema}); upgrade "
                              "lerkit").format(source=source, schema=schema))
    person_id, record = repo.decode_record(payload.get("record"), source)
    if payload.get("person_id") != person_id:
        raise BadInputError(_("{source}: the profile's person does not match its record")
                            .format(source=source))
    return person_id, record


def load_profile(ler: Lerkit, path: Path, passphrase: str, *, replace: bool = False
                 ) -> ProfileResult:
    """Restore a profile in one transaction; a person already here needs ``replace``."""
    person_id, record = read_profile(path, passphrase)
    replaced = False
    with ler.transaction() as session:
        conn = session.connection()
        if repo.person_exists(conn, person_id):
            if not replace:
                raise BadInputError(_(
                    "person {person} ({name}) is already here; use --replace to replace "
                    "their record with the profile's").format(
                        person=person_id, name=record["person"][0]["name"]))
            repo.delete_person(conn, person_id)
            replaced = True
        taken = repo.clashes(conn, record)
        if taken:
            raise BadInputError(_("the profile's ids are already used by other records "
                                  "here: {ids}").format(ids=", ".join(taken[:5])))
        repo.insert_record(conn, record)
        audit.record(session=session, actor=ler.actor, action="import", entity="profile",
                     entity_id=person_id, person_id=person_id,
                     detail={"replaced": replaced,
                             "rows": {k: len(v) for k, v in record.items()}})
    for name in sorted({c["taxonomy"] for c in record["claim"]} & set(taxonomies.BUILTIN)):
        taxonomies.ensure_builtin(ler, name)
    return _result(path, person_id, record, replaced)
