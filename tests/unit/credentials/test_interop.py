"""Cross-checks with the reference JavaScript verifier and signer (DCC / Digital Bazaar).

All documents are verified by ONE ``verify-vc`` call (node start-up dominates).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import (
    JCS,
    BundleOptions,
    EndorserProfile,
    Holder,
    Identity,
    build_claim_credential,
    build_endorsement,
    check_credential,
    sign_bundle,
    verify_bundle,
    verify_proofs,
)
from lerkit.core.credentials.proofs import sign_document
from tests.conftest import need_interop
from tests.unit.credentials.factory import (
    ENDORSER_SEED,
    ISSUED,
    LATER,
    WORKER_SEED,
    claim,
    signed_endorsement,
    worker,
)

pytestmark = pytest.mark.interop

CONTROL_LABEL = "Stock\x07 counts\x0b and\x0c re-orders\x7f (tabs\there)"
CREATED = "2025-03-01T09:30:00Z"


def _bundle_id(number: int) -> str:
    return f"urn:uuid:00000000-0000-4000-9000-{number:012d}"


def _run(tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(tool), *args], capture_output=True, text=True, timeout=600, check=False
    )


def _bound_endorsement(claim_credential: dict[str, Any]) -> dict[str, Any]:
    endorser = Identity.from_seed(ENDORSER_SEED)
    profile = EndorserProfile(
        did=endorser.did, name="Jordan Coach", organization="Riverside Food Bank",
        role="Shift manager", url="https://example.org/jordan", email="jordan@example.org",
    )
    unsigned = build_endorsement(
        profile, claim_credential, relationship="supervisor", comment="I supervised this work.\n"
        "Every week, for two years.", valid_from="2025-03-02T09:00:00Z", worker_name="Alex",
        endorsement_id="urn:uuid:5e6f7a8b-9c0d-4e1f-8a2b-000000000001",
    )
    return sign_document(unsigned, endorser, created="2025-03-02T09:00:05Z")


def _documents() -> dict[str, dict[str, Any]]:
    me = worker()
    control = claim(7, label=CONTROL_LABEL)
    control.experience.narrative = "Bell\x07, vertical tab\x0b, form feed\x0c, delete\x7f."  # type: ignore[union-attr]
    tampered = sign_bundle(me, [claim(0)], BundleOptions(issued=ISSUED, bundle_id=_bundle_id(5)))
    tampered["credentialSubject"]["verifiableCredential"][0]["name"] = "Something else"
    single = build_claim_credential(Holder(me.did, "Alex"), claim(9), valid_from=CREATED)
    proof_set = sign_document(
        sign_document(single, me, created=CREATED), me, created=CREATED, cryptosuite=JCS
    )
    plain = sign_bundle(me, [claim(0), claim(1)], BundleOptions(issued=ISSUED))
    first = plain["credentialSubject"]["verifiableCredential"][0]
    endorser = Identity.from_seed(ENDORSER_SEED)
    endorsements = [_bound_endorsement(first), signed_endorsement(me.did, endorser, 2)]
    return {
        "bundle3": sign_bundle(
            me,
            [claim(i) for i in range(3)],
            BundleOptions(holder_name="Alex Example", issued=ISSUED, bundle_id=_bundle_id(1)),
        ),
        "control": sign_bundle(
            me,
            [control],
            BundleOptions(holder_name="Alex\x07 Example", issued=ISSUED, bundle_id=_bundle_id(2)),
        ),
        "jcs": sign_bundle(
            me,
            [claim(0), claim(1)],
            BundleOptions(issued=ISSUED, bundle_id=_bundle_id(3), cryptosuite=JCS),
        ),
        "endorsed": sign_bundle(
            me,
            [claim(0), claim(1)],
            BundleOptions(issued=ISSUED, bundle_id=_bundle_id(4), endorsements=endorsements,
                          signed={"claim-0": first}),
        ),
        "tampered": tampered,
        "proofset": proof_set,
    }


@pytest.fixture(scope="module")
def reference_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every document, and verify-vc's verdict line per credential id."""
    folder = need_interop()
    out = tmp_path_factory.mktemp("interop")
    docs = _documents()
    files = []
    for name, doc in docs.items():
        path = out / f"{name}.json"
        path.write_text(json.dumps(doc, indent=2), "utf-8")
        files.append(str(path))
    result = _run(folder / "verify-vc", *files)
    lines: dict[str, str] = {}
    for line in result.stdout.split("\n"):
        verdict, _, rest = line.partition(" ")
        if verdict in ("OK", "FAIL"):
            lines[rest.split(": ", 1)[0] if verdict == "FAIL" else rest] = verdict
    return {"docs": docs, "lines": lines, "stdout": result.stdout, "stderr": result.stderr}


