"""Each claim's skill area in words: the category of its taxonomy entry."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from lerkit.core.records import ClaimRecord
from lerkit.services.context import Lerkit
from lerkit.storage.tables import Competency


def _label(session: Session, taxonomy: str, code: str) -> str | None:
    row = session.exec(select(Competency).where(
        Competency.taxonomy == taxonomy, Competency.code == code)).first()
    return row.label if row is not None else None


def skill_areas(ler: Lerkit, claims: Sequence[ClaimRecord]) -> dict[str, str]:
    """Claim id -> its area (e.g. ``Logistics, transportation and supply``), where known."""
    found: dict[str, str] = {}
    categories: dict[tuple[str, str], str | None] = {}
    with ler.db.session() as session:
        for claim in claims:
            entry = session.exec(select(Competency).where(
                Competency.taxonomy == claim.taxonomy,
                Competency.code == claim.competency_id)).first()
            if entry is None or not entry.category:
                continue
            key = (claim.taxonomy, entry.category)
            if key not in categories:
                categories[key] = _label(session, *key)
            label = categories[key]
            if label:
                found[claim.id] = label
    return found
