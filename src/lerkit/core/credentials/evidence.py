"""Each evidence item of a claim credential, and whether a file at hand matches its digest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lerkit.core.credentials.checks import as_list, as_obj, as_str
from lerkit.core.credentials.digests import (
    file_digest,
    parse_digest_multibase,
    parse_digest_sri,
    safe_file_name,
)
from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _

FILE, LINK, NOTE = "file", "link", "note"
# Statuses, kept in English and compared as they are; shown with ``_()``.
MATCHES = N_("file at hand matches its digest")
MISMATCH = N_("file at hand DOES NOT MATCH its digest")
NOT_AT_HAND = N_("file not at hand (digest not checked)")
NOT_FETCHED = N_("web link (not fetched)")
JUST_A_NOTE = N_("note")


@dataclass(frozen=True)
class EvidenceStatus:
    """One evidence item: what it is, and (for a file) whether its digest was checked.

    ``ok`` is True for a file that matches, False for one that does not (or a broken
    digest), None when nothing could be checked. ``problem`` is the verifier's error
    when the file was expected in the evidence folder.
    """

    name: str
    kind: str
    status: str
    ok: bool | None = None
    problem: str | None = None
    narrative: str | None = None
    link: str | None = None


def _expected(item: Mapping[str, Any]) -> list[tuple[str, bytes]]:
    expected = []
    if "digestMultibase" in item:
        expected.append(parse_digest_multibase(item["digestMultibase"]))
    if "digestSRI" in item:
        expected.append(parse_digest_sri(item["digestSRI"]))
    return expected


def _check_file(name: str, folder: Path, expected: list[tuple[str, bytes]]
                ) -> tuple[str, bool | None, str | None]:
    file_name = safe_file_name(name)
    if file_name is None:
        problem = _("evidence file name {name!r} is not a plain file name").format(name=name)
        return problem, False, problem
    path = folder / file_name
    try:
        if not path.is_file():
            return NOT_AT_HAND, None, _("evidence file {name!r} is not in {folder}").format(
                name=file_name, folder=folder)
        for algorithm, digest in expected:
            if file_digest(path, algorithm) != digest:
                problem = _("evidence file {name!r} does not match its {algorithm} digest"
                            ).format(name=file_name, algorithm=algorithm)
                return MISMATCH, False, problem
    except OSError as exc:
        problem = _("evidence file {name!r} cannot be read ({reason})").format(
            name=file_name, reason=exc.strerror or exc)
        return problem, False, problem
    return MATCHES, True, None


def _status(raw: Any, folder: Path | None) -> EvidenceStatus:
    item = as_obj(raw)
    name = as_str(item.get("name")) or _("evidence")
    link = as_str(item.get("id"))
    narrative = as_str(item.get("narrative"))
    try:
        expected = _expected(item)
    except LerError as exc:
        broken = _("evidence {name!r}: {problem}").format(name=name, problem=exc.message)
        return EvidenceStatus(name, FILE, broken, False, broken, narrative, link)
    if link is not None and link.startswith(("http://", "https://")):
        return EvidenceStatus(name, LINK, NOT_FETCHED, None, None, narrative, link)
    if not expected:
        return EvidenceStatus(name, NOTE, JUST_A_NOTE, None, None, narrative, None)
    if folder is None:
        return EvidenceStatus(name, FILE, NOT_AT_HAND, None, None, narrative, None)
    checked, ok, problem = _check_file(name, folder, expected)
    return EvidenceStatus(name, FILE, checked, ok, problem, narrative, None)


def evidence_statuses(credential: Any, folder: Path | None) -> list[EvidenceStatus]:
    """Every evidence item of a credential, files checked against ``folder`` if given."""
    return [_status(item, folder) for item in as_list(as_obj(credential).get("evidence"))]
