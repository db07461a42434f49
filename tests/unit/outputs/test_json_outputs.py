"""JSON Resume validates against the published schema; LER-RS embeds the credentials."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from lerkit.core.errors import BadInputError
from lerkit.core.outputs.jsonresume import render_json_resume
from lerkit.core.outputs.lerrs import LER_RS_TYPE, render_ler_rs
from lerkit.core.outputs.render import FORMAT_NAMES, render
from tests import published_schemas
from tests.jsonresume_schema import closed, jsonresume_schema
from tests.unit.outputs.factory import DIGEST, EVIL, bundle, page


def _errors(schema: object, doc: object) -> list[str]:
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_json_resume_validates(tmp_path_factory: pytest.TempPathFactory) -> None:
    schema = jsonresume_schema(tmp_path_factory.mktemp("jsonresume"))
    for omit in ({}, {"c1": frozenset({"dates", "organization", "place", "narrative"})}):
        resume = render_json_resume(page(omit=omit))
        assert _errors(schema, resume) == []
        assert _errors(closed(schema), resume) == []


def test_json_resume_content() -> None:
    resume = render_json_resume(page())
    assert resume["basics"]["name"].startswith("Zoë")
    assert [w["position"] for w in resume["work"]] == [f"Title 1 {EVIL}"]
    assert resume["work"][0]["startDate"] == "2019-03" and resume["work"][0]["endDate"] == "2023"
    assert [v["organization"] for v in resume["volunteer"]] == ["Org-2 & Sons"]
    assert len(resume["skills"]) == 3
    assert [r["name"] for r in resume["references"]] == [
        f"Dana {EVIL} (supervisor, Riverside <Center>)"]
    assert resume["meta"]["lerkit"]["digest"] == f"sha256:{DIGEST}"


def test_ler_rs_embeds_each_credential_under_its_experience() -> None:
    doc = render_ler_rs(page(), bundle())
    assert doc["type"] == LER_RS_TYPE
    assert doc["documentId"]["value"] == page().bundle_id
    assert "id" not in doc["person"]  # LER-RS has no place for it; it is in each credential
    histories = doc["employmentHistories"]
    assert [h["positionHistories"][0].get("workRelationshipTypeCode") for h in histories] == [
        "Employment", "Volunteering"]
    assert all(h["organization"]["tradeName"] for h in histories)
    embedded = [v["otherW3CVerifiableCredential"]["id"] for h in histories
                for v in h["verifications"]]
    wanted = [c["id"] for c in bundle()["credentialSubject"]["verifiableCredential"][:2]]
    assert sorted(embedded) == sorted(wanted)
    assert all(set(v) == {"otherW3CVerifiableCredential"} for h in histories
               for v in h["verifications"])
    names = [s["name"] for s in doc["skills"]]
    assert names == ["Medication management", f"Inventory {EVIL}", "Loose skill"]
    first = doc["skills"][1]
    assert first["endorsers"] == [{"person": {"name": {"formattedName": f"Dana {EVIL}"}},
                                   "comments": ["supervisor, Riverside <Center>"]}]
    assert first["definitionReference"] == {"reference": "urn:x:1", "scheme": "F"}
    assert published_schemas.errors("LER-RS", doc) == []


def test_ler_rs_respects_omit() -> None:
    omit = {"c1": frozenset({"dates", "organization", "place", "narrative"})}
    doc = render_ler_rs(page(omit=omit), bundle())
    history = next(h for h in doc["employmentHistories"]
                   if h["positionHistories"][0]["workRelationshipTypeCode"] == "Employment")
    # HR Open requires an organization: one left out is said to be not stated
    assert history["organization"] == {"tradeName": "Not stated"}
    assert "start" not in history and "end" not in history
    assert history["descriptions"] == ["Paid work"]
    assert "Org-1" not in json.dumps(doc)
    assert published_schemas.errors("LER-RS", doc) == []


def test_render_by_name() -> None:
    assert FORMAT_NAMES == ("bundle", "html", "md", "jsonresume", "ler-rs")
    for name in FORMAT_NAMES[1:]:
        data = render(name, page(), bundle())
        if name in ("jsonresume", "ler-rs"):
            json.loads(data)
        assert data.decode("utf-8")
    with pytest.raises(BadInputError, match="signing"):
        render("bundle", page(), bundle())
    with pytest.raises(BadInputError, match="unknown format"):
        render("pdf", page(), bundle())


def test_schema_helper_closes_objects(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "object", "properties": {}},
                                               "meta": {"type": "object"}}}
    assert _errors(closed(schema), {"a": {"x": 1}}) != []
    assert _errors(closed(schema), {"meta": {"anything": 1}}) == []
