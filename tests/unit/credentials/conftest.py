"""Fixtures for the credentials tests: signed sample bundles, the shared vectors."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import BundleOptions, sign_bundle
from tests.conftest import need_shared
from tests.unit.credentials.factory import ISSUED, claim, worker

_CACHE: dict[str, dict[str, Any]] = {}


def signed_bundle(count: int = 3, **options: Any) -> dict[str, Any]:
    """A signed bundle of ``count`` sample claims (cached; a deep copy each call)."""
    key = json.dumps([count, sorted((k, repr(v)) for k, v in options.items())])
    if key not in _CACHE:
        opts = BundleOptions(
            holder_name="Alex Example",
            issued=ISSUED,
            bundle_id=f"urn:uuid:00000000-0000-4000-8000-{count:012d}",
            **options,
        )
        _CACHE[key] = sign_bundle(worker(), [claim(i) for i in range(count)], opts)
    return copy.deepcopy(_CACHE[key])


@pytest.fixture
def vectors() -> Path:
    """The shared test vectors folder (skips without the shared material)."""
    return need_shared("interop/vectors")


def load(path: Path) -> Any:
    """Parse a JSON file."""
    return json.loads(path.read_text("utf-8"))
