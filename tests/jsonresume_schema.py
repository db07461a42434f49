"""The JSON Resume schema (v1), fetched at test time from its npm package, never copied here.

``npm pack @jsonresume/schema@1.3.1`` (npm's cache makes repeat runs offline); or set
``LER_JSONRESUME_SCHEMA`` to a ``schema.json`` already at hand. Without npm the tests
skip, unless ``LER_REQUIRE_INTEROP=1`` or ``LER_REQUIRE_SCHEMAS=1`` (CI), which fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest

PACKAGE = "@jsonresume/schema@1.3.1"
_CACHE: dict[str, Any] = {}


def _required() -> bool:
    return any(os.environ.get(name, "") not in ("", "0", "false", "no")
               for name in ("LER_REQUIRE_SCHEMAS", "LER_REQUIRE_INTEROP"))


def _unavailable(reason: str) -> None:
    if _required():
        pytest.fail(reason)
    pytest.skip(reason)


def jsonresume_schema(folder: Path) -> Any:
    """The parsed schema.json of the JSON Resume npm package (once per test run)."""
    if "schema" in _CACHE:
        return _CACHE["schema"]
    given = os.environ.get("LER_JSONRESUME_SCHEMA")
    if given:
        schema = json.loads(Path(given).read_text(encoding="utf-8"))
    else:
        npm = shutil.which("npm")
        if npm is None:
            _unavailable("npm is needed to fetch the JSON Resume schema")
        assert npm is not None
        proc = subprocess.run(
            [npm, "pack", PACKAGE, "--prefer-offline", "--silent", "--pack-destination",
             str(folder)], capture_output=True, text=True, timeout=300, check=False)
        packed = sorted(folder.glob("jsonresume-schema-*.tgz"))
        if proc.returncode != 0 or not packed:
            _unavailable(f"npm pack {PACKAGE} failed: {proc.stderr.strip()[-300:]}")
        with tarfile.open(packed[0]) as archive:
            member = archive.extractfile("package/schema.json")
            assert member is not None
            schema = json.loads(member.read().decode("utf-8"))
    _CACHE["schema"] = schema
    return schema


def closed(schema: Any, open_keys: frozenset[str] = frozenset({"meta"})) -> Any:
    """A copy that refuses properties the schema does not define (except under ``open_keys``).

    The published schema allows any extra property; this stricter copy shows that an
    output uses only the schema's own fields where it matters.
    """
    if isinstance(schema, list):
        return [closed(item, open_keys) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: closed(value, open_keys) if key != "properties" else {
        name: (sub if name in open_keys else closed(sub, open_keys))
        for name, sub in value.items()} for key, value in schema.items()}
    if "properties" in copy:
        copy["additionalProperties"] = False
    return copy
