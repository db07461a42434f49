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
])
def test_format_errors_exit_2(tmp_path: Path, sample: Sample, args: list[str],
                              needle: str) -> None:
    out = tmp_path / "x.html"
    args = [str(out) if a == "SAME" else a for a in args]
    result = ler("export", "--person", sample.person_id, "--out", str(out), *args)
    assert result.code == 2, result.stdout + result.stderr
    assert needle in result.stderr
    assert not out.exists()
