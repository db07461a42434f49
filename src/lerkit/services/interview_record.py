"""An interview's part of the record: what each step writes, and the decisions it reads.

Each module run of the interview produces one experience with its evidence and its
suggested skills. A step writes only the runs it changed (compared with the run as it
was before the step), and each of those only where a row differs. The person's decisions
(accepted, with a proficiency, or rejected) live only in the claim rows: a step that
decides writes one claim row, and an interview reads its decisions back from the claims
when it is opened, so a decision made on the review screen is the interview's too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from lerkit.core.interview import ExperienceDraft, Interview
from lerkit.core.interview.claims import AcceptedClaim, best_suggestions
from lerkit.core.interview.output import experience_uuid
from lerkit.core.records import (
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    Proficiency,
)
from lerkit.services.claims import experience_values, file_facts
from lerkit.services.context import Lerkit
from lerkit.storage import record_rows as rows


def short_id(engine_id: str) -> str:
    """A stored id (32 characters) from the engine's UUID."""
    return engine_id.replace("-", "")[:32]


def experience_id(interview_id: str, run_key: str) -> str:
    """The stored id of the experience a module run produces."""
    return short_id(experience_uuid(interview_id, run_key))


def _put_evidence(session: Session, ler: Lerkit, person_id: str, exp_id: str,
                  ev: EvidenceRecord) -> bool:
    values = {"name": ev.name[:300], "narrative": ev.narrative, "url": ev.url}
    if ev.dated:  # only when said: a date set on the review screen otherwise stands
        values["dated"] = ev.dated
    is_file = ev.kind == EvidenceKind.FILE
    return rows.put_evidence(
        session=session, actor=ler.actor, person_id=person_id, experience_id=exp_id,
        evidence_id=short_id(ev.id), kind=ev.kind.value, values=values,
        # a file that went away since it was checked fails the step: nothing is saved
        file_facts=(lambda: file_facts(Path(ev.file_name or ""))) if is_file else None)


def suggested(draft: ExperienceDraft) -> list[rows.Suggested]:
    """The run's suggestions as stored: the best match per skill, best first."""
    return [rows.Suggested(s.match.taxonomy, s.match.competency_id, s.match.label,
                           s.match.score, s.match.why)
            for s in best_suggestions(draft.suggestions)]


def write_run(session: Session, ler: Lerkit, person_id: str, draft: ExperienceDraft,
              before: ExperienceDraft | None = None) -> int:
    """Write what changed in a run since ``before`` (everything that differs from the
    stored rows when there is no ``before``); returns the number of rows written."""
    exp_id = short_id(draft.record.id)
    written = 0
    values = experience_values(draft.record)
    if before is not None and rows.has_experience(session=session, experience_id=exp_id):
        was = experience_values(before.record)  # only the fields the step changed: an
        values = {k: v for k, v in values.items() if was[k] != v}  # edit made on the
        # review screen stands otherwise
    if values:
        written += rows.put_experience(session=session, actor=ler.actor, person_id=person_id,
                                       experience_id=exp_id, values=values)
    old = {e.id: e for e in before.evidence} if before is not None else {}
    for ev in draft.evidence:
        if old.get(ev.id) != ev:
            written += _put_evidence(session, ler, person_id, exp_id, ev)
    gone = set(old) - {e.id for e in draft.evidence}
    written += rows.delete_evidence(session=session, actor=ler.actor, person_id=person_id,
                                    ids=[short_id(i) for i in gone])
    wanted = suggested(draft)
    if before is None or suggested(before) != wanted:
        written += rows.put_suggestions(session=session, actor=ler.actor, person_id=person_id,
                                        experience_id=exp_id, wanted=wanted)
    return written


