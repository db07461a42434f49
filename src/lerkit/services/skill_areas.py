"""Each claim's skill area in words: the category of its taxonomy entry."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from lerkit.core.records import ClaimRecord
from lerkit.services.context import Lerkit
from lerkit.storage.taxonomies import category_label, load_competency


def skill_areas(ler: Lerkit, claims: Sequence[ClaimRecord]) -> dict[str, str]:
    """Claim id -> its area (e.g. ``Logistics, transportation and supply``), where known."""
    with ler.db.session() as session:
        return areas_in(session, claims)


def areas_in(session: Session, claims: Sequence[ClaimRecord],
             language: str = "en") -> dict[str, str]:
    """:func:`skill_areas`, read in the caller's session (named in ``language`` where the
    taxonomy gives its categories' names in it)."""
    found: dict[str, str] = {}
    categories: dict[tuple[str, str], str | None] = {}
    for claim in claims:
        entry = load_competency(session=session, name=claim.taxonomy, code=claim.competency_id)
        if entry is None or not entry.category:
            continue
        key = (claim.taxonomy, entry.category)
        if key not in categories:
            categories[key] = category_label(session=session, name=key[0], code=key[1],
                                             language=language)
        label = categories[key]
        if label:
            found[claim.id] = label
    return found
