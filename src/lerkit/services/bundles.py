"""Export a person's signed bundle, and verify any bundle file.

An export is written under a temporary name in the target folder, read back, parsed
and verified in full; only then are its new credentials recorded and the file moved
into place. A file that fails is removed and :class:`WrittenFileError` says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from lerkit.core.credentials import bundle_file
from lerkit.core.credentials.badges import EVIDENCE_OMIT_PREFIX
from lerkit.core.credentials.bundle import BundleOptions, sign_bundle_with_datasets
from lerkit.core.credentials.keys import SealedKey
from lerkit.core.credentials.proofs import JCS, RDFC
from lerkit.core.credentials.report import BundleReport
from lerkit.core.credentials.written import check_written_bundle
from lerkit.core.errors import BadInputError, LerError, NotFoundError
from lerkit.core.evidence_checks import export_problem
from lerkit.core.i18n import _, ngettext
from lerkit.core.records import ClaimRecord
from lerkit.services import issued, keys, taxonomies
from lerkit.services.context import Lerkit
from lerkit.services.people import person_in
from lerkit.services.skill_areas import areas_in
from lerkit.storage import audit
from lerkit.storage.records import claim_records

CRYPTOSUITES = (RDFC, JCS)
BUNDLE_LIMIT = bundle_file.BUNDLE_LIMIT
Progress = Callable[[str], None]
Check = Callable[[Path], object]


@dataclass(frozen=True)
class ExportResult:
    """Where the bundle went and what it holds."""

    path: Path
    did: str
    claims: int
    sha256: str
    endorsements: int = 0
    left_out: tuple[str, ...] = ()
    report: BundleReport | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ExportInputs:
    """Everything an export reads from the record, read in one session."""

    person_name: str
    claims: list[ClaimRecord]
    sealed: SealedKey
    prepared: issued.Prepared
    areas: dict[str, str]
    problem: LerError | None = None  # what stands in the way, said after the passphrase
    omit: Mapping[str, frozenset[str]] = field(default_factory=dict)  # what is left out
    left_out: tuple[str, ...] = ()  # evidence left out because it could not be exported
    language: str = "en"  # of the record's words and skill names


def _unusable(claims: Sequence[ClaimRecord], omit: Mapping[str, frozenset[str]]
              ) -> list[tuple[ClaimRecord, str, str]]:
    """(claim, evidence id, why in words) for stored evidence an export cannot carry."""
    found = []
    for claim in claims:
        for ev in claim.evidence:
            why = export_problem(ev.kind.value, ev.url, ev.sha256)
            if why and f"{EVIDENCE_OMIT_PREFIX}{ev.id}" not in omit.get(claim.id, ()):
                found.append((claim, ev.id, f'the evidence "{ev.name or ev.id}" of the skill '
                                            f'"{claim.label}": {why}'))
    return found


def read_inputs(session: Session, person_id: str, claim_ids: Sequence[str] | None,
                cryptosuite: str, omit: Mapping[str, frozenset[str]], *,
                leave_out_unusable: bool = False, language: str = "en") -> ExportInputs:
    """The person, their accepted claims, their sealed key, the credentials to reuse and
    the claims' skill areas, in the caller's session. Stored evidence an export cannot
    carry (see :func:`lerkit.core.evidence_checks.export_problem`) is listed, item by
    item, as the problem to say after the passphrase, or left out of the export with
    ``leave_out_unusable``."""
    if cryptosuite not in CRYPTOSUITES:
        raise BadInputError(_("unknown cryptosuite {suite!r}; use one of: {suites}")
                            .format(suite=cryptosuite, suites=", ".join(CRYPTOSUITES)))
    person = person_in(session, person_id)
    claims = claims_in(session, person_id, claim_ids, language)
    sealed = keys.sealed_key_in(session, person_id)
    chosen = {k: frozenset(v) for k, v in omit.items()}
    unusable = _unusable(claims, chosen)
    if unusable and not leave_out_unusable:
        listed = "; ".join(why for _, _, why in unusable)
        problem = BadInputError(ngettext(
            "{n} piece of evidence cannot be exported: {listed}. Fix it (ler evidence edit "
            "or delete) or leave it out (ler export --leave-out-unusable)",
            "{n} pieces of evidence cannot be exported: {listed}. Fix them (ler evidence edit "
            "or delete) or leave them out (ler export --leave-out-unusable)",
            len(unusable)).format(n=len(unusable), listed=listed))
        return ExportInputs(person.name, claims, sealed, issued.Prepared(), {}, problem,
                            language=language)
    for claim, evidence_id, _why in unusable:
        chosen[claim.id] = chosen.get(claim.id, frozenset()) | {
            f"{EVIDENCE_OMIT_PREFIX}{evidence_id}"}
    left_out = tuple(why for _, _, why in unusable)
    try:
        prepared = issued.prepare(session, person_id, sealed.did, person.name, claims, chosen,
                                  cryptosuite, language)
    except LerError as exc:  # said after the passphrase is checked (see export_bundle)
        return ExportInputs(person.name, claims, sealed, issued.Prepared(), {}, exc,
                            language=language)
    return ExportInputs(person.name, claims, sealed, prepared, areas_in(session, claims, language),
                        omit=chosen, left_out=left_out, language=language)


def named_in(ler: Lerkit, language: str) -> None:
    """Make sure the skills' names in ``language`` can be read: lerkit's own taxonomy,
    with its texts in other languages, is in the database."""
    if language != "en":
        taxonomies.ensure_builtin(ler, "lerkit")


def accepted_claims(ler: Lerkit, person_id: str,
                    claim_ids: Sequence[str] | None = None) -> list[ClaimRecord]:
    """The person's accepted claims (optionally only some), ready to sign."""
    with ler.db.session() as session:
        person_in(session, person_id)
        return claims_in(session, person_id, claim_ids)


