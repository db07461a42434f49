"""``ler export`` whose written file does not verify: exit 4, one line, no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, update

from lerkit.core.credentials.kept import dataset_digest
from lerkit.services.context import Lerkit
from lerkit.storage.endorsements import issued_for_claims
from lerkit.storage.tables import IssuedCredential
from tests.cli.runner import ler
from tests.services.sample import PASSPHRASE, make_sample


def test_an_export_that_does_not_verify_exits_4_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    first = tmp_path / "first.json"
    assert ler("export", "--person", sample.person_id, "--out", str(first)).code == 0
    opened = Lerkit.open()
    with opened.db.session() as session:
        row = issued_for_claims(session=session, person_id=sample.person_id,
                                claim_ids=sample.claim_ids)[0]
    assert row.rdf_nquads is not None
    forged = row.rdf_nquads + f'<{row.credential["id"]}> <https://schema.org/name> "X" .\n'
    with opened.transaction() as session:  # a tampered dataset under a forged digest
        session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == row.id)
                        .values(rdf_nquads=forged,
                                rdf_digest=dataset_digest(row.credential, forged)))
    opened.close()
    for args in ([], ["--format", "html"]):
        out = tmp_path / "again.html" if args else tmp_path / "again.json"
        result = ler("export", "--person", sample.person_id, "--out", str(out), *args)
        assert result.code == 4, result.stderr
        assert "did not verify after it was written" in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("ler: error:")]
        assert len(errors) == 1 and "Traceback" not in result.stderr
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["first.json"]
    assert not list(tmp_path.glob(".again*"))
