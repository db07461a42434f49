"""Hostile input: verification reports problems and never raises."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core.credentials import canonicalize_rdfc, verify_bundle, verify_proofs
from lerkit.core.credentials.report import BundleReport
from tests.unit.credentials.conftest import signed_bundle
from tests.unit.credentials.factory import LATER
from tests.unit.credentials.test_tamper import leaves, put

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "did:key:z6Mk",
            "urn:uuid:1",
            "VerifiableCredential",
            "ClrCredential",
            "https://www.w3.org/ns/credentials/v2",
            "z",
            "\ud800",
            "2025-01-01T00:00:00Z",
        ]
    )
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=12) | st.sampled_from(["id", "type", "proof", "@context"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=25,
)
KEYS = [
    "@context",
    "id",
    "type",
    "issuer",
    "validFrom",
    "validUntil",
    "credentialSubject",
    "proof",
    "evidence",
    "endorsement",
    "verifiableCredential",
    "achievement",
    "name",
]
SHAPED = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=6)
    ),
    max_leaves=30,
)
ORIGINAL = signed_bundle(1)
PATHS = list(leaves(ORIGINAL))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _checked(report: BundleReport) -> None:
    assert isinstance(report, BundleReport)
    assert not report.valid
    assert report.all_errors()
    json.dumps(report.to_dict())


@FAST
@given(JSON)
def test_arbitrary_json_never_raises(doc: Any) -> None:
    _checked(verify_bundle(doc, now=LATER))
    assert all(not r.ok for r in verify_proofs(doc))


@FAST
@given(SHAPED)
def test_credential_shaped_json_never_raises(doc: Any) -> None:
    _checked(verify_bundle(doc, now=LATER))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), JSON)
def test_corrupted_bundles_never_raise(path: tuple[Any, ...], value: Any) -> None:
    doc = copy.deepcopy(ORIGINAL)
    old = doc
    for step in path:
        old = old[step]
    if old == value and type(old) is type(value):
        return
    put(doc, path, value)
    report = verify_bundle(doc, now=LATER)
    assert isinstance(report, BundleReport)
    if report.valid:  # only a change JSON-LD treats as no change, e.g. "x" -> ["x"]
        assert canonicalize_rdfc(doc) == canonicalize_rdfc(ORIGINAL)
    else:
        assert report.all_errors()