def refresh_suggestions(session: Session, ler: Lerkit, person_id: str,
                        drafts: Sequence[ExperienceDraft]) -> int:
    """Bring the stored suggestions of these runs up to date with the matcher (when an
    interview is resumed); experiences and evidence are left as they are."""
    written = 0
    for draft in drafts:
        exp_id = short_id(draft.record.id)
        if rows.has_experience(session=session, experience_id=exp_id):
            written += rows.put_suggestions(session=session, actor=ler.actor,
                                            person_id=person_id, experience_id=exp_id,
                                            wanted=suggested(draft))
    return written


def write_changes(session: Session, ler: Lerkit, person_id: str,
                  before: Sequence[ExperienceDraft], after: Sequence[ExperienceDraft]) -> int:
    """Write the runs a step changed, and drop the ones it made disappear."""
    old = {d.key: d for d in before}
    written = 0
    for draft in after:
        was = old.pop(draft.key, None)
        if was is None or (was.record, was.evidence, was.suggestions) != (
                draft.record, draft.evidence, draft.suggestions):
            written += write_run(session, ler, person_id, draft, was)
    for gone in old.values():
        written += rows.drop_experience(session=session, actor=ler.actor,
                                        person_id=person_id,
                                        experience_id=short_id(gone.record.id))
    return written


def write_rejections(session: Session, ler: Lerkit, person_id: str, iv: Interview) -> int:
    """Store the turn-downs whose suggestions were stored after them (turned down while
    live, before the answer was given): they are rejected claims, not suggested ones."""
    return sum(rows.reject_suggested(session=session, actor=ler.actor, person_id=person_id,
                                     experience_id=experience_id(iv.id, run),
                                     competency_ids=ids)
               for run, ids in iv.state.rejected.items())


def write_decision(session: Session, ler: Lerkit, person_id: str, iv: Interview, run: str,
                   competency_id: str, *, taxonomy: str | None, label: str,
                   status: ClaimStatus, proficiency: Proficiency | None) -> bool:
    """Record one decision of the person on a run's skill: one claim row."""
    if taxonomy is None:  # a rejection may name the skill only: find its taxonomy
        known = [(c.taxonomy, c.label) for c in _accepted(iv, run)
                 if c.competency_id == competency_id]
        known += [(s.match.taxonomy, s.match.label) for s in iv.run_suggestions(run)
                  if s.match.competency_id == competency_id]
        if not known:
            return False
        taxonomy, label = known[0]
    if not rows.has_experience(session=session, experience_id=experience_id(iv.id, run)):
        return False  # nothing of the part is stored yet: the turn-down stays in its state
    return rows.decide(session=session, actor=ler.actor, person_id=person_id,
                       experience_id=experience_id(iv.id, run), taxonomy=taxonomy,
                       competency_id=competency_id, label=label or competency_id,
                       status=status.value,
                       proficiency=proficiency.value if proficiency else
                       rows.NOT_SET if status is ClaimStatus.ACCEPTED else None)


def _accepted(iv: Interview, run: str) -> list[AcceptedClaim]:
    return [AcceptedClaim.from_dict(c) for c in iv.state.accepted.get(run, [])]


def read_decisions(session: Session, iv: Interview) -> None:
    """Set the interview's decisions from the stored claims of its runs."""
    runs = {experience_id(iv.id, r.key): r.key for r in iv.walk.runs}
    accepted: dict[str, list[AcceptedClaim]] = {}
    rejected: dict[str, list[str]] = {}
    for d in rows.decisions(session=session, experience_ids=list(runs)):
        run = runs[d.experience_id]
        if d.status == ClaimStatus.ACCEPTED.value:
            accepted.setdefault(run, []).append(AcceptedClaim(
                d.competency_id, d.taxonomy, d.label, _proficiency(d.proficiency)))
        elif d.status == ClaimStatus.REJECTED.value:
            rejected.setdefault(run, []).append(d.competency_id)
    for run in runs.values():
        iv.set_decisions(run, accepted.get(run, []), rejected.get(run, []))


def _proficiency(value: str | None) -> Proficiency | None:
    try:
        return Proficiency(value) if value else None
    except ValueError:
        return None
