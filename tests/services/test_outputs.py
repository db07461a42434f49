"""Every export format from one signed bundle, with the same selective disclosure."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from lerkit.core.credentials.proofs import verify_proofs
from lerkit.core.credentials.verify import verify_bundle
from lerkit.core.errors import BadInputError, PassphraseError
from lerkit.services import bundles, outputs, taxonomies
from lerkit.services.context import Lerkit
from tests import published_schemas
from tests.jsonresume_schema import jsonresume_schema
from tests.services.endorsed import COMMENT, PROFILE, endorse_first_claim
from tests.services.sample import PASSPHRASE, Sample, make_sample


def _sample(db_url: str | None, folder: Path) -> tuple[Lerkit, Sample]:
    ler = Lerkit.open(db_url)
    taxonomies.ensure_builtin(ler, "lerkit")
    return ler, make_sample(ler, folder)


def test_formats_for_the_export_screen() -> None:
    assert [f.name for f in outputs.FORMATS] == ["bundle", "html", "md", "jsonresume", "ler-rs"]
    assert all(f.title and f.description and f.suffix.startswith(".") for f in outputs.FORMATS)
    assert outputs.default_basename("Zoë  O'Brien!") == "zoe-o-brien-skills-record"
    assert outputs.bundle_path_for(Path("/x/page.html")) == Path("/x/page.bundle.json")


def test_export_to_folder_writes_every_format(
    db_url: str, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    ler, sample = _sample(db_url, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    try:
        result = outputs.export_to_folder(ler, sample.person_id, out, PASSPHRASE)
    finally:
        ler.close()
    names = sorted(p.name for p in result.paths)
    stem = "marcus-bell-skills-record"
    assert names == sorted(f"{stem}{s}" for s in (".bundle.json", ".html", ".md",
                                                  ".resume.json", ".ler-rs.json"))
    data = result.bundle.path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == result.bundle.sha256
    assert bundles.verify_file(result.bundle.path).valid
    page = result.files["html"].read_text(encoding="utf-8")
    assert f"sha256:{result.bundle.sha256}" in page
    assert "Logistics, transportation and supply" in page and "Self-attested" in page
    assert result.bundle.sha256 in result.files["md"].read_text(encoding="utf-8")
    resume = json.loads(result.files["jsonresume"].read_text(encoding="utf-8"))
    schema = jsonresume_schema(tmp_path_factory.mktemp("jsonresume"))
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(resume)] == []
    lerrs = json.loads(result.files["ler-rs"].read_text(encoding="utf-8"))
    assert published_schemas.errors("LER-RS", lerrs) == []
    assert published_schemas.errors("ClrCredential", json.loads(data)) == []
    signed = json.loads(data)["credentialSubject"]["verifiableCredential"]
    embedded = [v["otherW3CVerifiableCredential"] for h in lerrs["employmentHistories"]
                for v in h["verifications"]]
    assert sorted(v["id"] for v in embedded) == sorted(c["id"] for c in signed)
    for credential in embedded:
        assert credential in signed
        assert verify_bundle(credential).valid


def test_endorsements_appear_in_every_format(tmp_path: Path) -> None:
    ler, sample = _sample(None, tmp_path)
    try:
        endorse_first_claim(ler, sample, tmp_path)
        result = outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE)
    finally:
        ler.close()
    page = result.files["html"].read_text(encoding="utf-8")
    assert "Sgt. Dana Ortiz</strong>, supervisor, Fort Carson Transition Center" in page
    assert "Endorsed</span>" in page and COMMENT in page
    assert "Sgt. Dana Ortiz**, supervisor" in result.files["md"].read_text(encoding="utf-8")
    resume = json.loads(result.files["jsonresume"].read_text(encoding="utf-8"))
    assert resume["references"] == [{
        "name": f"{PROFILE.name} (supervisor, {PROFILE.organization})",
        "reference": f"Endorses “Shipping and receiving”: {COMMENT}"}]
    lerrs = json.loads(result.files["ler-rs"].read_text(encoding="utf-8"))
    assert published_schemas.errors("LER-RS", lerrs) == []
    endorsed = next(s for s in lerrs["skills"] if s["name"] == "Shipping and receiving")
    assert endorsed["endorsers"][0]["person"]["name"]["formattedName"] == PROFILE.name
    embedded = [v["otherW3CVerifiableCredential"] for h in lerrs["employmentHistories"]
                for v in h["verifications"]]
    endorsing = [v for v in embedded if "EndorsementCredential" in v["type"]]
    assert [v["issuer"]["id"] for v in endorsing] == [PROFILE.did]
    assert all(r.ok for v in endorsing for r in verify_proofs(v))
    assert all(verify_bundle(v).valid for v in embedded if v not in endorsing)


def test_selective_disclosure_applies_to_every_format(tmp_path: Path) -> None:
    ler, sample = _sample(None, tmp_path)
    first, second, _third = sample.claim_ids
    omit = {first: frozenset({"dates", "organization", "place"})}
    try:
        result = outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE,
                                          claim_ids=[first, second], omit=omit, basename="some")
    finally:
        ler.close()
    assert len(result.paths) == 5
    for path in result.paths:
        text = path.read_text(encoding="utf-8")
        for hidden in ("US Army", "Fort Carson", "2009", "2021-12-31", "Shift supervision"):
            assert hidden not in text, (path.name, hidden)
        assert "Shipping and receiving" in text and "Medication management" in text


def test_bad_requests_write_nothing(tmp_path: Path) -> None:
    ler, sample = _sample(None, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    try:
        with pytest.raises(BadInputError, match="unknown format"):
            outputs.export_to_folder(ler, sample.person_id, out, PASSPHRASE, ["html", "pdf"])
        with pytest.raises(BadInputError, match="not a folder"):
            outputs.export_to_folder(ler, sample.person_id, out / "nope", PASSPHRASE)
        with pytest.raises(BadInputError, match="its own file"):
            outputs.write_outputs(ler, sample.person_id, PASSPHRASE, {"html": out / "a.json"},
                                  bundle_path=out / "a.json")
        with pytest.raises(PassphraseError, match="wrong passphrase"):
            outputs.export_to_folder(ler, sample.person_id, out, "not the passphrase")
    finally:
        ler.close()
    assert list(out.iterdir()) == []
