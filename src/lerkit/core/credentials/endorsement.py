"""Endorsements: OB 3.0 ``EndorsementCredential``s that vouch for one claim credential.

An endorsement names the endorsed claim credential in its ``EndorsementSubject`` and
is bound to that credential's exact content by a digest, per VC 2.0 "Integrity of
Related Resources"::

    "relatedResource": [{"id": <claim credential id>, "digestSRI": "sha384-<base64>"}]

The digest is SHA-384 over the JCS (RFC 8785) form of the whole signed claim
credential, its ``proof`` included. So an endorsement can be neither moved to another
claim (its subject and digest are signed by the endorser) nor kept across a change to
the claim (the digest would differ). The endorser's relationship to the person is
written in words, in defined terms only: the first line of ``endorsementComment``
(``Relationship: supervisor.``) and the credential's ``name`` and ``description``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lerkit.core.credentials.badges import LERKIT_NAMESPACE
from lerkit.core.credentials.canon import canonicalize_jcs, is_absolute_iri
from lerkit.core.credentials.checks import as_list, as_obj, as_str
from lerkit.core.credentials.digests import parse_digest_multibase, parse_digest_sri
from lerkit.core.credentials.loader import OB_V3, VC_V2
from lerkit.core.errors import BadInputError, LerError
from lerkit.core.i18n import N_, _
from lerkit.core.text_safety import is_clean

DIGEST_ALGORITHM = "sha384"
MAX_RELATIONSHIP = 100
MAX_COMMENT = 4000
_RELATIONSHIP = re.compile(r"Relationship: ([^\n]+?)\.?(?:\n\n|\n|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def organization_id(name: str) -> str:
    """A stable ``urn:uuid:`` for an organization named by endorsers."""
    return f"urn:uuid:{uuid.uuid5(LERKIT_NAMESPACE, 'organization|' + ' '.join(name.split()))}"


@dataclass(frozen=True)
class EndorserProfile:
    """Who endorses: their did:key, name, and optional organization, role and contacts."""

    did: str
    name: str
    organization: str = ""
    role: str = ""
    url: str | None = None
    email: str | None = None

    def profile(self) -> dict[str, Any]:
        """The OB ``Profile`` used as the endorsement's issuer."""
        profile: dict[str, Any] = {"id": self.did, "type": ["Profile"], "name": self.name}
        about = " at ".join(part for part in (self.role, self.organization) if part)
        if about:
            profile["description"] = about[0].upper() + about[1:] + "."
        if self.url:
            profile["url"] = self.url
        if self.email:
            profile["email"] = self.email
        if self.organization:
            profile["parentOrg"] = {
                "id": organization_id(self.organization),
                "type": ["Profile"],
                "name": self.organization,
            }
        return profile


def check_profile(profile: EndorserProfile) -> EndorserProfile:
    """Refuse an endorser profile that would not sign cleanly."""
    if not profile.name.strip():
        raise BadInputError(_("an endorser needs a name"))
    for problem, text in (
            (N_("the endorser's name must be one line of text"), profile.name),
            (N_("the endorser's organization must be one line of text"), profile.organization),
            (N_("the endorser's role must be one line of text"), profile.role)):
        if _CONTROL.search(text) or not is_clean(text) or len(text) > 300:
            raise BadInputError(_(problem))
    if profile.url is not None and not (
        is_absolute_iri(profile.url) and profile.url.startswith(("https://", "http://"))
    ):
        raise BadInputError(_("{url!r} is not a web address (https://...)").format(url=profile.url))
    if profile.email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+", profile.email):
        raise BadInputError(_("{email!r} is not an email address").format(email=profile.email))
    return profile


def check_relationship(text: str) -> str:
    """How the endorser knows the person, one short line (e.g. ``supervisor``)."""
    value = " ".join(text.split()).rstrip(".")
    if not value:
        raise BadInputError(_("say how you know the person (e.g. supervisor, pastor, teacher)"))
    if len(value) > MAX_RELATIONSHIP or _CONTROL.search(value) or not is_clean(value):
        raise BadInputError(_("the relationship must be one line of at most {limit} characters")
                            .format(limit=MAX_RELATIONSHIP))
    return value


def check_comment(text: str) -> str:
    """An endorsement comment: any text up to a limit, no control characters but newlines."""
    value = text.strip()
    if (len(value) > MAX_COMMENT or _CONTROL.search(value.replace("\t", " "))
            or not is_clean(value, multiline=True)):
        raise BadInputError(_("a comment is plain text of at most {limit} characters")
                            .format(limit=MAX_COMMENT))
    return value


def credential_digest(credential: Mapping[str, Any]) -> str:
    """``sha384-<base64>``: the SRI digest of the JCS form of a signed credential."""
    digest = hashlib.new(DIGEST_ALGORITHM, canonicalize_jcs(dict(credential))).digest()
    return f"{DIGEST_ALGORITHM}-{base64.b64encode(digest).decode('ascii')}"


