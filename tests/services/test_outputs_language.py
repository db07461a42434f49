"""The readable record in the language the person chose, whatever the screen speaks: the
page, the Markdown and the JSON Resume in Spanish, the signed bundle they describe with
Spanish skill names and each skill's English name and alignments kept."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from lerkit.core import i18n
from lerkit.core.credentials import build_endorsement, sign_document
from lerkit.services import bundles, endorsements, outputs
from lerkit.services.context import Lerkit
from tests.jsonresume_schema import jsonresume_schema
from tests.services.endorsed import ENDORSER, PROFILE, STAMP
from tests.services.sample import PASSPHRASE, Sample, make_sample

SPANISH_SKILLS = ("Manejo de medicamentos", "Supervisión de turno",
                  "Envíos y recepción de mercancía")
ENGLISH_SKILLS = ("Medication management", "Shift supervision", "Shipping and receiving")
# words of the page and the Markdown that must not be left in English in a Spanish record
ENGLISH_WORDS = ("How to check this record", "Self-attested", "Endorsed by", "Skills record",
                 "Military service", "Caregiving", "ongoing", "Level", "Signing key",
                 "Logistics, transportation and supply")


def endorse_in_spanish(ler: Lerkit, sample: Sample, folder: Path) -> None:
    """An endorsement of the Spanish credential of a skill (an endorsement signs the
    credential as it reads, so one of the English credential stays with English records)."""
    first = folder / "for-endorser.json"
    bundles.export_bundle(ler, sample.person_id, first, PASSPHRASE, language="es")
    credentials = json.loads(first.read_text(encoding="utf-8"))["credentialSubject"][
        "verifiableCredential"]
    skill = next(c for c in credentials
                 if c["credentialSubject"]["achievement"]["name"] == SPANISH_SKILLS[2])
    unsigned = build_endorsement(PROFILE, skill, relationship="supervisor",
                                 comment="Muy responsable.", valid_from=STAMP,
                                 worker_name="Marcus Bell")
    received = folder / "endorsements.json"
    received.write_text(json.dumps([sign_document(unsigned, ENDORSER, created=STAMP)]),
                        encoding="utf-8")
    endorsements.import_endorsements(ler, received, sample.person_id)
    first.unlink()


@pytest.fixture
def exported(db_url: str, tmp_path: Path) -> Iterator[tuple[Sample, outputs.OutputsResult]]:
    ler = Lerkit.open(db_url)
    try:
        sample = make_sample(ler, tmp_path)
        endorse_in_spanish(ler, sample, tmp_path)
        out = tmp_path / "out"
        out.mkdir()
        assert i18n.current_language() == "en"  # the screen speaks English
        yield sample, outputs.export_to_folder(ler, sample.person_id, out, PASSPHRASE,
                                               language="es")
    finally:
        ler.close()


def _text(result: outputs.OutputsResult, name: str) -> str:
    return result.files[name].read_text(encoding="utf-8")


def _achievements(path: Path) -> list[dict[str, Any]]:
    bundle = json.loads(path.read_text("utf-8"))
    return [vc["credentialSubject"]["achievement"]
            for vc in bundle["credentialSubject"]["verifiableCredential"]]


def test_the_page_is_in_spanish(exported: tuple[Sample, outputs.OutputsResult]) -> None:
    _, result = exported
    page = _text(result, "html")
    assert '<html lang="es">' in page
    for words in ("Cómo comprobar este registro", "Registro de habilidades",
                  "Autodeclarada", "Con respaldo", "Respaldada por", "Servicio militar",
                  "Cuidado de otras personas", "desde 2021 (hasta hoy)", "Huella digital",
                  "Logística, transporte y suministros", "En palabras de Marcus Bell",
                  "firma comprobada", *SPANISH_SKILLS):
        assert words in page, words
    visible = re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)
    for words in (*ENGLISH_WORDS, *ENGLISH_SKILLS):
        assert words not in visible, words
    assert f"sha256:{result.bundle.sha256}" in page


def test_the_markdown_is_in_spanish(exported: tuple[Sample, outputs.OutputsResult]) -> None:
    _, result = exported
    text = _text(result, "md")
    assert text.startswith("# Registro de habilidades: Marcus Bell\n")
    for words in ("## Cómo comprobar este registro", "**Nivel:**", "*Autodeclarada*",
                  "Habilidades de un vistazo:", *SPANISH_SKILLS):
        assert words in text, words
    for words in (*ENGLISH_WORDS, *ENGLISH_SKILLS):
        assert words not in text, words
    assert result.bundle.sha256 in text


def test_the_json_resume_is_in_spanish_and_valid(
    exported: tuple[Sample, outputs.OutputsResult], tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, result = exported
    resume = json.loads(_text(result, "jsonresume"))
    schema = jsonresume_schema(tmp_path_factory.mktemp("jsonresume"))
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(resume)] == []
    assert resume["basics"]["summary"].startswith("3 habilidades de la vida y el trabajo")
    assert sorted(s["name"] for s in resume["skills"]) == sorted(SPANISH_SKILLS)
    assert {w["description"] for w in resume["work"]} == {"Servicio militar",
                                                         "Cuidado de otras personas"}
    assert any(ref["reference"].startswith("Respalda «") for ref in resume["references"])
    keys = set(resume) | set(resume["basics"]) | set(resume["meta"]["lerkit"])
    assert {"basics", "skills", "summary", "bundleFile", "digest"} <= keys  # keys stay English


def test_the_bundle_agrees_and_keeps_the_english(
    exported: tuple[Sample, outputs.OutputsResult]
) -> None:
    _, result = exported
    achievements = _achievements(result.bundle.path)
    assert sorted(a["name"] for a in achievements) == sorted(SPANISH_SKILLS)
    assert sorted(a["alignment"][0]["targetName"] for a in achievements) == sorted(
        ENGLISH_SKILLS)
    assert all(a["inLanguage"] == "es" for a in achievements)
    assert bundles.verify_file(result.bundle.path).valid
    lerrs = json.loads(_text(result, "ler-rs"))
    assert any("Nivel: " in c for s in lerrs["skills"] for c in s["comments"])


def test_english_is_the_default_and_unchanged(db_url: str, tmp_path: Path) -> None:
    ler = Lerkit.open(db_url)
    try:
        sample = make_sample(ler, tmp_path)
        result = outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE,
                                          formats=("html", "md"))
    finally:
        ler.close()
    page = _text(result, "html")
    assert '<html lang="en">' in page and "How to check this record" in page
    assert "Cómo" not in page and "Autodeclarada" not in _text(result, "md")
    assert sorted(a["name"] for a in _achievements(result.bundle.path)) == sorted(
        ENGLISH_SKILLS)
