"""Checking a signed file just written, as read back from disk, before it is used.

An export is reported done only after its file has been read back, parsed and
verified in full (every proof) by lerkit's own verifier, and found to hold exactly the
bytes meant to be written. A file that fails is never left in place; its
:class:`WrittenFileError` has an exit code of its own (4), so scripts can tell it from
bad input and from someone else's bundle that does not verify.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from lerkit.core.credentials.checks import as_list
from lerkit.core.credentials.endorsement import binding_errors
from lerkit.core.credentials.report import KIND_BUNDLE, KIND_ENDORSEMENTS, BundleReport
from lerkit.core.credentials.verify import verify_bundle
from lerkit.core.errors import LerError
from lerkit.core.files import read_bytes
from lerkit.core.i18n import _, ngettext

EXIT_NOT_VERIFIED = 4
SHOWN = 3  # problems named in the message


class WrittenFileError(LerError):
    """A signed file lerkit wrote that did not verify when read back; it was removed."""

    exit_code = EXIT_NOT_VERIFIED


def _fail(name: Path, problems: Sequence[str]) -> WrittenFileError:
    shown = "; ".join(problems[:SHOWN]) or _("it does not verify")
    extra = len(problems) - SHOWN
    if extra > 0:
        shown = ngettext("{problems} (and {n} more)", "{problems} (and {n} more)", extra
                         ).format(problems=shown, n=extra)
    return WrittenFileError(_("{name} did not verify after it was written, so it was not "
                              "kept: {problems}").format(name=name, problems=shown))


def _read(written: Path, data: bytes, name: Path, limit: int) -> tuple[Any, list[str]]:
    """The file parsed, and a problem if it differs from ``data``, what was to be written."""
    try:
        raw = read_bytes(written, limit)
    except LerError as exc:
        raise _fail(name, [_("cannot read it back ({problem})").format(problem=exc.message)]
                    ) from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise _fail(name, [_("it is not valid JSON")]) from None
    return doc, [] if raw == data else [_("it does not hold what was to be written")]


def _target(endorsement: Any) -> Any:
    """The id of the credential an endorsement is about (None if it names none)."""
    subject = endorsement.get("credentialSubject") if isinstance(endorsement, dict) else None
    return subject.get("id") if isinstance(subject, dict) else None


def check_written_bundle(written: Path, data: bytes, *, name: Path, limit: int
                         ) -> BundleReport:
    """Verify the bundle file ``written`` (to be named ``name``): it holds ``data``, valid."""
    doc, problems = _read(written, data, name, limit)
    report = verify_bundle(doc)
    if not report.valid:
        problems = [*(report.all_errors() or [_("it does not verify")]), *problems]
    if report.kind != KIND_BUNDLE:
        problems.append(_("it is not a bundle"))
    if problems:
        raise _fail(name, problems)
    return report


def check_written_endorsements(written: Path, data: bytes,
                               claims: Mapping[str, Mapping[str, Any]], *, name: Path,
                               limit: int) -> BundleReport:
    """Verify an endorser's file: it holds ``data``, and every endorsement is valid and
    bound to its claim in ``claims`` (credential id -> the claim credential endorsed)."""
    doc, problems = _read(written, data, name, limit)
    report = verify_bundle(doc)
    if not report.valid:
        problems = [*(report.all_errors() or [_("it does not verify")]), *problems]
    if report.kind != KIND_ENDORSEMENTS:
        problems.append(_("it is not a file of endorsements"))
    for item in as_list(doc):
        target = claims.get(str(_target(item)))
        if target is None:
            problems.append(_("an endorsement names a claim that was not endorsed"))
        else:
            problems += binding_errors(item, target, exact=True)
    if problems:
        raise _fail(name, problems)
    return report


def signed_within(doc: Any) -> Iterator[dict[str, Any]]:
    """Every signed credential (an object with ``proof``) anywhere inside a JSON document."""
    stack = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "proof" in item:
                yield item
                continue
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def check_written_embedded(written: Path, data: bytes, bundle: Mapping[str, Any], *,
                           name: Path, limit: int) -> int:
    """Verify a derived JSON file, holding ``data``, that embeds signed credentials of ``bundle``.

    Each one found must verify on its own and be one of the bundle's credentials or
    endorsements, unchanged; there must be at least one. Returns how many were checked.
    """
    doc, problems = _read(written, data, name, limit)
    subject = bundle.get("credentialSubject")
    known = [*as_list(subject.get("verifiableCredential") if isinstance(subject, dict) else None),
             *as_list(bundle.get("endorsement"))]
    found = list(signed_within(doc))
    if not found:
        problems.append(_("it holds no signed credential"))
    for number, item in enumerate(found, start=1):
        report = verify_bundle(item)
        label = item.get("id") or _("signed credential {number}").format(number=number)
        if not report.valid:
            problems += [f"{label}: {error}" for error in report.all_errors() or
                         [_("it does not verify")]]
        if item not in known:
            problems.append(_("{label}: it is not one of the bundle's credentials")
                            .format(label=label))
    if problems:
        raise _fail(name, problems)
    return len(found)
