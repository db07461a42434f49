"""RDFC-1.0 and JCS canonicalization, and refusing documents that would lose data."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pyld.nquads
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lerkit.core.credentials.canon import (
    CanonicalizationError,
    canonicalize_jcs,
    canonicalize_rdfc,
    install_rdfc_escaping,
    nquads_lines,
    rdfc_escape,
)
from tests.unit.credentials.conftest import load

W3C = "w3c-vc-di-eddsa"


def _doc(name: str = "Inventory management") -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:3f0f7c1e-8f5a-4a39-9d2b-6a1c2e4b7d10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {
            "id": "did:key:z6MkpuFmGwLnPWJXL8E24LH8a3PeyQRWZtEQDQcm1Sxt59D9",
            "type": ["Profile"],
        },
        "validFrom": "2025-01-15T10:00:00Z",
        "credentialSubject": {
            "id": "did:example:1",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:1",
                "type": ["Achievement"],
                "name": name,
                "description": "d",
                "criteria": {"narrative": "n"},
            },
        },
        "evidence": [{"id": "urn:uuid:2", "type": ["Evidence"], "name": "log"}],
    }


def test_rdfc_escape_matches_the_rdfc_test_suite_example() -> None:
    raw = "\u0008\u0009\u000a\u000b\u000c\u000d\u0022\u005c\u007f"
    assert rdfc_escape(raw) == '\\b\\t\\n\\u000B\\f\\r\\"\\\\\\u007F'


@pytest.mark.parametrize("code", [*range(0x20), 0x7F])
def test_every_control_character_is_escaped(code: int) -> None:
    escaped = rdfc_escape(chr(code))
    named = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r"}
    assert escaped == named.get(code, f"\\u{code:04X}")


@given(st.text(alphabet=st.characters(min_codepoint=0x20, exclude_characters='"\\\x7f')))
def test_other_characters_pass_through(text: str) -> None:
    assert rdfc_escape(text) == text


def test_pyld_serializer_uses_rdfc_escaping() -> None:
    install_rdfc_escaping()
    assert pyld.nquads.escape is rdfc_escape


def test_control_characters_in_a_document() -> None:
    out = canonicalize_rdfc(_doc("Bell\x07 Vtab\x0b Feed\x0c Del\x7f Sep\u2028 end"))
    assert '"Bell\\u0007 Vtab\\u000B Feed\\f Del\\u007F Sep\u2028 end"' in out
    lines = nquads_lines(out)
    assert "".join(lines) == out
    assert all(line.endswith(" .\n") for line in lines)
    assert len(lines) == out.count("\n")


def test_w3c_canonical_forms(vectors: Path) -> None:
    unsigned = load(vectors / W3C / "unsigned.json")
    rdfc = vectors / W3C / "eddsa-rdfc-2022"
    assert canonicalize_rdfc(unsigned) == (rdfc / "canonDocDataInt.txt").read_text("utf-8")
    config = load(rdfc / "proofConfigDataInt.json")
    assert canonicalize_rdfc(config) == (rdfc / "proofCanonDataInt.txt").read_text("utf-8")
    jcs = vectors / W3C / "eddsa-jcs-2022"
    assert canonicalize_jcs(unsigned).decode() == (jcs / "canonDocJCS.txt").read_text("utf-8")


def test_1edtech_canonical_form(vectors: Path) -> None:
    folder = vectors / "1edtech-ob3-eddsa-rdfc-2022"
    expected = (folder / "document-canon.txt").read_text("utf-8")
    assert canonicalize_rdfc(load(folder / "unsigned.json")) == expected


def test_undefined_term_is_refused() -> None:
    doc = _doc()
    doc["credentialSubject"]["favouriteColour"] = "green"
    with pytest.raises(CanonicalizationError, match="favouriteColour"):
        canonicalize_rdfc(doc)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("evidence", 0, "id"), "evidence/stock-log.txt", "not an absolute IRI"),
        (("credentialSubject", "achievement", "id"), "achievements/1", "not an absolute IRI"),
        (("credentialSubject", "achievement", "type"), ["Achievement", "Custom"], "'Custom'"),
        (("evidence", 0, "id"), "urn:x> <urn:evil", "not an absolute IRI"),
        (("evidence", 0, "id"), "https://example.org/a b", "not an absolute IRI"),
        (("id",), "urn:uuid:1\n", "not an absolute IRI"),
    ],
)
def test_ids_and_types_that_would_be_dropped_are_refused(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    doc = _doc()
    target: Any = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(CanonicalizationError, match=message):
        canonicalize_rdfc(doc)


def test_unknown_context_is_named() -> None:
    doc = _doc()
    doc["@context"].append("https://example.org/unknown-context/v1")
    with pytest.raises(CanonicalizationError, match="unknown-context/v1"):
        canonicalize_rdfc(doc)


def test_bad_language_tag_and_direction_are_refused() -> None:
    doc = _doc()
    doc["name"] = {"@value": "x", "@language": "en> <urn:x"}
    with pytest.raises(CanonicalizationError, match="language tag"):
        canonicalize_rdfc(doc)
    doc["name"] = {"@value": "x", "@language": "en", "@direction": "ltr"}
    with pytest.raises(CanonicalizationError, match="@direction"):
        canonicalize_rdfc(doc)


def test_not_an_object_and_deep_nesting() -> None:
    with pytest.raises(CanonicalizationError):
        canonicalize_rdfc([1, 2])
    deep: Any = "x"
    for _ in range(5000):
        deep = {"narrative": deep}
    doc = _doc()
    doc["credentialSubject"]["narrative"] = deep
    with pytest.raises(CanonicalizationError):
        canonicalize_rdfc(doc)


def test_canonicalization_does_not_change_the_input() -> None:
    doc = _doc()
    before = copy.deepcopy(doc)
    canonicalize_rdfc(doc)
    assert doc == before


def test_jcs_refuses_what_json_cannot_say() -> None:
    with pytest.raises(CanonicalizationError):
        canonicalize_jcs({"n": float("nan")})
    assert canonicalize_jcs({"b": 1, "a": [True, None]}) == b'{"a":[true,null],"b":1}'
    assert json.loads(canonicalize_jcs(_doc())) == _doc()
