"""Training catalogues: import a coach's file, list what is known, the example one.

A catalogue is checked whole against the O*NET pack in use and lerkit's competencies
before anything is stored: a bad line changes nothing. Importing a catalogue again (same
name) replaces its programs.
"""

from __future__ import annotations

from pathlib import Path

from lerkit.core import resources
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.occupations.catalogue import Catalogue, Known, Program, read_catalogue
from lerkit.services import jobs
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage import training as repo

EXAMPLE = "training-example.yaml"


def example_path() -> Path:
    """The example catalogue that ships with lerkit (made up, to show the format)."""
    return resources.packaged(EXAMPLE)


def _known(ler: Lerkit) -> Known:
    index = jobs.occupation_index(ler)
    return Known(set(index.by_code), set(index.iwa_of), set(jobs.crosswalk()))


def read(ler: Lerkit, path: Path) -> Catalogue:
    """Parse and check a catalogue file; nothing is stored."""
    if not path.is_file():
        raise BadInputError(_("{path}: no such file").format(path=path))
    return read_catalogue(path, _known(ler))


def import_catalogue(ler: Lerkit, path: Path) -> Catalogue:
    """Store a catalogue (in place of one of the same name) and return it."""
    catalogue = read(ler, path)
    with ler.transaction() as session:
        repo.replace_catalogue(session=session, catalogue=catalogue)
        audit.record(session=session, actor=ler.actor, action="import",
                     entity="training-catalogue", entity_id=catalogue.name,
                     detail={"programs": len(catalogue.programs)})
    return catalogue


def catalogues(ler: Lerkit) -> list[Catalogue]:
    """Every imported catalogue."""
    with ler.db.session() as session:
        return repo.catalogues(session=session)


def programs(ler: Lerkit) -> list[Program]:
    """Every program of every imported catalogue."""
    return [p for c in catalogues(ler) for p in c.programs]
