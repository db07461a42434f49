"""The privacy check before an export, for one person (docs/privacy-check.md).

:func:`check` lists the passages of the person's accepted skills' experiences and
evidence that name a health condition, a disability, a child or a religion. The person
then chooses, passage by passage; :func:`apply` rewords the stored text (logged in the
audit log) and returns what to leave out, to pass as ``omit=`` to the export, merged
with any other omissions by :func:`merge_omit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lerkit.core.privacy import (
    Action,
    Choice,
    Passage,
    find_passages,
    left_out_together,
    load_word_lists,
    merge_omit,
    omissions,
    reworded,
)
from lerkit.core.records import ClaimRecord
from lerkit.services.context import Lerkit
from lerkit.services.people import require_person
from lerkit.storage import record_rows as rows
from lerkit.storage.records import claim_records

__all__ = ["Action", "Choice", "Passage", "apply", "check", "left_out_together",
           "merge_omit"]
WHY = "privacy check"


def _claims(ler: Lerkit, person_id: str, claim_ids: Sequence[str] | None) -> list[ClaimRecord]:
    require_person(ler, person_id)
    with ler.db.session() as session:
        return claim_records(session=session, person_id=person_id, claim_ids=claim_ids)


def check(ler: Lerkit, person_id: str, claim_ids: Sequence[str] | None = None, *,
          words: Path | None = None) -> list[Passage]:
    """The passages to show the person before exporting these accepted claims (all of
    them by default); ``words`` is a coach's own word list instead of the shipped one."""
    lists = load_word_lists(words) if words is not None else None
    return find_passages(_claims(ler, person_id, claim_ids), lists)


def apply(ler: Lerkit, person_id: str, choices: Sequence[tuple[Passage, Choice]],
          claim_ids: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
    """Store each reworded passage and return, claim by claim, what the export must leave
    out for the passages the person chose to omit."""
    omit = omissions([p for p, c in choices if c.action == Action.OMIT],
                     _claims(ler, person_id, claim_ids))
    fields: dict[tuple[str, str, str], list[tuple[Passage, Choice]]] = {}
    for passage, choice in choices:
        if choice.action == Action.REWORD:
            key = (passage.entity, passage.entity_id, passage.field)
            fields.setdefault(key, []).append((passage, choice))
    if not fields:
        return omit
    with ler.transaction() as session:
        for (entity, entity_id, field), picked in fields.items():
            last_first = sorted(picked, key=lambda item: item[0].start, reverse=True)

            def change(text: str, items: list[tuple[Passage, Choice]] = last_first) -> str:
                for passage, choice in items:
                    text = reworded(text, passage, choice.text)
                return text

            rows.change_text(session=session, actor=ler.actor, person_id=person_id,
                             entity=entity, entity_id=entity_id, field=field, change=change,
                             why=WHY)
    return omit
