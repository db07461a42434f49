"""Any change to a signed bundle must make verification fail."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from lerkit.core.credentials import Identity, sign_document, verify_bundle
from tests.unit.credentials.conftest import signed_bundle
from tests.unit.credentials.factory import ENDORSER_SEED, LATER

Path = tuple[str | int, ...]


def leaves(node: Any, path: Path = ()) -> Iterator[Path]:
    """Every path to a scalar inside a JSON value."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*path, index))
    else:
        yield path


def changed(value: Any) -> Any:
    """A different scalar of the same kind."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value[:-1] + ("A" if value[-1:] != "A" else "B") if value else "x"
    return "x"


def get(doc: Any, path: Path) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def put(doc: Any, path: Path, value: Any) -> None:
    get(doc, path[:-1])[path[-1]] = value


def test_every_leaf_change_is_detected() -> None:
    original = signed_bundle(1)
    assert verify_bundle(original, now=LATER).valid
    paths = list(leaves(original))
    assert len(paths) > 50
    undetected = []
    for path in paths:
        doc = copy.deepcopy(original)
        put(doc, path, changed(get(doc, path)))
        if verify_bundle(doc, now=LATER).valid:
            undetected.append(path)
    assert undetected == []


@pytest.mark.parametrize("where", ["bundle", "claim"])
def test_removing_a_proof_is_detected(where: str) -> None:
    doc = signed_bundle(2)
    target = doc if where == "bundle" else doc["credentialSubject"]["verifiableCredential"][1]
    del target["proof"]
    report = verify_bundle(doc, now=LATER)
    assert not report.valid
    assert any("no proof" in error for error in report.all_errors())


def test_swapping_proofs_between_claims_is_detected() -> None:
    doc = signed_bundle(2)
    first, second = doc["credentialSubject"]["verifiableCredential"]
    first["proof"], second["proof"] = second["proof"], first["proof"]
    report = verify_bundle(doc, now=LATER)
    assert not report.valid
    assert [c.valid for c in report.claims] == [False, False]


@pytest.mark.parametrize("where", ["bundle", "claim"])
def test_replacing_the_issuer_is_detected(where: str) -> None:
    doc = signed_bundle(2)
    other = Identity.from_seed(ENDORSER_SEED)
    target = doc if where == "bundle" else doc["credentialSubject"]["verifiableCredential"][0]
    target["issuer"] = {"id": other.did, "type": ["Profile"], "name": "Mallory"}
    assert not verify_bundle(doc, now=LATER).valid


def test_issuer_replaced_and_resigned_is_detected() -> None:
    doc = signed_bundle(2)
    mallory = Identity.from_seed(ENDORSER_SEED)
    del doc["proof"]
    doc["issuer"] = {"id": mallory.did, "type": ["Profile"], "name": "Mallory"}
    report = verify_bundle(sign_document(doc, mallory), now=LATER)
    assert not report.valid
    assert "the bundle's issuer is not its holder" in report.errors


def test_a_foreign_extra_proof_is_detected() -> None:
    doc = signed_bundle(1)
    inner = doc["credentialSubject"]["verifiableCredential"][0]
    mallory = Identity.from_seed(ENDORSER_SEED)
    doc["credentialSubject"]["verifiableCredential"][0] = sign_document(inner, mallory)
    report = verify_bundle(doc, now=LATER)
    assert not report.valid
    assert any("is not the signer" in error for error in report.claims[0].errors)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["credentialSubject"].__setitem__("favouriteColour", "green"),
        lambda d: d["credentialSubject"]["verifiableCredential"].pop(),
        lambda d: d["credentialSubject"]["verifiableCredential"].append(
            copy.deepcopy(d["credentialSubject"]["verifiableCredential"][0])
        ),
        lambda d: d["@context"].append("https://www.w3.org/ns/credentials/examples/v2"),
        lambda d: d["credentialSubject"]["verifiableCredential"][0].__setitem__(
            "validUntil", "2025-04-01T00:00:00Z"
        ),
    ],
)
def test_structural_changes_are_detected(change: Any) -> None:
    doc = signed_bundle(2)
    change(doc)
    assert not verify_bundle(doc, now=LATER).valid
