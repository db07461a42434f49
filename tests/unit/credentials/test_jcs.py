"""The fast JCS path writes byte for byte what the reference implementation writes."""

from __future__ import annotations

import json
from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from lerkit.core.credentials.jcs import SAFE_INTEGER, JcsError, _plain, canonicalize_jcs


def _reference(value: Any) -> bytes | None:
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, TypeError, ValueError, RecursionError):
        return None


def _ours(value: Any) -> bytes | None:
    try:
        return canonicalize_jcs(value)
    except JcsError:
        return None


scalars = (st.none() | st.booleans() | st.text()
           | st.integers(min_value=-2 * SAFE_INTEGER, max_value=2 * SAFE_INTEGER)
           | st.floats(allow_nan=False))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=6), children, max_size=5),
    max_leaves=40,
)


@settings(max_examples=600, deadline=None)
@given(json_values)
def test_same_bytes_as_the_reference_on_any_json(value: Any) -> None:
    assert _ours(value) == _reference(value)


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "a": [True, None, "x"]},
        {"\u20ac": 1, "\U0001f600": 2, "\ufb33": 3, "a": 4},  # UTF-16 order differs here
        {"ctl": "\x00\x01\x08\t\n\x0b\x0c\r\x1f\x7f\"\\\u2028\u2029"},
        {"big": SAFE_INTEGER, "bigger": SAFE_INTEGER + 1, "neg": -SAFE_INTEGER},
        {"float": 1e21, "tiny": 5e-324, "half": 0.5},
        [],
        {},
        "",
    ],
)
def test_edge_cases_match_the_reference(value: Any) -> None:
    assert _ours(value) == _reference(value)


def test_plain_credential_data_takes_the_fast_path() -> None:
    credential = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x",
                  "credentialSubject": {"name": "Café crew lead", "hours": 2080}}
    assert _plain(credential)
    assert not _plain({"score": 0.5}) and not _plain({"\U0001f600": 1})
    assert canonicalize_jcs(credential) == json.dumps(
        credential, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@pytest.mark.parametrize("value", [{"x": "\ud800"}, {"x": float("nan")}, {"x": object()}])
def test_values_without_a_jcs_form_are_refused(value: Any) -> None:
    with pytest.raises(JcsError):
        canonicalize_jcs(value)
