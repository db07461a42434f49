"""Credentials stored with a proof object (as lerkit signed them before) in new exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, update

from lerkit.core.credentials.endorsement import build_endorsement, credential_digest
from lerkit.core.credentials.kept import KeptDataset
from lerkit.core.credentials.proofs import sign_document
from lerkit.services import bundles, endorsements
from lerkit.services.context import Lerkit
from lerkit.storage.endorsements import issued_for_claims
from lerkit.storage.tables import IssuedCredential
from tests.conftest import reference_verdicts
from tests.services.endorsed import ENDORSER, PROFILE, STAMP
from tests.services.sample import PASSPHRASE, Sample, make_sample


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _rows(ler: Lerkit, sample: Sample) -> list[IssuedCredential]:
    with ler.db.session() as session:
        return issued_for_claims(session=session, person_id=sample.person_id,
                                 claim_ids=sample.claim_ids)


def _as_stored_before(ler: Lerkit, row: IssuedCredential) -> dict[str, Any]:
    """Turn the row into what an earlier lerkit stored: a proof object, its dataset bound
    to that JSON."""
    [proof] = row.credential["proof"]
    old = {**row.credential, "proof": proof}
    assert row.rdf_nquads is not None
    kept = KeptDataset.made_from(old, row.rdf_nquads)
    with ler.transaction() as session:
        session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == row.id)
                        .values(credential=old, credential_digest=credential_digest(old),
                                rdf_digest=kept.digest))
    return old


def _inner(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text("utf-8"))["credentialSubject"]["verifiableCredential"])


def _endorse(ler: Lerkit, sample: Sample, credential: dict[str, Any], folder: Path) -> None:
    unsigned = build_endorsement(PROFILE, credential, relationship="supervisor",
                                 comment="Every week.", valid_from=STAMP)
    received = folder / "endorsements.json"
    received.write_text(json.dumps([sign_document(unsigned, ENDORSER, created=STAMP)]), "utf-8")
    endorsements.import_endorsements(ler, received, sample.person_id)


def test_an_old_proof_object_is_exported_as_an_array(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    bundles.export_bundle(ler, sample.person_id, first, PASSPHRASE)
    old = {row.id: _as_stored_before(ler, row) for row in _rows(ler, sample)}
    bundles.export_bundle(ler, sample.person_id, second, PASSPHRASE)
    inner = _inner(second)
    assert inner == _inner(first)  # the same credentials, the same proofs, as arrays
    assert all(isinstance(c["proof"], list) for c in inner)
    for row in _rows(ler, sample):
        assert isinstance(row.credential["proof"], dict)  # the record keeps what was signed
        normalized = {**old[row.id], "proof": [old[row.id]["proof"]]}
        assert row.rdf_nquads is not None and row.rdf_digest is not None
        assert KeptDataset(row.rdf_nquads, row.rdf_digest).fits(normalized)  # made again
    reference_verdicts(second)  # and the second verifier agrees


def test_an_endorsement_bound_to_the_object_form_keeps_it(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    bundles.export_bundle(ler, sample.person_id, tmp_path / "first.json", PASSPHRASE)
    row = _rows(ler, sample)[0]
    old = _as_stored_before(ler, row)
    _endorse(ler, sample, old, tmp_path)  # made from an earlier file, object form
    out = tmp_path / "second.json"
    result = bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE)
    assert result.endorsements == 1
    inner = {c["id"]: c for c in _inner(out)}
    assert inner[old["id"]] == old  # byte for byte, so that the endorsement's digest holds
    assert all(isinstance(c["proof"], list) for i, c in inner.items() if i != old["id"])
    reference_verdicts(out)


def test_an_endorsement_of_the_array_form_is_taken_and_carried(ler: Lerkit,
                                                               tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    bundles.export_bundle(ler, sample.person_id, tmp_path / "first.json", PASSPHRASE)
    row = _rows(ler, sample)[0]
    old = _as_stored_before(ler, row)
    second = tmp_path / "second.json"
    bundles.export_bundle(ler, sample.person_id, second, PASSPHRASE)
    exported = next(c for c in _inner(second) if c["id"] == old["id"])
    assert exported == {**old, "proof": [old["proof"]]}
    _endorse(ler, sample, exported, tmp_path)  # the record holds the object form
    third = tmp_path / "third.json"
    result = bundles.export_bundle(ler, sample.person_id, third, PASSPHRASE)
    assert result.endorsements == 1 and not result.left_out
    assert exported in _inner(third)
    reference_verdicts(third)
