"""Training catalogues: the programs a coach imported, read back as core programs."""

from __future__ import annotations

from sqlmodel import Session, col, delete, select

from lerkit.core.occupations.catalogue import Catalogue, Program
from lerkit.storage.tables import TrainingProgram


def replace_catalogue(*, session: Session, catalogue: Catalogue) -> int:
    """Store a catalogue in place of any earlier one of the same name; returns how many
    programs it holds."""
    session.exec(delete(TrainingProgram).where(
        col(TrainingProgram.catalogue) == catalogue.name))
    for p in catalogue.programs:
        session.add(TrainingProgram(
            catalogue=catalogue.name, example=catalogue.example, program_id=p.id,
            program=p.program, provider=p.provider, place=p.place, cost=p.cost,
            length=p.length, occupations=list(p.occupations), activities=list(p.activities),
            competencies=list(p.competencies)))
    return len(catalogue.programs)


def catalogues(*, session: Session) -> list[Catalogue]:
    """Every stored catalogue with its programs, by name."""
    found: dict[str, Catalogue] = {}
    rows = session.exec(select(TrainingProgram).order_by(
        col(TrainingProgram.catalogue), col(TrainingProgram.program))).all()
    for row in rows:
        cat = found.setdefault(row.catalogue, Catalogue(row.catalogue, [], row.example))
        cat.programs.append(Program(
            row.program_id, row.program, row.provider, row.place, row.cost, row.length,
            tuple(row.occupations), tuple(row.activities), tuple(row.competencies)))
    return list(found.values())
