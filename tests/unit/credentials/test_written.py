"""Files just written are read back and verified in full before they are kept."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import EndorserProfile, build_endorsement
from lerkit.core.credentials.bundle import BundleOptions, sign_bundle
from lerkit.core.credentials.keys import Identity
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.credentials.written import (
    EXIT_NOT_VERIFIED,
    WrittenFileError,
    check_written_bundle,
    check_written_embedded,
    check_written_endorsements,
    signed_within,
)
from tests.unit.credentials.factory import ENDORSER_SEED, ISSUED, claim, worker

LIMIT = 1024 * 1024
STAMP = "2025-04-01T09:00:00Z"


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return sign_bundle(worker(), [claim(0), claim(1)], BundleOptions(issued=ISSUED))


def _data(doc: Any) -> bytes:
    return json.dumps(doc).encode("utf-8")


def _write(path: Path, doc: Any) -> Path:
    path.write_bytes(_data(doc))
    return path


def test_a_bundle_as_signed_passes(bundle: dict[str, Any], tmp_path: Path) -> None:
    written = _write(tmp_path / ".b.tmp", bundle)
    report = check_written_bundle(written, _data(bundle), name=tmp_path / "b.json", limit=LIMIT)
    assert report.valid and len(report.claims) == 2


@pytest.mark.parametrize("change", ["name", "proof", "other", "text", "spaces"])
def test_a_bundle_that_differs_or_does_not_verify_fails(
        bundle: dict[str, Any], tmp_path: Path, change: str) -> None:
    written = tmp_path / ".b.tmp"
    if change == "text":
        written.write_text('{"truncated": ', encoding="utf-8")
    elif change == "spaces":  # the same document, but not the bytes meant to be written
        written.write_text(json.dumps(bundle, indent=1), encoding="utf-8")
    else:
        doc = copy.deepcopy(bundle)
        if change == "name":
            doc["name"] += " (changed)"
        elif change == "proof":
            doc["credentialSubject"]["verifiableCredential"][0]["proof"][0]["proofValue"] = "z1"
        else:  # valid, but not the bundle that was signed
            doc = sign_bundle(worker(), [claim(0)], BundleOptions(issued=ISSUED))
        _write(written, doc)
    with pytest.raises(WrittenFileError) as caught:
        check_written_bundle(written, _data(bundle), name=tmp_path / "b.json", limit=LIMIT)
    assert caught.value.exit_code == EXIT_NOT_VERIFIED
    assert caught.value.message.startswith(f"{tmp_path / 'b.json'} did not verify")
    wanted = {"name": "signature", "proof": "signature", "other": "does not hold what was",
              "text": "not valid JSON", "spaces": "does not hold what was"}[change]
    assert wanted in caught.value.message


def test_an_endorsers_file_must_verify_and_bind_to_its_claims(
        bundle: dict[str, Any], tmp_path: Path) -> None:
    endorser = Identity.from_seed(ENDORSER_SEED)
    profile = EndorserProfile(did=endorser.did, name="Sam Supervisor")
    inner = bundle["credentialSubject"]["verifiableCredential"]
    signed = [sign_document(build_endorsement(profile, inner[0], relationship="supervisor",
                                              comment="", valid_from=STAMP),
                            endorser, created=STAMP)]
    written = _write(tmp_path / ".e.tmp", signed)
    claims = {inner[0]["id"]: inner[0]}
    name = tmp_path / "e.json"
    data = _data(signed)
    assert check_written_endorsements(written, data, claims, name=name, limit=LIMIT).valid
    with pytest.raises(WrittenFileError, match="digest"):  # bound to another claim
        check_written_endorsements(written, data, {inner[0]["id"]: inner[1]}, name=name,
                                   limit=LIMIT)
    with pytest.raises(WrittenFileError, match="not endorsed"):
        check_written_endorsements(written, data, {}, name=name, limit=LIMIT)


def test_signed_credentials_inside_a_derived_file_are_each_verified(
        bundle: dict[str, Any], tmp_path: Path) -> None:
    inner = bundle["credentialSubject"]["verifiableCredential"]
    derived: dict[str, Any] = {
        "employment": [{"verifications": [inner[0]]}, {"verifications": [inner[1]]}],
        "skills": [{"name": "x"}],
    }
    assert [c["id"] for c in signed_within(derived)] == [inner[0]["id"], inner[1]["id"]]
    name = tmp_path / "r.json"
    written = _write(tmp_path / ".r.tmp", derived)
    assert check_written_embedded(written, _data(derived), bundle, name=name, limit=LIMIT) == 2
    changed = copy.deepcopy(derived)
    changed["employment"][1]["verifications"][0]["credentialSubject"]["narrative"] = "More."
    with pytest.raises(WrittenFileError, match="not one of the bundle's credentials"):
        check_written_embedded(_write(written, changed), _data(changed), bundle, name=name,
                               limit=LIMIT)
    empty: dict[str, Any] = {"skills": []}
    with pytest.raises(WrittenFileError, match="no signed credential"):
        check_written_embedded(_write(written, empty), _data(empty), bundle, name=name,
                               limit=LIMIT)
