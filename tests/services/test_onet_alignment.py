"""A claim on an O*NET work activity, and one on a lerkit competency that crosswalks to
O*NET: both carry O*NET alignments, in the signed credentials and every export format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from lerkit.core.records import ExperienceRecord, LifeArea
from lerkit.services import claims, keys, outputs, people, taxonomies
from lerkit.services.context import Lerkit
from tests.conftest import reference_verdicts
from tests.jsonresume_schema import jsonresume_schema

PASSPHRASE = "correct horse battery"
NAILS = "4.A.3.a.2.I21.D01"  # Treat nails by shaping, decorating, or augmenting.
MEDS_DWA = "4.A.4.a.5.I03.D06"  # Administer non-intravenous medications.


def test_onet_alignments_everywhere(db_url: str, tmp_path: Path,
                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    ler = Lerkit.open(db_url)
    try:
        for name in taxonomies.BUILTIN:
            taxonomies.ensure_builtin(ler, name)
        person = people.add_person(ler, "Lan Tran")
        salon = claims.add_experience(ler, person.id, ExperienceRecord(
            id="", life_area=LifeArea.PAID_WORK, title="Nail technician", started="2015",
            ended="2021"))
        home = claims.add_experience(ler, person.id, ExperienceRecord(
            id="", life_area=LifeArea.CAREGIVING, title="Caring for my father",
            started="2021", ongoing=True))
        claims.add_claim(ler, person.id, salon, "onet-dwa", NAILS,
                         "Treat nails by shaping, decorating, or augmenting.")
        claims.add_claim(ler, person.id, home, "lerkit", "caregiving.medication-management",
                         "Medication management")
        keys.init_key(ler, person.id, PASSPHRASE)
        out = tmp_path / "out"
        out.mkdir()
        result = outputs.export_to_folder(ler, person.id, out, PASSPHRASE)
    finally:
        ler.close()
    bundle = json.loads(result.bundle.path.read_text(encoding="utf-8"))
    alignments = {}
    for credential in bundle["credentialSubject"]["verifiableCredential"]:
        achievement = credential["credentialSubject"]["achievement"]
        alignments[achievement["name"]] = achievement["alignment"]
    dwa = alignments["Treat nails by shaping, decorating, or augmenting."]
    assert [(a["targetCode"], a["targetFramework"]) for a in dwa] == [
        (NAILS, "O*NET"), ("4.A.3.a.2.I21", "O*NET"), ("4.A.3.a.2", "O*NET")]
    assert dwa[1]["targetName"] == "Apply hygienic or cosmetic agents to skin or hair."
    assert dwa[2]["targetName"] == "Handling and Moving Objects"
    meds = alignments["Medication management"]
    assert meds[0]["targetCode"] == "caregiving.medication-management"
    assert MEDS_DWA in [a["targetCode"] for a in meds[1:]]
    assert all(a["targetFramework"] == "O*NET" for a in meds[1:])
    verdicts = reference_verdicts(result.bundle.path)
    assert len(verdicts) == 3 and all(line.startswith("OK ") for line in verdicts), verdicts
    page = result.files["html"].read_text(encoding="utf-8")
    markdown = result.files["md"].read_text(encoding="utf-8")
    for text in (page, markdown.replace("O\\*NET", "O*NET")):  # Markdown escapes the *
        assert f"O*NET {MEDS_DWA}: Administer non-intravenous medications." in text
        assert "O*NET 4.A.3.a.2.I21: Apply hygienic or cosmetic agents to skin or hair." in text
        assert "USDOL/ETA" in text  # O*NET's attribution wherever its content is shown
    resume = json.loads(result.files["jsonresume"].read_text(encoding="utf-8"))
    keywords = [k for skill in resume["skills"] for k in skill["keywords"]]
    assert f"O*NET {MEDS_DWA}: Administer non-intravenous medications." in keywords
    assert any("USDOL/ETA" in note for note in resume["meta"]["lerkit"]["attribution"])
    schema = jsonresume_schema(tmp_path_factory.mktemp("jsonresume"))
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(resume)] == []
    lerrs = result.files["ler-rs"].read_text(encoding="utf-8")
    assert f"Aligned to O*NET {MEDS_DWA}: Administer non-intravenous medications." in lerrs