def _ids(bundle: dict[str, Any]) -> list[str]:
    inner = bundle["credentialSubject"]["verifiableCredential"]
    return [bundle["id"], *(f"{vc['id']} (nested in {bundle['id']})" for vc in inner)]


@pytest.mark.parametrize("name", ["bundle3", "control", "jcs", "endorsed"])
def test_reference_verifier_accepts_our_bundles(
    reference_results: dict[str, Any], name: str
) -> None:
    bundle = reference_results["docs"][name]
    for key in _ids(bundle):
        assert reference_results["lines"].get(key) == "OK", (
            key,
            reference_results["stdout"],
            reference_results["stderr"],
        )
    assert verify_bundle(bundle, now=LATER).valid


def test_reference_verifier_sees_nested_endorsements(reference_results: dict[str, Any]) -> None:
    parent = _bundle_id(4)
    for number in (1, 2):
        key = f"urn:uuid:5e6f7a8b-9c0d-4e1f-8a2b-{number:012d} (nested in {parent})"
        assert reference_results["lines"].get(key) == "OK", reference_results["stdout"]
    report = verify_bundle(reference_results["docs"]["endorsed"], now=LATER)
    [entry] = report.claims[0].endorsements
    assert entry.valid and entry.relationship == "supervisor"
    assert entry.organization == "Riverside Food Bank"


def test_reference_verifier_accepts_our_proof_set(reference_results: dict[str, Any]) -> None:
    doc = reference_results["docs"]["proofset"]
    assert len(doc["proof"]) == 2
    assert reference_results["lines"].get(doc["id"]) == "OK", reference_results["stdout"]


def test_reference_verifier_rejects_the_tampered_bundle(reference_results: dict[str, Any]) -> None:
    doc = reference_results["docs"]["tampered"]
    assert reference_results["lines"].get(doc["id"]) == "FAIL", reference_results["stdout"]
    assert not verify_bundle(doc, now=LATER).valid


def test_control_characters_were_really_signed(reference_results: dict[str, Any]) -> None:
    inner = reference_results["docs"]["control"]["credentialSubject"]["verifiableCredential"][0]
    assert "\x07" in inner["name"] and "\x7f" in inner["credentialSubject"]["narrative"]


def _sign_vc(tmp_path: Path, doc: dict[str, Any], *args: str) -> dict[str, Any]:
    folder = need_interop()
    path = tmp_path / f"in-{len(list(tmp_path.iterdir()))}.json"
    path.write_text(json.dumps(doc), "utf-8")
    result = _run(folder / "sign-vc", *args, str(path))
    assert result.returncode == 0, result.stderr
    signed: dict[str, Any] = json.loads(result.stdout)
    return signed


def test_reference_signatures_verify_here_and_match_ours(tmp_path: Path) -> None:
    me, endorser = worker(), Identity.from_seed(ENDORSER_SEED)
    unsigned = build_claim_credential(
        Holder(me.did, "Alex\x0c Example"), claim(3, label=CONTROL_LABEL), valid_from=CREATED
    )
    theirs = _sign_vc(tmp_path, unsigned, "--seed", WORKER_SEED.hex(), "--created", CREATED)
    ours = sign_document(unsigned, me, created=CREATED)
    assert theirs["proof"]["proofValue"] == ours["proof"][0]["proofValue"]
    assert check_credential(theirs, LATER) == []

    both = _sign_vc(
        tmp_path,
        theirs,
        "--seed",
        ENDORSER_SEED.hex(),
        "--created",
        CREATED,
        "--cryptosuite",
        JCS,
        "--append",
    )
    results = verify_proofs(both)
    assert [r.ok for r in results] == [True, True]
    assert [r.controller for r in results] == [me.did, endorser.did]
