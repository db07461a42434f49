"""A record exported in Spanish: the skills' names and the record's own words in Spanish,
each skill's English name and alignments kept, and the bundle verifies everywhere."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lerkit.services import bundles
from lerkit.services.context import Lerkit
from tests.conftest import need_interop, reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _achievements(path: Path) -> list[dict[str, Any]]:
    bundle = json.loads(path.read_text("utf-8"))
    return [vc["credentialSubject"]["achievement"]
            for vc in bundle["credentialSubject"]["verifiableCredential"]]


def test_a_spanish_record_names_skills_in_spanish_and_keeps_the_english(
    ler: Lerkit, tmp_path: Path
) -> None:
    sample = make_sample(ler, tmp_path)
    english, spanish = tmp_path / "en.json", tmp_path / "es.json"
    bundles.export_bundle(ler, sample.person_id, spanish, PASSPHRASE, language="es")
    bundles.export_bundle(ler, sample.person_id, english, PASSPHRASE)
    before, after = _achievements(english), _achievements(spanish)
    assert sorted(a["name"] for a in before) == [
        "Medication management", "Shift supervision", "Shipping and receiving"]
    for en, es in zip(before, after, strict=True):
        assert "inLanguage" not in en and es["inLanguage"] == "es"
        assert es["name"] != en["name"] and es["description"] != en["description"]
        own_en, own_es = en["alignment"][0], es["alignment"][0]
        assert own_es["targetName"] == en["name"]  # the English name travels with it
        assert own_es["targetCode"] == own_en["targetCode"]
        assert [a["targetUrl"] for a in es["alignment"]] == [
            a["targetUrl"] for a in en["alignment"]]  # O*NET / ESCO alignments unchanged
        assert es["criteria"]["narrative"].startswith("Autodeclarada")
    doc = json.loads(spanish.read_text("utf-8"))
    assert "autodeclarado" in doc["name"]
    report = bundles.verify_file(spanish)
    assert report.valid, report.all_errors()


def test_the_reference_verifier_accepts_a_spanish_record(ler: Lerkit, tmp_path: Path) -> None:
    need_interop()
    sample = make_sample(ler, tmp_path)
    out = tmp_path / "es.json"
    bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE, language="es")
    assert _achievements(out)[0]["inLanguage"] == "es"
    lines = reference_verdicts(out)
    assert lines and all(line.startswith("OK ") for line in lines), lines
