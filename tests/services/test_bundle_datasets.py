"""Claim credentials keep their RDF dataset, so later bundles are signed from it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import col, update

from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.services import bundles
from lerkit.services.context import Lerkit
from lerkit.storage.endorsements import issued_for_claims
from lerkit.storage.tables import IssuedCredential
from tests.conftest import need_interop, reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _rows(ler: Lerkit, person_id: str, claim_ids: list[str]) -> list[IssuedCredential]:
    with ler.db.session() as session:
        return issued_for_claims(session=session, person_id=person_id, claim_ids=claim_ids)


def test_exports_keep_datasets_and_mend_missing_or_damaged_ones(
        ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    first = tmp_path / "first.json"
    bundles.export_bundle(ler, sample.person_id, first, PASSPHRASE)
    rows = _rows(ler, sample.person_id, sample.claim_ids)
    assert len(rows) == 3
    for row in rows:  # the kept dataset is the credential's own RDF
        assert row.rdf_nquads is not None and f"<{row.credential['id']}> " in row.rdf_nquads
    # a row stored before datasets were kept, and one whose dataset was damaged
    with ler.transaction() as session:
        session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == rows[0].id)
                        .values(rdf_nquads=None))
        session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == rows[1].id)
                        .values(rdf_nquads="<urn:x:a> <urn:p:q> <urn:x:b> .\n"))
    second = tmp_path / "second.json"
    bundles.export_bundle(ler, sample.person_id, second, PASSPHRASE)
    report = bundles.verify_file(second, evidence_dir=tmp_path)
    assert report.valid, report.all_errors()
    inner = json.loads(second.read_text("utf-8"))["credentialSubject"]["verifiableCredential"]
    assert inner == json.loads(first.read_text("utf-8"))["credentialSubject"][
        "verifiableCredential"]  # reused byte for byte
    refreshed = {row.id: row for row in _rows(ler, sample.person_id, sample.claim_ids)}
    assert len(refreshed) == 3  # nothing signed again
    for row in rows[:2]:  # the missing and the damaged dataset are made again and kept
        assert refreshed[row.id].rdf_nquads == canonicalize_rdfc(row.credential)
    assert refreshed[rows[2].id].rdf_nquads == rows[2].rdf_nquads


def test_bundles_from_kept_datasets_pass_the_reference_verifier(
        ler: Lerkit, tmp_path: Path) -> None:
    need_interop()  # before any work: skips or fails at once without the verifier
    sample = make_sample(ler, tmp_path, n_claims=6)
    files = []
    for name in ("first.json", "again.json"):  # new signatures, then kept datasets only
        path = tmp_path / name
        bundles.export_bundle(ler, sample.person_id, path, PASSPHRASE)
        files.append(str(path))
    lines = reference_verdicts(*files)
    assert len(lines) == 14 and all(line.startswith("OK ") for line in lines)
