"""Open Badges 3.0 ``OpenBadgeCredential`` documents built from accepted claims.

Every credential says in words, where any verifier shows it, that the claim is
self-attested; machine-readably, the issuer is the subject itself and the
achievement carries the tag ``self-attested``. Only terms defined by the VC 2.0
and OB 3.0.3 contexts are used, so JSON-LD safe mode accepts the documents.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lerkit.core.credentials.canon import is_absolute_iri
from lerkit.core.credentials.dates import activity_datetime
from lerkit.core.credentials.digests import sha256_hex_to_multibase
from lerkit.core.credentials.loader import OB_V3, VC_V2
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import DEFAULT_LANGUAGE, N_, translate_in
from lerkit.core.records import ClaimRecord, ClaimStatus, EvidenceKind, EvidenceRecord

SELF_ATTESTED = N_(
    "Self-attested: this claim is made by the person it describes, not by an employer or school."
)
# how each life area is named inside a record (translated into the record's language)
AREA_NAMES = {
    "paid-work": N_("paid work"), "military": N_("military"), "caregiving": N_("caregiving"),
    "volunteering": N_("volunteering"), "faith": N_("faith"), "fundraising": N_("fundraising"),
    "small-business": N_("small business"), "self-taught": N_("self-taught"),
    "education": N_("education"), "creative": N_("creative"), "household": N_("household"),
    "other": N_("other"),
}
SELF_ATTESTED_TAG = "self-attested"
OMIT_FIELDS = frozenset({"dates", "organization", "place", "narrative"})
EVIDENCE_OMIT_PREFIX = "evidence:"
# Namespace for lerkit's stable name-based UUIDs (uuid5 of a fixed URN).
LERKIT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:lerkit:credentials")


@dataclass(frozen=True)
class Holder:
    """The person: their did:key and the name they want shown."""

    did: str
    name: str

    def profile(self) -> dict[str, Any]:
        """An OB ``Profile`` for issuer / creator fields."""
        profile: dict[str, Any] = {"id": self.did, "type": ["Profile"]}
        if self.name:
            profile["name"] = self.name
        return profile


def stable_urn(did: str, kind: str, local_id: str) -> str:
    """``urn:uuid:`` derived from the DID and a local id, so re-exports match."""
    return f"urn:uuid:{uuid.uuid5(LERKIT_NAMESPACE, f'{did}|{kind}|{local_id}')}"


def credential_id(did: str, claim_id: str) -> str:
    """The stable id of the credential for one claim."""
    return stable_urn(did, "credential", claim_id)


def check_omit(claim: ClaimRecord, omit: Iterable[str]) -> frozenset[str]:
    """Validate an omit set against the claim; unknown entries are errors."""
    chosen = frozenset(omit)
    evidence_ids = {ev.id for ev in claim.evidence}
    for entry in chosen:
        if entry in OMIT_FIELDS:
            continue
        prefix, _, evidence_id = entry.partition(":")
        if f"{prefix}:" == EVIDENCE_OMIT_PREFIX and evidence_id in evidence_ids:
            continue
        raise BadInputError(
            f"claim {claim.id}: cannot omit {entry!r}; use one of {sorted(OMIT_FIELDS)} "
            "or evidence:<evidence id>"
        )
    return chosen


def _evidence(holder: Holder, claim: ClaimRecord, ev: EvidenceRecord) -> dict[str, Any]:
    item: dict[str, Any] = {"type": ["Evidence"]}
    where = f'the evidence "{ev.name or ev.id}" of the skill "{claim.label}"'  # words first
    where += f" (claim {claim.id}, evidence {ev.id}; see: ler evidence list)"
    if ev.kind == EvidenceKind.URL:
        if not is_absolute_iri(ev.url):
            raise BadInputError(f"{where}: link {ev.url!r} is not an absolute URL")
        item["id"] = ev.url
        item["name"] = ev.name or str(ev.url)
    elif ev.kind == EvidenceKind.FILE:
        if ev.sha256 is None:
            raise BadInputError(f"{where}: the file has no SHA-256 digest")
        item["id"] = stable_urn(holder.did, "evidence", f"{claim.id}|{ev.id}")
        item["name"] = ev.file_name or ev.name or "file"
        if ev.file_name and ev.name and ev.name != ev.file_name:
            item["description"] = ev.name
    else:
        item["name"] = ev.name or "Note"
    if ev.narrative:
        item["narrative"] = ev.narrative
    if ev.media_type:
        item["mediaType"] = ev.media_type
    if ev.sha256 is not None:
        try:
            item["digestMultibase"] = sha256_hex_to_multibase(ev.sha256)
        except BadInputError as exc:
            raise BadInputError(f"{where}: {exc.message}") from None
    return item


def _criteria(holder: Holder, claim: ClaimRecord, language: str) -> str:
    parts = [translate_in(language, SELF_ATTESTED)]
    who = holder.name or translate_in(language, N_("The person"))
    if claim.proficiency is not None:
        level = translate_in(language, claim.proficiency.plain)
        said = translate_in(language, N_('{who} describes their level as "{level}".'))
        parts.append(said.format(who=who, level=level))
    return " ".join(parts)


def _narrative(claim: ClaimRecord, omit: frozenset[str], language: str) -> str:
    exp = claim.experience
    if exp is None:
        return ""

    def say(message: str, **values: str) -> str:
        return translate_in(language, message).format(**values)

    area = translate_in(language, AREA_NAMES.get(exp.life_area.value, exp.life_area.value))
    lines = [say(N_("From life experience ({area}): {title}."), area=area, title=exp.title)]
    if exp.organization and "organization" not in omit:
        lines.append(say(N_("Organization: {name}."), name=exp.organization))
    if exp.place and "place" not in omit:
        lines.append(say(N_("Place: {name}."), name=exp.place))
    if "dates" not in omit and (exp.started or exp.ended or exp.ongoing):
        unknown = translate_in(language, N_("unknown"))
        end = translate_in(language, N_("ongoing")) if exp.ongoing else (exp.ended or unknown)
        lines.append(say(N_("When: {start} to {end}."), start=exp.started or unknown, end=end))
    if exp.narrative and "narrative" not in omit:
        lines.append(exp.narrative)
    return "\n".join(lines)


def _alignment(claim: ClaimRecord) -> list[dict[str, Any]]:
    """The claim's own taxonomy entry, then what it aligns to in other frameworks."""
    found: list[dict[str, Any]] = []
    if claim.target_url:
        if not is_absolute_iri(claim.target_url):
            raise BadInputError(
                f"claim {claim.id}: target URL {claim.target_url!r} is not absolute")
        own: dict[str, Any] = {
            "type": ["Alignment"],
            "targetName": claim.english_label or claim.label,
            "targetUrl": claim.target_url,
        }
        if claim.english_description:
            own["targetDescription"] = claim.english_description
        if claim.competency_id:
            own["targetCode"] = claim.competency_id
        if claim.framework or claim.taxonomy:
            own["targetFramework"] = claim.framework or claim.taxonomy
        found.append(own)
    for target in claim.alignments:
        if not is_absolute_iri(target.url):
            continue  # an alignment that cannot be linked is left out, not an error
        item: dict[str, Any] = {
            "type": ["Alignment"], "targetName": target.name, "targetUrl": target.url,
            "targetCode": target.code, "targetFramework": target.framework,
        }
        if target.description:
            item["targetDescription"] = target.description
        found.append(item)
    return found


