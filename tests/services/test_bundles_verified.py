"""Kept datasets are bound to their credential by digest; every export verifies its file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select, update

from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.core.credentials.endorsement import credential_digest
from lerkit.core.credentials.kept import KeptDataset, dataset_digest
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.credentials.written import EXIT_NOT_VERIFIED, WrittenFileError
from lerkit.core.outputs.render import render
from lerkit.services import bundles, keys, outputs
from lerkit.services.context import Lerkit
from lerkit.storage.endorsements import issued_for_claims
from lerkit.storage.tables import AuditEvent, IssuedCredential
from tests.conftest import need_interop, reference_verdicts
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


def _set(ler: Lerkit, row_id: str, **values: Any) -> None:
    with ler.transaction() as session:
        session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == row_id)
                        .values(**values))


def _forged(row: IssuedCredential) -> str:
    """The row's dataset with one more statement about the credential: its id and
    proofValue are still in it, so a substring check would take it."""
    assert row.rdf_nquads is not None
    extra = f'<{row.credential["id"]}> <https://schema.org/name> "Forged skill" .\n'
    return row.rdf_nquads + extra


def _inner(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text("utf-8"))["credentialSubject"]["verifiableCredential"])


def _export_twice(ler: Lerkit, tmp_path: Path, change: Any) -> tuple[Sample, Path, Path]:
    sample = make_sample(ler, tmp_path)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    bundles.export_bundle(ler, sample.person_id, first, PASSPHRASE)
    change(sample)
    result = bundles.export_bundle(ler, sample.person_id, second, PASSPHRASE)
    assert result.report is not None and result.report.valid
    assert bundles.verify_file(second, evidence_dir=tmp_path).valid
    return sample, first, second


def test_every_kept_dataset_is_bound_to_its_credential(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    bundles.export_bundle(ler, sample.person_id, tmp_path / "b.json", PASSPHRASE)
    for row in _rows(ler, sample):
        assert row.rdf_nquads is not None and row.rdf_digest is not None
        assert KeptDataset(row.rdf_nquads, row.rdf_digest).fits(row.credential)


def test_a_tampered_dataset_is_made_again_and_the_bundle_verifies(
        ler: Lerkit, tmp_path: Path) -> None:
    rows: list[IssuedCredential] = []

    def tamper(sample: Sample) -> None:
        rows.extend(_rows(ler, sample))
        _set(ler, rows[0].id, rdf_nquads=_forged(rows[0]))  # the digest no longer matches
        _set(ler, rows[1].id, rdf_digest="sha256:" + "0" * 64)  # nor does this one
        _set(ler, rows[2].id, rdf_digest=None)  # a row from before digests were kept

    sample, first, second = _export_twice(ler, tmp_path, tamper)
    assert _inner(second) == _inner(first)  # reused byte for byte, nothing signed again
    after = {row.id: row for row in _rows(ler, sample)}
    assert set(after) == {row.id for row in rows}
    for row in rows:
        kept = after[row.id]
        assert kept.rdf_nquads == canonicalize_rdfc(row.credential)
        assert kept.rdf_digest == dataset_digest(row.credential, kept.rdf_nquads)


def test_the_reference_verifier_accepts_a_bundle_whose_datasets_were_made_again(
        ler: Lerkit, tmp_path: Path) -> None:
    need_interop()  # before any work: skips or fails at once without the verifier

    def tamper(sample: Sample) -> None:
        for row in _rows(ler, sample):
            _set(ler, row.id, rdf_nquads=_forged(row))

    _sample, _first, second = _export_twice(ler, tmp_path, tamper)
    lines = reference_verdicts(second)
    assert len(lines) == 4 and all(line.startswith("OK ") for line in lines)


def test_a_dataset_whose_credential_changed_is_made_again(ler: Lerkit, tmp_path: Path) -> None:
    changed: dict[str, dict[str, Any]] = {}

    def sign_again(sample: Sample) -> None:
        row = _rows(ler, sample)[0]
        unsigned = {k: v for k, v in row.credential.items() if k != "proof"}
        identity = keys.unlock(ler, sample.person_id, PASSPHRASE)
        credential = sign_document(unsigned, identity, created="2030-01-01T00:00:00Z")
        changed[row.id] = credential  # the old dataset and digest stay on the row
        _set(ler, row.id, credential=credential, credential_digest=credential_digest(credential))

    sample, _first, second = _export_twice(ler, tmp_path, sign_again)
    [(row_id, credential)] = changed.items()
    assert credential in _inner(second)
    kept = next(row for row in _rows(ler, sample) if row.id == row_id)
    assert kept.rdf_nquads == canonicalize_rdfc(credential)
    assert kept.rdf_nquads is not None and kept.rdf_digest is not None
    assert KeptDataset(kept.rdf_nquads, kept.rdf_digest).fits(credential)


def _forge_binding(ler: Lerkit, sample: Sample) -> IssuedCredential:
    """Tamper a kept dataset and forge its digest too: signing then uses the wrong RDF."""
    row = _rows(ler, sample)[0]
    forged = _forged(row)
    _set(ler, row.id, rdf_nquads=forged, rdf_digest=dataset_digest(row.credential, forged))
    return row


def test_an_export_that_does_not_verify_leaves_no_file_and_records_nothing(
        ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    bundles.export_bundle(ler, sample.person_id, out / "first.json", PASSPHRASE)
    _forge_binding(ler, sample)
    with ler.db.session() as session:
        before = len(session.exec(select(AuditEvent)).all())
    target = out / "second.json"
    with pytest.raises(WrittenFileError) as caught:
        bundles.export_bundle(ler, sample.person_id, target, PASSPHRASE)
    assert caught.value.exit_code == EXIT_NOT_VERIFIED
    assert "second.json did not verify after it was written" in caught.value.message
    assert "proof" in caught.value.message
    assert not target.exists()
    assert sorted(p.name for p in out.iterdir()) == ["first.json"]  # no temporary file left
    with ler.db.session() as session:
        assert len(session.exec(select(AuditEvent)).all()) == before
    assert len(_rows(ler, sample)) == 3


def test_a_bundle_that_fails_keeps_the_earlier_file(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    out = tmp_path / "bundle.json"
    bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE)
    earlier = out.read_bytes()
    _forge_binding(ler, sample)
    with pytest.raises(WrittenFileError):
        outputs.write_outputs(ler, sample.person_id, PASSPHRASE,
                              {"html": tmp_path / "page.html"}, bundle_path=out)
    assert out.read_bytes() == earlier
    assert not (tmp_path / "page.html").exists()


def test_a_signed_derived_file_is_verified_as_written(
        ler: Lerkit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = make_sample(ler, tmp_path)
    real = render

    def broken(name: str, page: Any, bundle: Any) -> bytes:
        data = real(name, page, bundle)
        return data.replace(b"Shipping and receiving", b"Shipping and receiving!", 1)

    monkeypatch.setattr(outputs, "render", broken)
    target = tmp_path / "record.ler-rs.json"
    with pytest.raises(WrittenFileError, match=r"record\.ler-rs\.json did not verify"):
        outputs.write_outputs(ler, sample.person_id, PASSPHRASE, {"ler-rs": target},
                              bundle_path=tmp_path / "record.bundle.json")
    assert not target.exists()
    assert not list(tmp_path.glob(".record.ler-rs.json*"))
    monkeypatch.setattr(outputs, "render", real)
    result = outputs.write_outputs(ler, sample.person_id, PASSPHRASE, {"ler-rs": target},
                                   bundle_path=tmp_path / "record.bundle.json")
    assert result.files["ler-rs"] == target and target.exists()
