"""An endorser's file is verified as written: each proof, and each binding to its claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials.proofs import sign_document
from lerkit.core.credentials.written import EXIT_NOT_VERIFIED, WrittenFileError
from lerkit.services import bundles, endorsers, endorsing
from lerkit.services.context import Lerkit
from tests.services.sample import PASSPHRASE, make_sample

ENDORSER_PASSPHRASE = "quiet river lantern"


def _review(tmp_path: Path) -> tuple[Lerkit, endorsing.BundleReview]:
    ler = Lerkit.open()
    sample = make_sample(ler, tmp_path)
    bundle = tmp_path / "bundle.json"
    bundles.export_bundle(ler, sample.person_id, bundle, PASSPHRASE)
    endorsers.init_endorser(ler, ENDORSER_PASSPHRASE, name="Dana Ortiz")
    return ler, endorsing.review_bundle(bundle)


def test_an_endorsers_file_that_does_not_verify_is_not_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ler, review = _review(tmp_path)
    claim_ids = [review.claims[0].credential_id]
    real = sign_document

    def changed_after_signing(document: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        signed = real(document, *args, **kwargs)
        signed["name"] = str(signed.get("name", "")) + " (changed)"
        return signed

    out = tmp_path / "endorsements.json"
    try:
        monkeypatch.setattr(endorsing, "sign_document", changed_after_signing)
        with pytest.raises(WrittenFileError) as caught:
            endorsing.endorse(ler, review, out, ENDORSER_PASSPHRASE, claim_ids=claim_ids,
                              relationship="supervisor")
        assert caught.value.exit_code == EXIT_NOT_VERIFIED
        assert not out.exists() and not list(tmp_path.glob(".endorsements.json*"))
        monkeypatch.setattr(endorsing, "sign_document", real)
        done = endorsing.endorse(ler, review, out, ENDORSER_PASSPHRASE, claim_ids=claim_ids,
                                 relationship="supervisor")
    finally:
        ler.close()
    assert json.loads(out.read_text("utf-8")) == done.endorsements
