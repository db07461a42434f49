"""Checks shared by every kind of credential lerkit verifies: shape, period, proofs.

Each check returns a list of problems (strings) and never raises on hostile input.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lerkit.core.credentials.canon import is_absolute_iri
from lerkit.core.credentials.dates import parse_datetime_stamp
from lerkit.core.credentials.loader import CLR_V2, VC_V2
from lerkit.core.credentials.proofs import verify_proofs
from lerkit.core.i18n import N_, _

CLR_CONTEXTS = frozenset({CLR_V2, "https://purl.imsglobal.org/spec/clr/v2p0/context.json"})
OB_CONTEXTS = frozenset(
    {
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    }
)
ALLOWED_CONTEXTS = (
    CLR_CONTEXTS
    | OB_CONTEXTS
    | {
        VC_V2,
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    }
)
# A document without an absolute id, by what the document is (check_shape's ``what``).
_NO_ID = {
    "credential": N_("credential id is missing or not an absolute IRI"),
    "bundle": N_("bundle id is missing or not an absolute IRI"),
    "endorsement": N_("endorsement id is missing or not an absolute IRI"),
}


def as_str(value: Any) -> str | None:
    """``value`` if it is a string, else None."""
    return value if isinstance(value, str) else None


def as_obj(value: Any) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """A JSON value that may be one item or a list, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def issuer_id(credential: Mapping[str, Any]) -> str | None:
    """The issuer's id, whether ``issuer`` is a string or a Profile."""
    issuer = credential.get("issuer")
    return as_str(issuer.get("id")) if isinstance(issuer, dict) else as_str(issuer)


def check_context(doc: Mapping[str, Any], needed: frozenset[str], what: str) -> list[str]:
    """``@context`` starts with VC 2.0, lists only known contexts and includes ``needed``."""
    context = doc.get("@context")
    if not isinstance(context, list) or not context or context[0] != VC_V2:
        return [_("@context must be a list starting with {url}").format(url=VC_V2)]
    if not all(isinstance(entry, str) for entry in context):
        return [_("@context may only list context URLs")]
    unexpected = [entry for entry in context if entry not in ALLOWED_CONTEXTS]
    if unexpected:
        return [_("@context lists {url!r}, not a VC 2.0, CLR 2.0 or OB 3.0 context")
                .format(url=unexpected[0])]
    if not needed & set(context):
        return [_("@context lacks the {standard} context").format(standard=what)]
    return []


def check_shape(doc: Mapping[str, Any], kinds: set[str], what: str) -> list[str]:
    """The types, an absolute id, an issuer and a credentialSubject object."""
    errors: list[str] = []
    types = [t for t in as_list(doc.get("type")) if isinstance(t, str)]
    if "VerifiableCredential" not in types or not kinds & set(types):
        errors.append(_("type must include VerifiableCredential and one of: {types}")
                      .format(types=", ".join(sorted(kinds))))
    if not is_absolute_iri(doc.get("id")):
        errors.append(_(_NO_ID.get(what, N_("id is missing or not an absolute IRI"))))
    if issuer_id(doc) is None:
        errors.append(_("issuer is missing"))
    if not isinstance(doc.get("credentialSubject"), dict):
        errors.append(_("credentialSubject is missing or not an object"))
    return errors


def check_period(doc: Mapping[str, Any], now: datetime) -> list[str]:
    """``validFrom`` / ``validUntil`` against ``now``."""
    errors: list[str] = []
    start = parse_datetime_stamp(doc.get("validFrom"))
    end = parse_datetime_stamp(doc.get("validUntil"))
    if start is None:
        errors.append(_("validFrom is missing or not a dateTime with a timezone"))
    elif now < start:
        errors.append(_("not valid yet (validFrom {stamp})").format(stamp=doc.get("validFrom")))
    if "validUntil" in doc and end is None:
        errors.append(_("validUntil is not a dateTime with a timezone"))
    if end is not None and now > end:
        errors.append(_("expired (validUntil {stamp})").format(stamp=doc.get("validUntil")))
    if start is not None and end is not None and start > end:
        errors.append(_("validFrom is later than validUntil"))
    return errors


def check_signatures(doc: Mapping[str, Any], now: datetime,
                     known: Mapping[str, bytes] | None = None) -> list[str]:
    """Every proof verifies and was made by the issuer's key (``known``: see
    :func:`~lerkit.core.credentials.proofs.verify_proofs`)."""
    errors: list[str] = []
    issuer = issuer_id(doc)
    for number, result in enumerate(verify_proofs(doc, now=now, known=known), start=1):
        if not result.ok:
            errors.append(_("proof {number}: {reason}").format(number=number,
                                                               reason=result.reason))
        elif result.controller != issuer:
            errors.append(_("proof {number}: issuer {issuer!r} is not the signer {signer!r}")
                          .format(number=number, issuer=issuer, signer=result.controller))
    return errors


def check_credential(doc: Any, now: datetime,
                     known: Mapping[str, bytes] | None = None) -> list[str]:
    """Shape-independent checks for any VC: validity period, proofs, issuer == signer."""
    if not isinstance(doc, dict):
        return [_("credential is not a JSON object")]
    return check_period(doc, now) + check_signatures(doc, now, known)
