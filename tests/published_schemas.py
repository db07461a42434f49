"""Validators for the published JSON Schemas lerkit ships (``src/lerkit/data/schemas``).

Each schema is read from the shipped files only; ``$ref``s between files resolve to
the shipped copies (under a base URI that is never fetched). See docs/credentials.md,
"JSON Schemas", for which published file each one is and why.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import referencing
import referencing.jsonschema

FOLDER = resources.files("lerkit").joinpath("data", "schemas")
BASE = "https://schemas.lerkit.invalid/"
# VC 1.1 terms the shipped CLR 2.0 schema (a draft-04 copy of VC 1.1 era) still requires,
# where VC 2.0, which lerkit and CLR 2.0 as published now follow, has validFrom instead.
VC11_ONLY = frozenset({"issuanceDate"})


def manifest() -> dict[str, Any]:
    """The schemas' manifest: roots (name -> file) and files (file -> sha256, source)."""
    data: dict[str, Any] = json.loads(FOLDER.joinpath("manifest.json").read_text("utf-8"))
    return data


def _contents(relative: str) -> Any:
    return json.loads(FOLDER.joinpath(*relative.split("/")).read_text("utf-8"))


def _drop_vc11(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: ([item for item in value if item not in VC11_ONLY] if key == "required"
                      and isinstance(value, list) else _drop_vc11(value))
                for key, value in node.items()}
    if isinstance(node, list):
        return [_drop_vc11(item) for item in node]
    return node


def _draft(contents: Any) -> referencing.Specification[Any]:
    uri = str(contents.get("$schema", "")) if isinstance(contents, dict) else ""
    if "draft-04" in uri:
        return referencing.jsonschema.DRAFT4
    return referencing.jsonschema.DRAFT201909


def _retrieve(uri: str) -> referencing.Resource[Any]:
    if not uri.startswith(BASE):
        raise referencing.exceptions.NoSuchResource(uri)
    relative = uri[len(BASE):]
    if relative not in manifest()["files"]:
        raise referencing.exceptions.NoSuchResource(uri)
    contents = _contents(relative)
    return _draft(contents).create_resource(contents)


@cache
def validator(name: str, vc2: bool = True) -> jsonschema.protocols.Validator:
    """A validator for the root schema ``name`` (AchievementCredential,
    EndorsementCredential, ClrCredential, LER-RS). With ``vc2`` the VC 1.1-only
    ``required`` terms (:data:`VC11_ONLY`) are not asked for."""
    relative = manifest()["roots"][name]
    contents = _contents(relative)
    if vc2:
        contents = _drop_vc11(contents)
    draft = _draft(contents)
    # the files' own $id / id are set aside: every one is known by its place here
    registry: referencing.Registry[Any] = referencing.Registry(  # type: ignore[call-arg]
        retrieve=_retrieve)
    cls = jsonschema.validators.validator_for(contents)
    resolved = dict(contents)
    resolved.pop("$id", None)
    registry = registry.with_resource(BASE + relative, draft.create_resource(resolved))
    checker: jsonschema.protocols.Validator = cls(
        {"$ref": BASE + relative}, registry=registry, format_checker=cls.FORMAT_CHECKER)
    return checker


def _errors(name: str, document: Any, vc2: bool, prefix: str = "") -> list[str]:
    found = sorted(validator(name, vc2).iter_errors(document), key=lambda e: list(e.path))
    return [f"{prefix}{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}"
            for e in found]


def errors(name: str, document: Any, vc2: bool = True) -> list[str]:
    """Every schema error for ``document``, as ``path: message`` lines.

    With ``vc2``, a CLR's ``endorsement`` items are checked against the OB 3.0
    EndorsementCredential schema (VC 2.0, as published now) instead of the shipped CLR
    schema's VC 1.1-era copy of it, which knows neither ``validFrom`` nor ``name``.
    """
    if not (vc2 and name == "ClrCredential" and isinstance(document, dict)
            and isinstance(document.get("endorsement"), list)):
        return _errors(name, document, vc2)
    outer = {key: value for key, value in document.items() if key != "endorsement"}
    problems = _errors(name, outer, vc2)
    for number, item in enumerate(document["endorsement"]):
        problems += _errors("EndorsementCredential", item, vc2, f"endorsement/{number}/")
    return problems