def _subject(
    holder: Holder, claim: ClaimRecord, omit: frozenset[str], language: str
) -> dict[str, Any]:
    achievement: dict[str, Any] = {
        "id": stable_urn(holder.did, "achievement", claim.id),
        "type": ["Achievement"],
        "achievementType": "Competency",
        "name": claim.label,
        "description": claim.description or claim.label,
        "criteria": {"narrative": _criteria(holder, claim, language)},
        "tag": [SELF_ATTESTED_TAG],
    }
    if language != DEFAULT_LANGUAGE:
        achievement["inLanguage"] = language
    alignment = _alignment(claim)
    if alignment:
        achievement["alignment"] = alignment
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "id": holder.did,
        "achievement": achievement,
    }
    exp = claim.experience
    where = f"claim {claim.id}"
    if exp is not None and "dates" not in omit:
        try:
            if exp.started:
                subject["activityStartDate"] = activity_datetime(exp.started)
            if exp.ended and not exp.ongoing:
                subject["activityEndDate"] = activity_datetime(exp.ended, end=True)
        except BadInputError as exc:
            raise BadInputError(f"{where}: {exc.message}") from None
    narrative = _narrative(claim, omit, language)
    if narrative:
        subject["narrative"] = narrative
    return subject


def build_claim_credential(
    holder: Holder,
    claim: ClaimRecord,
    *,
    valid_from: str,
    valid_until: str | None = None,
    omit: Iterable[str] = (),
    endorsements: Sequence[Mapping[str, Any]] = (),
    language: str = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential for one accepted claim, its words in ``language``
    (the skill's name and description come translated in ``claim``)."""
    if claim.status != ClaimStatus.ACCEPTED:
        raise BadInputError(f"claim {claim.id} is {claim.status.value}, not accepted; not signed")
    if not claim.label.strip():
        raise BadInputError(f"claim {claim.id} has no skill name")
    chosen = check_omit(claim, omit)
    credential: dict[str, Any] = {
        "@context": [VC_V2, OB_V3],
        "id": credential_id(holder.did, claim.id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": translate_in(language, N_("{skill} (self-attested)")).format(skill=claim.label),
        "description": translate_in(language, SELF_ATTESTED),
        "issuer": holder.profile(),
        "validFrom": valid_from,
    }
    if valid_until is not None:
        credential["validUntil"] = valid_until
    credential["credentialSubject"] = _subject(holder, claim, chosen, language)
    evidence = [
        _evidence(holder, claim, ev)
        for ev in claim.evidence
        if f"{EVIDENCE_OMIT_PREFIX}{ev.id}" not in chosen
    ]
    if evidence:
        credential["evidence"] = evidence
    if endorsements:
        credential["endorsement"] = [dict(item) for item in endorsements]
    return credential
