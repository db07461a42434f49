"""Verification puts a CLR's dataset together from its credentials' only where exact."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import pytest

from lerkit.core.credentials import JCS, BundleOptions, Holder, sign_bundle, sign_document
from lerkit.core.credentials.badges import build_claim_credential
from lerkit.core.credentials.bundle import build_clr
from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.core.credentials.embedded import known_hashes
from lerkit.core.credentials.loader import OB_V3, VC_V2
from lerkit.core.credentials.verify import verify_bundle
from tests.unit.credentials.conftest import signed_bundle
from tests.unit.credentials.factory import ISSUED, LATER, claim, worker
from tests.unit.credentials.test_interop import CONTROL_LABEL, _bound_endorsement

EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
STAMP = "2025-03-01T09:30:00Z"


def _full(clr: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in clr.items() if k != "proof"}
    return hashlib.sha256(canonicalize_rdfc(unsigned).encode("utf-8")).digest()


def _endorsed() -> dict[str, Any]:
    plain = signed_bundle(2)
    first = plain["credentialSubject"]["verifiableCredential"][0]
    bundle: dict[str, Any] = sign_bundle(worker(), [claim(0), claim(1)], BundleOptions(
        issued=ISSUED, signed={"claim-0": first}, endorsements=[_bound_endorsement(first)],
        list_achievements=True, partial=True))
    return bundle


@pytest.mark.parametrize("make", [
    lambda: signed_bundle(3),
    lambda: sign_bundle(worker(), [claim(7, label=CONTROL_LABEL)], BundleOptions(
        issued=ISSUED, holder_name="Alex\x07 Example")),
    _endorsed,
], ids=["plain", "control-characters", "endorsed-listed-partial"])
def test_lerkit_bundles_are_put_together_exactly(make: Any) -> None:
    clr = make()
    known = known_hashes(clr)
    assert not known.full_path
    assert known.of(clr) == {"eddsa-rdfc-2022": _full(clr)}
    for credential in clr["credentialSubject"]["verifiableCredential"]:
        unsecured = {k: v for k, v in credential.items() if k != "proof"}
        want = hashlib.sha256(canonicalize_rdfc(unsecured).encode("utf-8")).digest()
        assert known.of(credential) == {"eddsa-rdfc-2022": want}
    assert verify_bundle(clr, now=LATER).valid


def _with_inner_context(context: list[str]) -> dict[str, Any]:
    me = worker()
    unsigned = build_claim_credential(Holder(me.did, "Alex"), claim(0), valid_from=STAMP)
    unsigned["@context"] = context
    inner = sign_document(unsigned, me, created=STAMP)
    clr = build_clr(Holder(me.did, "Alex"), [inner], BundleOptions(), STAMP, None)
    signed: dict[str, Any] = sign_document(clr, me, created=STAMP)  # canonicalized whole
    return signed


def test_embedded_contexts_that_differ_take_the_full_path() -> None:
    clr = _with_inner_context([VC_V2, OB_V3, EXTENSIONS])
    assert EXTENSIONS not in clr["@context"]
    known = known_hashes(clr)
    assert known.full_path and known.of(clr) == {}
    assert verify_bundle(clr, now=LATER).valid


@pytest.mark.parametrize("change", ["clr-term", "duplicate", "jcs", "two-proofs", "no-id"])
def test_anything_unusual_takes_the_full_path(change: str) -> None:
    clr = signed_bundle(2)
    inner = clr["credentialSubject"]["verifiableCredential"]
    if change == "clr-term":  # a term the CLR context defines, unknown to the credential's
        inner[0]["credentialSubject"]["type"] = ["AchievementSubject", "ClrSubject"]
    elif change == "duplicate":
        inner[1] = copy.deepcopy(inner[0])
    elif change == "jcs":
        clr = signed_bundle(2, cryptosuite=JCS)
    elif change == "two-proofs":
        inner[0]["proof"] = [*inner[0]["proof"], *inner[0]["proof"]]
    else:
        del inner[0]["id"]
    assert known_hashes(clr).full_path
    report = verify_bundle(clr, now=LATER)
    assert report.valid == (change == "jcs")


def test_a_changed_credential_fails_itself_and_the_bundle() -> None:
    clr = signed_bundle(2)
    clr["credentialSubject"]["verifiableCredential"][1]["name"] += "!"
    assert not known_hashes(clr).full_path  # still put together, from what is there now
    report = verify_bundle(clr, now=LATER)
    assert [c.valid for c in report.claims] == [True, False]
    assert any("invalid signature" in error for error in report.errors)
