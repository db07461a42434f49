"""``ler export --format``: every format from one signed bundle; ``--expect-digest`` checks it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from lerkit.services.context import Lerkit
from tests.cli.runner import ler
from tests.services.sample import PASSPHRASE, Sample, make_sample, without_random_ids


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sample:
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    opened = Lerkit.open()
    try:
        return make_sample(opened, tmp_path)
    finally:
        opened.close()


def test_html_writes_the_bundle_beside_it_and_the_digest_verifies(
    tmp_path: Path, sample: Sample
) -> None:
    page = tmp_path / "record.html"
    result = ler("export", "--person", sample.person_id, "--format", "html", "--out", str(page))
    assert result.code == 0, result.stderr
    digest = result.stdout.strip()
    bundle = tmp_path / "record.bundle.json"
    assert digest == "sha256:" + hashlib.sha256(bundle.read_bytes()).hexdigest()
    text = page.read_text(encoding="utf-8")
    assert digest in text and "ler verify record.bundle.json --expect-digest " + digest in text
    assert f"--expect-digest {digest}" in result.stderr
    assert ler("verify", str(bundle), "--expect-digest", digest).code == 0
    grouped = "sha256: " + " ".join(digest[7:][i:i + 8] for i in range(0, 64, 8))
    assert ler("verify", str(bundle), "--expect-digest", grouped).code == 0
    wrong = ler("verify", str(bundle), "--expect-digest", "sha256:" + "0" * 64, "--json")
    assert wrong.code == 1
    assert json.loads(wrong.stdout)["valid"] is False
    assert "not the expected" in " ".join(json.loads(wrong.stdout)["errors"])


@pytest.mark.parametrize(("fmt", "needle"), [
    ("md", "# Skills record: Marcus Bell"),
    ("jsonresume", '"basics"'),
    ("ler-rs", "LER-RSType.json"),
    ("bundle", "ClrCredential"),
])
def test_each_format_with_disclosure_choices(
    tmp_path: Path, sample: Sample, fmt: str, needle: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    first = sample.claim_ids[0]
    result = ler("export", "--person", sample.person_id, "--format", fmt, "--out", str(out),
                 "--claims", f"{first},{sample.claim_ids[1]}", "--omit", f"{first}:organization",
                 "--omit", f"{first}:dates")
    assert result.code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert needle in text
    assert "US Army" not in text and "Shift supervision" not in text
    assert "2009" not in without_random_ids(text)
    assert "Medication management" in text
    beside = tmp_path / "out.bundle.json"
    assert beside.exists() == (fmt != "bundle")


def test_record_language_spanish_page_and_bundle_verify(tmp_path: Path, sample: Sample) -> None:
    page = tmp_path / "registro.html"
    result = ler("export", "--person", sample.person_id, "--format", "html", "--out", str(page),
                 "--record-language", "es")
    assert result.code == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert '<html lang="es">' in text and "Cómo comprobar este registro" in text
    assert "Manejo de medicamentos" in text and "How to check" not in text
    bundle = tmp_path / "registro.bundle.json"
    names = [vc["credentialSubject"]["achievement"]["name"] for vc in json.loads(
        bundle.read_text(encoding="utf-8"))["credentialSubject"]["verifiableCredential"]]
    assert "Manejo de medicamentos" in names
    assert ler("verify", str(bundle), "--expect-digest", result.stdout.strip()).code == 0
    md = tmp_path / "record.md"  # the default is the language on screen: English here
    assert ler("export", "--person", sample.person_id, "-f", "md", "-o", str(md)).code == 0
    assert md.read_text(encoding="utf-8").startswith("# Skills record: Marcus Bell")


def test_bundle_option_names_the_bundle(tmp_path: Path, sample: Sample) -> None:
    page, bundle = tmp_path / "page.html", tmp_path / "signed" / "mine.json"
    bundle.parent.mkdir()
    result = ler("export", "--person", sample.person_id, "-f", "html", "-o", str(page),
                 "--bundle", str(bundle))
    assert result.code == 0, result.stderr
    assert "ler verify mine.json --expect-digest" in page.read_text(encoding="utf-8")
    assert ler("verify", str(bundle), "--expect-digest", result.stdout.strip()).code == 0


@pytest.mark.parametrize(("args", "needle"), [
    (["--format", "pdf"], "--format 'pdf'"),
    (["--format", "bundle", "--bundle", "b.json"], "--bundle goes with"),
    (["--format", "html", "--bundle", "SAME"], "its own file"),
    (["--format", "md", "--gap", "99-9999.99"], "no O*NET occupation '99-9999.99'"),
    (["--format", "html", "--gap", "no such work at all"], "no O*NET occupation"),
    (["--format", "jsonresume", "--gap", "43-5011.00"], "--gap goes with --format html or md"),
    (["--gap", "43-5011.00"], "--gap goes with --format html or md"),
    (["--format", "html", "--record-language", "xx"], "--record-language 'xx'"),
])
def test_format_errors_exit_2(tmp_path: Path, sample: Sample, args: list[str],
                              needle: str) -> None:
    out = tmp_path / "x.html"
    args = [str(out) if a == "SAME" else a for a in args]
    result = ler("export", "--person", sample.person_id, "--out", str(out), *args)
    assert result.code == 2, result.stdout + result.stderr
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and not (tmp_path / "x.bundle.json").exists()


def test_gap_section_only_when_asked_for_and_outside_the_signature(
    tmp_path: Path, sample: Sample
) -> None:
    plain, chosen = tmp_path / "plain.md", tmp_path / "chosen.html"
    without = ler("export", "--person", sample.person_id, "-f", "md", "-o", str(plain))
    assert without.code == 0, without.stderr
    assert "Target and gap" not in plain.read_text(encoding="utf-8")
    result = ler("export", "--person", sample.person_id, "-f", "html", "-o", str(chosen),
                 "--gap", "43-5011.00")
    assert result.code == 0, result.stderr
    assert ("Adding the target and gap section for Cargo and Freight Agents (43-5011.00); "
            "it is not part of the signed record") in " ".join(result.stderr.split())
    page = chosen.read_text(encoding="utf-8")
    assert "Target and gap: Cargo and Freight Agents" in page
    assert "<strong>Not part of the signed record.</strong>" in page
    assert ("Inspect shipments to ensure correct order fulfillment: shown by Shipping and "
            "receiving") in page
    bundle = tmp_path / "chosen.bundle.json"
    assert "Cargo and Freight Agents" not in bundle.read_text(encoding="utf-8")
    assert ler("verify", str(bundle), "--expect-digest", result.stdout.strip()).code == 0
