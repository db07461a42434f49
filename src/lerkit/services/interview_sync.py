"""Keep the stored experiences, claims and evidence in step with an interview's state.

The interview engine derives everything from its state; this module writes what it
derives, with ids fixed by the interview, so re-syncing updates rows instead of adding
new ones. Rows the interview made and no longer produces are removed. Decisions made
outside the interview (accepting a skill on the review screen) are never undone here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlmodel import Session, SQLModel, select

from lerkit.core.errors import LerError
from lerkit.core.interview import Interview
from lerkit.core.matching.types import Match
from lerkit.core.records import ClaimStatus, EvidenceKind, EvidenceRecord
from lerkit.services.claims import file_facts, save_experience, suggest_claim
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage.tables import Claim, Evidence, Experience, utcnow
from lerkit.storage.taxonomies import load_competency


def short_id(engine_id: str) -> str:
    """A stored id (32 characters) from the engine's UUID."""
    return engine_id.replace("-", "")[:32]


def _save_evidence(session: Session, ler: Lerkit, person_id: str, experience_id: str,
                   ev: EvidenceRecord) -> str:
    ev_id = short_id(ev.id)
    row = session.get(Evidence, ev_id)
    values: dict[str, object] = {"name": ev.name[:300], "narrative": ev.narrative,
                                 "url": ev.url}
    if ev.kind == EvidenceKind.FILE:
        path = Path(ev.file_name or "").expanduser()
        if row is not None and row.kind == "file" and row.sha256:
            values = {}  # a file is hashed once, when it is first stored
        else:
            try:
                values.update(file_facts(path))
            except LerError as exc:
                values.update(narrative=f"File not found when saved: {exc.message}",
                              file_name=path.name)
    if row is None:
        row = Evidence(id=ev_id, person_id=person_id, experience_id=experience_id,
                       kind=ev.kind.value, **values)  # type: ignore[arg-type]
        audit.record(session=session, actor=ler.actor, action="create", entity="evidence",
                     entity_id=ev_id, person_id=person_id, detail={"fields": ["kind"]})
    else:
        for key, value in values.items():
            setattr(row, key, value)
    session.add(row)
    return ev_id


def _decide(session: Session, ler: Lerkit, row: Claim, status: ClaimStatus,
            proficiency: str | None, decisions: dict[str, str], previous: dict[str, str]
            ) -> None:
    """Apply the interview's decision on a claim only if the interview changed it.

    A decision made elsewhere (the review screen) stands until the person decides again
    in the interview; a mere suggestion never overrides a decision.
    """
    decision = f"{status.value}|{proficiency or ''}"
    decisions[row.id] = decision
    if previous.get(row.id) == decision:
        return
    changed = []
    if status != ClaimStatus.SUGGESTED and row.status != status.value:
        row.status, changed = status.value, ["status"]
    if proficiency is not None and row.proficiency != proficiency:
        row.proficiency, changed = proficiency, [*changed, "proficiency"]
    if changed:
        row.updated_at = utcnow()
        session.add(row)
        audit.record(session=session, actor=ler.actor, action="update", entity="claim",
                     entity_id=row.id, person_id=row.person_id, detail={"fields": changed})


def _label(session: Session, taxonomy: str, competency_id: str, label: str) -> str:
    """A skill's name: as given, else from its taxonomy (in the caller's transaction)."""
    if label and label != competency_id:
        return label
    entry = load_competency(session=session, name=taxonomy, code=competency_id)
    return entry.label if entry is not None else (label or competency_id)


def sync_record(session: Session, ler: Lerkit, person_id: str, iv: Interview,
                owned: dict[str, list[str]]) -> dict[str, list[str]]:
    """Write the interview's experiences, claims and evidence; return the ids it owns.

    ``owned["decided"]`` remembers the last decision the interview wrote for each claim
    (``claim_id|status|proficiency``), so decisions made elsewhere are not undone.
    """
    keep: dict[str, list[str]] = {"experience": [], "claim": [], "evidence": []}
    previous = dict(item.split("|", 1) for item in owned.get("decided", []) if "|" in item)
    decisions: dict[str, str] = {}
    for draft in iv.drafts():
        exp_id = short_id(draft.record.id)
        save_experience(session, ler, person_id, replace(draft.record, id=exp_id))
        keep["experience"].append(exp_id)
        for ev in draft.evidence:
            keep["evidence"].append(_save_evidence(session, ler, person_id, exp_id, ev))
        best: dict[tuple[str, str], Match] = {}
        for s in draft.suggestions:
            key = (s.match.taxonomy, s.match.competency_id)
            if key not in best or s.match.score > best[key].score:
                best[key] = s.match
        wanted = [(c.taxonomy, c.competency_id, c.label, c.status,
                   c.proficiency.value if c.proficiency else None)
                  for c in draft.claims(iv.id)]
        for rejected in draft.rejected:
            match = next((m for (_, cid), m in best.items() if cid == rejected), None)
            if match is not None:
                wanted.append((match.taxonomy, rejected, match.label, ClaimStatus.REJECTED, None))
            else:  # a hand-picked skill withdrawn
                for old in session.exec(select(Claim).where(
                        Claim.experience_id == exp_id, Claim.competency_id == rejected)):
                    wanted.append((old.taxonomy, rejected, old.label, ClaimStatus.REJECTED, None))
        for taxonomy, competency_id, label, status, proficiency in wanted:
            match = best.get((taxonomy, competency_id))
            row = suggest_claim(
                session, ler, person_id, exp_id, taxonomy, competency_id,
                _label(session, taxonomy, competency_id, label),
                score=match.score if match else None, why=match.why if match else "")
            _decide(session, ler, row, status, proficiency, decisions, previous)
            keep["claim"].append(row.id)
    _remove_stale(session, ler, person_id, owned, keep)
    return {**keep, "decided": [f"{k}|{v}" for k, v in decisions.items()]}


def _remove_stale(session: Session, ler: Lerkit, person_id: str,
                  owned: dict[str, list[str]], keep: dict[str, list[str]]) -> None:
    tables: dict[str, type[SQLModel]] = {
        "claim": Claim, "evidence": Evidence, "experience": Experience}
    for entity, table in tables.items():
        for stale in set(owned.get(entity, [])) - set(keep[entity]):
            row = session.get(table, stale)
            if row is None:
                continue
            if entity == "claim" and getattr(row, "status", "") == "accepted":
                continue  # accepted outside the interview: the person's decision stands
            session.delete(row)
            audit.record(session=session, actor=ler.actor, action="delete", entity=entity,
                         entity_id=stale, person_id=person_id)
    session.flush()
