"""A second, independent verifier beside the reference one.

didkit (Spruce's Rust ``ssi``, run as WebAssembly, see ``tests/interop/didkit``) and the
reference ``verify-vc`` (Digital Bazaar / DCC JavaScript) are given the same files: every
kind of export, an endorser's file, and tampered variants. Each credential must get the
same verdict from both; the differences that remain are explained in tests/verifiers.py
and checked here to be exactly those.
"""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import BundleOptions, Identity, sign_bundle, sign_document
from lerkit.core.credentials.verify import verify_bundle
from tests import verifiers
from tests.conftest import need_interop
from tests.unit.credentials.factory import ENDORSER_SEED, ISSUED, LATER, claim, worker
from tests.unit.credentials.test_interop import _bound_endorsement, _bundle_id, _documents

pytestmark = pytest.mark.interop


def _as_object(doc: dict[str, Any]) -> dict[str, Any]:
    """A credential as lerkit signed it before proofs were arrays."""
    return {**doc, "proof": doc["proof"][0]}


def _variants() -> dict[str, Any]:
    """Exports and endorsement files, then tampered copies; valid ones first."""
    docs: dict[str, Any] = dict(_documents())
    me, mallory = worker(), Identity.from_seed(ENDORSER_SEED)
    base = sign_bundle(me, [claim(0), claim(1)], BundleOptions(issued=ISSUED,
                                                                bundle_id=_bundle_id(20)))
    first = base["credentialSubject"]["verifiableCredential"][0]
    docs["single"] = first
    docs["single-object-proof"] = _as_object(first)
    docs["endorser-file"] = [_bound_endorsement(first)]

    def tampered(name: str) -> dict[str, Any]:
        doc: dict[str, Any] = copy.deepcopy(base)
        doc["id"] = _bundle_id(30 + len([k for k in docs if k.startswith("t-")]))
        doc.pop("proof")
        docs[name] = doc  # re-signed below, then changed
        return doc

    for name in ("t-name", "t-inner-proof-gone", "t-swapped", "t-issuer", "t-undefined",
                 "t-proofvalue", "t-context"):
        tampered(name)
    for name in [k for k in docs if k.startswith("t-")]:
        docs[name] = sign_document(docs[name], me, created="2025-03-01T09:30:00Z")
    inner = [d["credentialSubject"]["verifiableCredential"] for d in
             (docs["t-name"], docs["t-inner-proof-gone"], docs["t-swapped"], docs["t-issuer"],
              docs["t-undefined"], docs["t-proofvalue"], docs["t-context"])]
    inner[0][0]["name"] = "Something else"
    del inner[1][1]["proof"]
    inner[2][0]["proof"], inner[2][1]["proof"] = inner[2][1]["proof"], inner[2][0]["proof"]
    inner[3][0]["issuer"] = {"id": mallory.did, "type": ["Profile"], "name": "Mallory"}
    inner[4][0]["credentialSubject"]["favouriteColour"] = "blue"
    value = inner[5][1]["proof"][0]["proofValue"]
    inner[5][1]["proof"][0]["proofValue"] = value[:-2] + ("11" if value[-2:] != "11" else "22")
    inner[6][0]["@context"] = [*inner[6][0]["@context"], "https://example.org/unknown/v1"]
    endorsement = copy.deepcopy(docs["endorser-file"])
    endorsement[0]["credentialSubject"]["endorsementComment"] += " Also a forklift champion."
    docs["t-endorser-file"] = endorsement
    # re-signed by someone else: a valid signature of Mallory's, on a bundle about the worker
    resigned = copy.deepcopy(base)
    del resigned["proof"]
    resigned["id"] = _bundle_id(40)
    resigned["issuer"] = {"id": mallory.did, "type": ["Profile"], "name": "Mallory"}
    docs["t-resigned"] = sign_document(resigned, mallory)
    return docs


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each file verified on its own by both (claim credential ids recur across files)."""
    folder = need_interop()
    out = tmp_path_factory.mktemp("second-verifier")
    docs = _variants()
    files = {}
    for name, doc in docs.items():
        files[name] = out / f"{name}.json"
        files[name].write_text(json.dumps(doc, indent=2, ensure_ascii=False), "utf-8")

    def check(name: str) -> tuple[str, list[str], list[str]]:
        reference = verifiers.run(folder / "verify-vc", [files[name]]).stdout.splitlines()
        return name, reference, verifiers.didkit_lines([files[name]])

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = {name: (ref, dk) for name, ref, dk in pool.map(check, docs)}
    return {"docs": docs, "files": files, "results": results}


def test_both_verifiers_give_every_credential_the_same_verdict(both: dict[str, Any]) -> None:
    for name, (reference, second) in both["results"].items():
        problems = verifiers.compare(reference, second, [both["files"][name]])
        assert problems == [], (name, reference, second)


def test_the_only_differences_are_the_explained_ones(both: dict[str, Any]) -> None:
    differ = set()
    for name, (reference, second) in both["results"].items():
        ours, theirs = verifiers.verdicts(reference), verifiers.verdicts(second)
        assert set(ours) == set(theirs), name
        if any(ours[label] != theirs[label] for label in ours):
            differ.add(name)
            # didkit fails what the reference accepts, never the other way round
            assert all(theirs[label] == "FAIL" for label in ours if ours[label] != theirs[label])
    # eddsa-jcs-2022 (verifiers.JCS_UNREAD): the JCS bundle, and the proof set holding one;
    # text with a tab or other control characters (verifiers.CONTROL_RAW)
    assert differ == {"jcs", "proofset", "control"}


@pytest.mark.parametrize("name", ["bundle3", "endorsed", "single",
                                  "single-object-proof", "endorser-file"])
def test_exports_pass_both(both: dict[str, Any], name: str) -> None:
    reference, second = both["results"][name]
    for lines in (reference, second):
        found = verifiers.verdicts(lines)
        assert found and set(found.values()) == {"OK"}, (name, lines)
    assert len(verifiers.verdicts(reference)) == len(verifiers.verdicts(second))


@pytest.mark.parametrize("name", ["tampered", "t-name", "t-inner-proof-gone", "t-swapped",
                                  "t-issuer", "t-undefined", "t-proofvalue", "t-context",
                                  "t-endorser-file"])
def test_tampered_variants_fail_in_both_and_here(both: dict[str, Any], name: str) -> None:
    reference, second = both["results"][name]
    for lines in (reference, second):
        assert "FAIL" in verifiers.verdicts(lines).values(), (name, lines)
    assert not verify_bundle(both["docs"][name], now=LATER).valid


def test_a_bundle_resigned_by_someone_else_passes_both_but_not_lerkit(
        both: dict[str, Any]) -> None:
    """Mallory's signature is valid and she is the issuer she claims: neither outside
    verifier knows the bundle should be the holder's own; lerkit's check does."""
    doc = both["docs"]["t-resigned"]
    for lines in both["results"]["t-resigned"]:
        assert set(verifiers.verdicts(lines).values()) == {"OK"}, lines
    report = verify_bundle(doc, now=LATER)
    assert not report.valid and "the bundle's issuer is not its holder" in report.errors


def test_didkit_checks_proofs_but_not_the_validity_period(tmp_path: Path) -> None:
    need_interop()
    me = worker()
    unsigned = {k: v for k, v in sign_bundle(me, [claim(0)], BundleOptions(
        issued=ISSUED, bundle_id=_bundle_id(50)))["credentialSubject"][
            "verifiableCredential"][0].items() if k != "proof"}
    unsigned["validUntil"] = "2025-03-02T00:00:00Z"
    path = tmp_path / "expired.json"
    path.write_text(json.dumps(sign_document(unsigned, me)), "utf-8")
    reference = verifiers.run(need_interop() / "verify-vc", [path]).stdout
    assert reference.startswith("FAIL") and "validUntil" in reference
    assert verifiers.didkit_lines([path])[0].startswith("OK")  # verifiers.DATES_UNCHECKED
    assert not verify_bundle(json.loads(path.read_text("utf-8"))).valid
