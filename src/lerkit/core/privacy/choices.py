"""What the person chose for each passage: keep it, leave it out, or reword it.

Leaving a passage out uses selective disclosure, which works field by field: the whole
field (a story, an organization, a place, a piece of evidence) is left out of the
export, for every skill it belongs to. A title cannot be left out; it can be reworded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from lerkit.core.credentials.badges import EVIDENCE_OMIT_PREFIX, OMIT_FIELDS
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.privacy.passages import EVIDENCE, EXPERIENCE, Passage
from lerkit.core.records import ClaimRecord

Omit = dict[str, frozenset[str]]


class Action(StrEnum):
    """What to do with a passage."""

    KEEP = "keep"
    OMIT = "omit"
    REWORD = "reword"


@dataclass(frozen=True)
class Choice:
    """The person's choice; ``text`` is the new wording (empty deletes the sentence)."""

    action: Action
    text: str = ""


def omit_entry(passage: Passage) -> str:
    """The selective-disclosure entry that leaves the passage out (``narrative``,
    ``evidence:ID``…); BadInputError for a title."""
    if passage.entity == EVIDENCE:
        return f"{EVIDENCE_OMIT_PREFIX}{passage.entity_id}"
    if passage.entity == EXPERIENCE and passage.field in OMIT_FIELDS:
        return passage.field
    raise BadInputError(_("the {field} of an experience cannot be left out of an export; "
                          "reword it instead").format(field=passage.field))


def left_out_together(a: Passage, b: Passage) -> bool:
    """Whether leaving ``a`` out of an export leaves ``b`` out too: both name the same
    omission (the same field of one experience, or the same piece of evidence)."""
    try:
        return a.entity_id == b.entity_id and omit_entry(a) == omit_entry(b)
    except BadInputError:  # a field that cannot be left out
        return False


def omissions(passages: Iterable[Passage], claims: Sequence[ClaimRecord]) -> Omit:
    """Claim id -> what to leave out, so that none of ``passages`` is exported."""
    found: dict[str, set[str]] = {}
    for passage in passages:
        entry = omit_entry(passage)
        for claim in claims:
            exp_id = claim.experience.id if claim.experience is not None else None
            if (passage.entity == EXPERIENCE and exp_id == passage.entity_id) or (
                    passage.entity == EVIDENCE
                    and any(e.id == passage.entity_id for e in claim.evidence)):
                found.setdefault(claim.id, set()).add(entry)
    return {claim_id: frozenset(entries) for claim_id, entries in found.items()}


def merge_omit(*parts: Mapping[str, frozenset[str]] | None) -> Omit:
    """Several omit mappings as one (each claim leaves out everything any of them does)."""
    merged: dict[str, frozenset[str]] = {}
    for part in parts:
        for claim_id, entries in (part or {}).items():
            merged[claim_id] = merged.get(claim_id, frozenset()) | frozenset(entries)
    return merged


def reworded(text: str, passage: Passage, new: str) -> str:
    """``text`` with the passage's sentence replaced by ``new`` (or taken out if empty)."""
    start, end = passage.start, passage.end
    if text[start:end] != passage.sentence:
        start = text.find(passage.sentence)
        if start < 0 or text.find(passage.sentence, start + 1) >= 0:
            raise BadInputError(_("{where} has changed since it was checked; check it again")
                                .format(where=passage.where))
        end = start + len(passage.sentence)
    new = " ".join(new.split())
    if new:
        return text[:start] + new + text[end:]
    head, tail = text[:start].rstrip(" \t"), text[end:].lstrip(" \t")
    return (head + " " + tail if head and tail and not head.endswith("\n") else head + tail
            ).strip()
