"""JCS, the JSON Canonicalization Scheme (RFC 8785), fast for plain credential data.

For JSON made only of objects with keys below U+E000, arrays, strings, booleans, null
and integers within ±(2**53 - 1), JCS output is exactly what Python's C JSON encoder
writes with sorted keys, no spaces and no ASCII escaping: the same escapes (``\\b \\t
\\n \\f \\r``, ``\\"``, ``\\\\``, ``\\u00xx`` for other control characters), key order by
code point equal to order by UTF-16 code unit below U+E000, and plain integers. Anything
else (floats, larger integers, other key characters, non-JSON types) goes to the
``rfc8785`` reference implementation. A test checks both against each other on generated
JSON.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

from lerkit.core.errors import BadInputError

SAFE_INTEGER = 2**53 - 1
_KEY_LIMIT = "\ue000"  # from here on, UTF-16 and code-point orders can differ


class JcsError(BadInputError):
    """A value that has no JCS form (a NaN, a lone surrogate, a non-JSON type...)."""


def _plain(value: Any) -> bool:
    """True when the fast path writes exactly the JCS form of ``value``."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if -SAFE_INTEGER <= item <= SAFE_INTEGER:
                continue
            return False
        if kind is dict:
            for key, child in item.items():
                if type(key) is not str or (key and max(key) >= _KEY_LIMIT):
                    return False
                stack.append(child)
            continue
        if kind is list:
            stack.extend(item)
            continue
        return False  # floats, tuples and anything else
    return True


def canonicalize_jcs(document: Any) -> bytes:
    """JCS (RFC 8785) bytes of a JSON value; JcsError when it has none."""
    if _plain(document):
        try:
            return json.dumps(document, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":"), allow_nan=False).encode("utf-8")
        except (UnicodeEncodeError, ValueError, RecursionError):
            pass  # let the reference implementation say what is wrong
    try:
        return bytes(rfc8785.dumps(document))
    except (rfc8785.CanonicalizationError, TypeError, ValueError, RecursionError) as exc:
        raise JcsError(f"JSON canonicalization (JCS) failed: {exc}") from None
