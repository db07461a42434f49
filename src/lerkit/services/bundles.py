"""Export a person's signed bundle, and verify any bundle file."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lerkit.core.credentials.bundle import BundleOptions, sign_bundle_with_datasets
from lerkit.core.credentials.proofs import JCS, RDFC
from lerkit.core.credentials.report import BundleReport
from lerkit.core.credentials.trust import load_trust_list
from lerkit.core.credentials.verify import verify_bundle
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.files import read_json
from lerkit.core.records import ClaimRecord
from lerkit.services import issued, keys
from lerkit.services.context import Lerkit
from lerkit.services.people import require_person
from lerkit.storage import audit
from lerkit.storage.records import claim_records

CRYPTOSUITES = (RDFC, JCS)
BUNDLE_LIMIT = 64 * 1024 * 1024
Progress = Callable[[str], None]


@dataclass(frozen=True)
class ExportResult:
    """Where the bundle went and what it holds."""

    path: Path
    did: str
    claims: int
    sha256: str
    endorsements: int = 0
    left_out: tuple[str, ...] = ()


def accepted_claims(ler: Lerkit, person_id: str,
                    claim_ids: Sequence[str] | None = None) -> list[ClaimRecord]:
    """The person's accepted claims (optionally only some), ready to sign."""
    require_person(ler, person_id)
    with ler.db.session() as session:
        found = claim_records(session=session, person_id=person_id, claim_ids=claim_ids)
    if claim_ids is not None:
        missing = sorted(set(claim_ids) - {c.id for c in found})
        if missing:
            raise NotFoundError(
                f"not accepted claims of person {person_id}: {', '.join(missing)}"
            )
    if not found:
        raise BadInputError(f"person {person_id} has no accepted claims to export")
    return found


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that it is either complete or not there at all."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise BadInputError(f"cannot write {path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_bundle(
    ler: Lerkit, person_id: str, out: Path, passphrase: str, *,
    claim_ids: Sequence[str] | None = None, cryptosuite: str = RDFC,
    omit: Mapping[str, frozenset[str]] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Sign the person's accepted claims into a CLR bundle and write it atomically."""
    if cryptosuite not in CRYPTOSUITES:
        raise BadInputError(f"unknown cryptosuite {cryptosuite!r}; use {' or '.join(CRYPTOSUITES)}")
    person = require_person(ler, person_id)
    claims = accepted_claims(ler, person_id, claim_ids)
    if not out.resolve().parent.is_dir():
        raise BadInputError(f"cannot write {out}: folder {out.resolve().parent} does not exist")
    if progress:
        progress("unlocking the signing key")
    identity = keys.start_unlock(ler, person_id, passphrase)  # Argon2id on the other core
    if progress:
        progress(f"signing {len(claims)} claims")
    chosen = dict(omit or {})
    with ler.db.session() as session:
        prepared = issued.prepare(session, person_id, identity.did, person.name, claims,
                                  chosen, cryptosuite)
    options = BundleOptions(holder_name=person.name, cryptosuite=cryptosuite, omit=chosen,
                            partial=claim_ids is not None or None, signed=prepared.reused,
                            datasets=prepared.datasets, endorsements=prepared.endorsements)
    signed = sign_bundle_with_datasets(identity, claims, options)
    bundle = signed.credential
    data = json.dumps(bundle, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    with ler.transaction() as session:
        new = issued.record_new(session, person_id, prepared, claims, bundle, signed.datasets)
        audit.record(session=session, actor=ler.actor, action="export", entity="bundle",
                     entity_id=str(bundle.get("id")), person_id=person_id,
                     detail={"claims": len(claims), "cryptosuite": cryptosuite, "signed": new,
                             "endorsements": len(prepared.endorsements)})
    write_atomically(out, data)
    digest = hashlib.sha256(data).hexdigest()
    return ExportResult(out, identity.did, len(claims), digest, len(prepared.endorsements),
                        tuple(prepared.left_out))


def read_bundle(path: Path) -> Any:
    """Parse a bundle file (size-limited)."""
    return read_json(path, BUNDLE_LIMIT)


def verify_file(path: Path, evidence_dir: Path | None = None,
                trust_file: Path | None = None) -> BundleReport:
    """Verify a bundle file; unreadable input or trust list raises BadInputError (exit 2)."""
    if evidence_dir is not None and not evidence_dir.is_dir():
        raise BadInputError(f"{evidence_dir}: not a folder")
    trust = load_trust_list(trust_file) if trust_file is not None else None
    return verify_bundle(read_bundle(path), evidence_dir, trust=trust)