def _skill(credential: Mapping[str, Any]) -> str:
    achievement = as_obj(as_obj(credential.get("credentialSubject")).get("achievement"))
    return as_str(achievement.get("name")) or as_str(credential.get("name")) or "a skill"


def build_endorsement(
    endorser: EndorserProfile,
    claim_credential: Mapping[str, Any],
    *,
    relationship: str,
    comment: str,
    valid_from: str,
    worker_name: str = "",
    endorsement_id: str | None = None,
) -> dict[str, Any]:
    """The unsigned EndorsementCredential for one signed claim credential."""
    target = claim_credential.get("id")
    if not is_absolute_iri(target):
        raise BadInputError(_("the claim credential has no absolute id to endorse"))
    relation = check_relationship(relationship)
    text = check_comment(comment)
    skill = _skill(claim_credential)
    who = worker_name or "the person"
    return {
        "@context": [VC_V2, OB_V3],
        "id": endorsement_id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"Endorsement by {endorser.name} ({relation}): {skill}",
        "description": (
            f"{endorser.name}, who knows {who} as their {relation}, endorses the claim "
            f'"{skill}" exactly as signed in credential {target}; the digest in '
            "relatedResource binds this endorsement to that version of the claim only."
        ),
        "issuer": endorser.profile(),
        "validFrom": valid_from,
        "credentialSubject": {
            "id": target,
            "type": ["EndorsementSubject"],
            "endorsementComment": f"Relationship: {relation}." + (f"\n\n{text}" if text else ""),
        },
        "relatedResource": [{"id": target, "digestSRI": credential_digest(claim_credential)}],
    }


def endorsed_id(endorsement: Mapping[str, Any]) -> str | None:
    """The id of what an endorsement endorses."""
    return as_str(as_obj(endorsement.get("credentialSubject")).get("id"))


def relationship_of(endorsement: Mapping[str, Any]) -> str | None:
    """The relationship line lerkit writes first in the comment, if present."""
    comment = as_str(as_obj(endorsement.get("credentialSubject")).get("endorsementComment"))
    match = _RELATIONSHIP.match(comment or "")
    return match.group(1) if match else None


def comment_of(endorsement: Mapping[str, Any]) -> str | None:
    """The endorser's own words, without the relationship line."""
    comment = as_str(as_obj(endorsement.get("credentialSubject")).get("endorsementComment"))
    match = _RELATIONSHIP.match(comment or "")
    return comment[match.end():] if comment is not None and match else comment


def organization_of(endorsement: Mapping[str, Any]) -> str | None:
    """The organization the endorser names in their own profile."""
    issuer = as_obj(endorsement.get("issuer"))
    return as_str(as_obj(issuer.get("parentOrg")).get("name"))


def proof_forms(credential: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The credential as given, then (for a single proof) with that proof in the other
    JSON form: an object, or a one-item array. Both have the same RDF and signatures."""
    forms = [dict(credential)]
    proof = credential.get("proof")
    if isinstance(proof, dict):
        forms.append({**credential, "proof": [proof]})
    elif isinstance(proof, list) and len(proof) == 1 and isinstance(proof[0], dict):
        forms.append({**credential, "proof": proof[0]})
    return forms


def binding_errors(endorsement: Mapping[str, Any], credential: Mapping[str, Any], *,
                   exact: bool = False) -> list[str]:
    """Problems with the digest that binds ``endorsement`` to ``credential`` (none: bound).

    With ``exact`` the digest must be that of ``credential`` byte for byte, as any
    verifier of a file computes it. Otherwise the credential's single proof may be in
    either JSON form (:func:`proof_forms`): a credential signed with a proof object and
    later exported with a proof array is still the credential the endorser vouched for.
    """
    target = credential.get("id")
    entries = [as_obj(item) for item in as_list(endorsement.get("relatedResource"))]
    entries = [item for item in entries if item.get("id") == target]
    if not entries:
        return [_("not bound to {target} by a digest (no relatedResource for it)")
                .format(target=target)]
    try:
        forms = [dict(credential)] if exact else proof_forms(credential)
        canonicals = [canonicalize_jcs(form) for form in forms]
    except Exception:  # hostile content: report, never raise
        return [_("the endorsed credential {target} cannot be put in JCS form")
                .format(target=target)]
    for item in entries:
        expected: list[tuple[str, bytes]] = []
        try:
            if "digestSRI" in item:
                expected.append(parse_digest_sri(item["digestSRI"]))
            if "digestMultibase" in item:
                expected.append(parse_digest_multibase(item["digestMultibase"]))
        except LerError as exc:
            return [_("relatedResource for {target}: {problem}")
                    .format(target=target, problem=exc.message)]
        if not expected:
            return [_("relatedResource for {target} has no digestSRI or digestMultibase")
                    .format(target=target)]
        if not any(all(hashlib.new(algorithm, canonical).digest() == digest
                       for algorithm, digest in expected) for canonical in canonicals):
            return [
                _("digest does not match {target}: the claim was changed after it was "
                  "endorsed, or the endorsement was made for another claim").format(target=target)
            ]
    return []
