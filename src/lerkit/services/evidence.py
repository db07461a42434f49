"""Reviewing what backs a record: list, edit and delete evidence; correct an
experience's dates. Every change is checked as it is made (see
:mod:`lerkit.core.evidence_checks`) and written with audit in one transaction."""

from __future__ import annotations

from lerkit.core.dates import parse_when
from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_date, check_url
from lerkit.core.i18n import _
from lerkit.core.records import EvidenceKind
from lerkit.services.context import Lerkit
from lerkit.services.people import person_in
from lerkit.storage import evidence_rows as rows
from lerkit.storage import record_rows
from lerkit.storage.evidence_rows import EvidenceItem

__all__ = ["EvidenceItem", "delete_evidence", "edit_evidence", "edit_experience_dates",
           "list_evidence"]


def list_evidence(ler: Lerkit, person_id: str) -> list[EvidenceItem]:
    """A person's evidence, each with the skill or experience it backs."""
    with ler.db.session() as session:
        person_in(session, person_id)
        return rows.evidence_of(session=session, person_id=person_id)


def edit_evidence(ler: Lerkit, evidence_id: str, *, name: str | None = None,
                  note: str | None = None, url: str | None = None,
                  dated: str | None = None) -> list[str]:
    """Change a piece of evidence (None leaves a field; "" clears the date); returns the
    fields changed. A file's content cannot change: delete it and add the new file."""
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = " ".join(name.split())[:300]
    if note is not None:
        values["narrative"] = note.strip()
    if dated is not None:
        values["dated"] = check_date(dated)
    with ler.transaction() as session:
        kind = rows.evidence_kind(session=session, evidence_id=evidence_id)
        if url is not None:
            if kind != EvidenceKind.URL.value:
                raise BadInputError(_("evidence {id} is a {kind}, not a link")
                                    .format(id=evidence_id, kind=kind))
            values["url"] = check_url(url)
        return rows.update_evidence(session=session, actor=ler.actor,
                                    evidence_id=evidence_id, values=values)


def delete_evidence(ler: Lerkit, evidence_id: str) -> None:
    """Delete a piece of evidence."""
    with ler.transaction() as session:
        rows.remove_evidence(session=session, actor=ler.actor, evidence_id=evidence_id)


def _when(text: str) -> tuple[str | None, bool]:
    """A date as an experience stores it (``YYYY`` or ``YYYY-MM``), and whether the words
    say it is still going on."""
    words = check_date(text)
    if words is None:
        return None, False
    when = parse_when(words)
    return when.iso, when.ongoing and when.year is None


def edit_experience_dates(ler: Lerkit, experience_id: str, *, started: str | None = None,
                          ended: str | None = None, ongoing: bool | None = None) -> bool:
    """Correct when an experience happened ("2019", "May 2019", "spring 2019"; an end of
    "ongoing" or ``ongoing=True`` means it still goes on); True if anything changed."""
    values: dict[str, object] = {}
    if started is not None:
        values["started"] = _when(started)[0]
    if ended is not None:
        values["ended"], still = _when(ended)
        ongoing = True if still else (False if values["ended"] and ongoing is None
                                      else ongoing)
    if ongoing is not None:
        values["ongoing"] = ongoing
        if ongoing:
            values["ended"] = None
    with ler.transaction() as session:
        person_id = rows.experience_owner(session=session, experience_id=experience_id)
        if not values:
            return False
        return record_rows.put_experience(session=session, actor=ler.actor,
                                          person_id=person_id, experience_id=experience_id,
                                          values=values)