def claims_in(session: Session, person_id: str, claim_ids: Sequence[str] | None = None,
              language: str = "en") -> list[ClaimRecord]:
    """:func:`accepted_claims`, read in the caller's session (skills named in
    ``language`` where the taxonomy has it)."""
    found = claim_records(session=session, person_id=person_id, claim_ids=claim_ids,
                          language=language)
    if claim_ids is not None:
        missing = sorted(set(claim_ids) - {c.id for c in found})
        if missing:
            raise NotFoundError(_("not accepted claims of person {person}: {ids}")
                                .format(person=person_id, ids=", ".join(missing)))
    if not found:
        raise BadInputError(_("person {person} has no accepted claims to export")
                            .format(person=person_id))
    return found


def write_atomically(path: Path, data: bytes, check: Check | None = None) -> None:
    """Write a file so that it is either complete or not there at all.

    ``check`` is given the file as written, under a temporary name in the same folder,
    before it takes its own name; if ``check`` raises, no file is left.
    """
    folder = path.resolve().parent
    if not folder.is_dir():
        raise BadInputError(_("cannot write {path}: folder {folder} does not exist")
                            .format(path=path, folder=folder))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if check is not None:
            check(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_bundle(
    ler: Lerkit, person_id: str, out: Path, passphrase: str, *,
    claim_ids: Sequence[str] | None = None, cryptosuite: str = RDFC,
    omit: Mapping[str, frozenset[str]] | None = None,
    progress: Progress | None = None, inputs: ExportInputs | None = None,
    leave_out_unusable: bool = False, language: str = "en",
) -> ExportResult:
    """Sign the person's accepted claims into a CLR bundle, write it and verify the file.

    What the export needs is read in one session (or given as ``inputs``); the new claim
    credentials are recorded in one transaction, only once the file, read back, verifies;
    otherwise nothing is recorded, no file is left, and WrittenFileError (exit 4) says why.
    """
    chosen = dict(omit or {})
    if inputs is None:
        named_in(ler, language)
        with ler.db.session() as session:
            inputs = read_inputs(session, person_id, claim_ids, cryptosuite, chosen,
                                 leave_out_unusable=leave_out_unusable, language=language)
    if not out.resolve().parent.is_dir():
        raise BadInputError(_("cannot write {path}: folder {folder} does not exist")
                            .format(path=out, folder=out.resolve().parent))
    if progress:
        progress(_("unlocking the signing key"))
    identity = keys.start_unlock(ler, person_id, passphrase, inputs.sealed)  # other core
    claims, prepared = inputs.claims, inputs.prepared
    if inputs.problem is not None:
        identity.identity()  # a wrong passphrase is said first, before any other problem
        raise inputs.problem
    if progress:
        progress(ngettext("signing {n} claim", "signing {n} claims", len(claims))
                 .format(n=len(claims)))
    options = BundleOptions(holder_name=inputs.person_name, cryptosuite=cryptosuite,
                            omit={**chosen, **inputs.omit}, partial=claim_ids is not None or None,
                            signed=prepared.reused, datasets=prepared.datasets,
                            endorsements=prepared.endorsements, language=inputs.language)
    try:
        signed = sign_bundle_with_datasets(identity, claims, options)
    except LerError:
        identity.identity()  # a wrong passphrase is said first, before any other problem
        raise
    bundle = signed.credential
    data = json.dumps(bundle, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    reports: list[BundleReport] = []

    def check_and_record(written: Path) -> None:
        if progress:
            progress(_("checking the written bundle"))
        reports.append(check_written_bundle(written, data, name=out, limit=BUNDLE_LIMIT))
        with ler.transaction() as session:
            new = issued.record_new(session, person_id, prepared, claims, bundle,
                                    signed.datasets)
            audit.record(session=session, actor=ler.actor, action="export", entity="bundle",
                         entity_id=str(bundle.get("id")), person_id=person_id,
                         detail={"claims": len(claims), "cryptosuite": cryptosuite,
                                 "signed": new, "endorsements": len(prepared.endorsements)})

    write_atomically(out, data, check_and_record)
    digest = hashlib.sha256(data).hexdigest()
    return ExportResult(out, identity.did, len(claims), digest, len(prepared.endorsements),
                        (*prepared.left_out, *(f"left out {why}" for why in inputs.left_out)),
                        reports[0])


def read_bundle(path: Path) -> Any:
    """Parse a bundle file (size-limited)."""
    return bundle_file.read_bundle(path)


def verify_file(path: Path, evidence_dir: Path | None = None,
                trust_file: Path | None = None) -> BundleReport:
    """Verify a bundle file; unreadable input or trust list raises BadInputError (exit 2).

    The work is :func:`lerkit.core.credentials.bundle_file.verify_file`, which ``ler verify``
    calls directly, without loading the storage layer.
    """
    return bundle_file.verify_file(path, evidence_dir, trust_file)
