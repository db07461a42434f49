"""Taxonomies: import from every supported format, list, show, and the shipped ones."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lerkit.core import resources
from lerkit.core.errors import BadInputError, NotFoundError, StorageError
from lerkit.core.i18n import N_, _
from lerkit.core.taxonomy.case import load_case
from lerkit.core.taxonomy.esco import beside, load_esco
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Competency, Taxonomy, fingerprint
from lerkit.core.taxonomy.onet import load_onet
from lerkit.core.taxonomy.onet_pack import dwa_taxonomy, read_pack
from lerkit.core.taxonomy.rsd import load_rsd
from lerkit.core.taxonomy.table_format import load_table
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage import taxonomies as repo
from lerkit.storage.taxonomies import SaveResult

FORMATS = ("onet", "esco", "case", "rsd", "yaml", "csv", "jsonl")
IN_LANGUAGES = ("esco",)  # formats whose texts in other languages lerkit imports
ONET_DWA = "onet-dwa"
ONET_PACK = "onet-pack.json.gz"


def _own_files() -> list[Path]:
    return sorted((resources.data_dir("taxonomies") / "lerkit").rglob("*.yaml"))


def _own() -> Taxonomy:
    return load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")


def onet_pack_path(ler: Lerkit) -> Path:
    """The O*NET pack in use: one imported into ``LER_HOME`` (``ler occupations import``),
    or the one shipped with lerkit."""
    mine = ler.settings.home / ONET_PACK
    return mine if mine.is_file() else resources.packaged(ONET_PACK)


# The shipped taxonomies: name -> (the files they are read from, how to read them).
BUILTIN: dict[str, tuple[Callable[[Lerkit], list[Path]], Callable[[Lerkit], Taxonomy]]] = {
    "lerkit": (lambda ler: _own_files(), lambda ler: _own()),
    ONET_DWA: (lambda ler: [onet_pack_path(ler)],
               lambda ler: dwa_taxonomy(read_pack(onet_pack_path(ler)), ONET_PACK)),
}
Progress = Callable[[str, int, int], None]


def parse(fmt: str, path: Path, name: str | None = None,
          language: str = "en") -> list[Taxonomy]:
    """Read taxonomies from a file or folder in ``fmt``, in ``language`` (ESCO publishes
    every language: another one than English gives the entries' texts in it); nothing
    is stored."""
    if language != "en" and fmt not in IN_LANGUAGES:
        raise BadInputError(_("--language: only {formats} imports have texts in other "
                              "languages").format(formats=", ".join(IN_LANGUAGES)))
    if not (2 <= len(language) <= 3 and language.isascii() and language.isalpha()
            and language.islower()):
        raise BadInputError(_("--language: {language!r} is not a language code such as "
                              "es").format(language=language))
    if fmt not in FORMATS:
        raise BadInputError(_("unknown taxonomy format {format!r}; use one of {formats}")
                            .format(format=fmt, formats=", ".join(FORMATS)))
    if not path.exists():
        raise BadInputError(_("{path}: no such file or folder").format(path=path))
    if fmt == "onet":
        found = load_onet(path)
    elif fmt == "esco":
        found = load_esco(path, language)
    elif fmt == "case":
        found = [load_case(path, name)]
    elif fmt == "rsd":
        found = [load_rsd(path, name)]
    elif fmt == "yaml":
        found = [load_lerkit_yaml(path)]
    else:
        found = [load_table(path, fmt, name)]
    if name is not None:
        if len(found) != 1:
            raise BadInputError(
                _("--name needs an import that makes one taxonomy; this makes {names}")
                .format(names=", ".join(t.name for t in found)))
        found[0].name = name
    for taxonomy in found:
        check_name(taxonomy.name)
        if not taxonomy.competencies:
            raise BadInputError(_("{path}: taxonomy {name!r} has no entries")
                                .format(path=path, name=taxonomy.name))
    return found


NO_TAXONOMY = N_("no taxonomy named {name!r} (see: ler taxonomy list)")

def check_name(name: str) -> str:
    """Taxonomy names are short words: letters, digits, dot, dash, underscore."""
    if not name or len(name) > 100 or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise BadInputError(_("not a usable taxonomy name: {name!r}").format(name=name))
    return name


def store(ler: Lerkit, taxonomies: list[Taxonomy], fmt: str,
          progress: Progress | None = None) -> list[SaveResult]:
    """Save parsed taxonomies in one transaction: all of them, or nothing."""
    results = []
    with ler.transaction() as session:
        for taxonomy in taxonomies:
            def step(done: int, total: int, name: str = taxonomy.name) -> None:
                if progress is not None:
                    progress(name, done, total)

            result = repo.save_taxonomy(
                session=session, taxonomy=taxonomy, fmt=fmt,
                content_hash=fingerprint(taxonomy), progress=step,
            )
            audit.record(
                session=session, actor=ler.actor, action="import", entity="taxonomy",
                entity_id=taxonomy.name,
                detail={"format": fmt, "entries": result.total, "added": result.added,
                        "removed": result.removed},
            )
            results.append(result)
    return results


def beside_stored(ler: Lerkit, parsed: list[Taxonomy], fmt: str,
                  language: str = "en") -> list[Taxonomy]:
    """Parsed taxonomies as they are to be stored: for a format with texts in several
    languages, what is stored already in other languages is kept (an ESCO import in
    Spanish adds Spanish texts beside the English ones, and a later English import
    keeps them)."""
    if fmt not in IN_LANGUAGES:
        return parsed
    found = []
    for taxonomy in parsed:
        with ler.db.session() as session:
            stored = repo.load_taxonomy(session=session, name=taxonomy.name)
        found.append(taxonomy if stored is None else beside(stored, taxonomy, language))
    return found


def import_taxonomy(ler: Lerkit, fmt: str, path: Path, name: str | None = None,
                    progress: Progress | None = None, language: str = "en") -> list[SaveResult]:
    """Parse then store; a malformed file leaves the database unchanged."""
    parsed = beside_stored(ler, parse(fmt, path, name, language), fmt, language)
    return store(ler, parsed, fmt, progress)


_checked: set[tuple[str, str]] = set()


def ensure_builtin(ler: Lerkit, name: str) -> None:
    """Import a shipped taxonomy if it is missing or the shipped files have changed.

    Checked once per database and process: shipped files do not change while running.
    """
    key = (ler.settings.db_url, name)
    if key in _checked:
        return
    list_files, read = BUILTIN[name]
    with ler.db.session() as session:
        row = repo.get_row(session=session, name=name)
        current = row.content_hash if row is not None else None
    files = _files_signature(list_files(ler))
    note = ler.settings.cache_dir / f"shipped-{name}.json"
    if current is None or _read_note(note) != [files, current]:
        shipped = read(ler)
        current = fingerprint(shipped)
        if row is None or row.content_hash != current:
            try:
                store(ler, [shipped], "yaml")
            except StorageError:
                # another desk of a shared server stored the same shipped files just now
                with ler.db.session() as session:
                    row = repo.get_row(session=session, name=name)
                if row is None or row.content_hash != current:
                    raise
        _write_note(note, [files, current])
    _checked.add(key)


def refresh_builtin(ler: Lerkit, name: str) -> None:
    """Check a shipped taxonomy again now (its files changed while lerkit runs)."""
    _checked.discard((ler.settings.db_url, name))
    ensure_builtin(ler, name)


def _files_signature(files: list[Path]) -> str:
    """Names, sizes and modification times of a shipped taxonomy's files (cheap to get)."""
    parts = []
    for path in files:
        stat = path.stat()
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _read_note(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_note(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(json.dumps(value), encoding="utf-8")
    except OSError:
        pass  # without the note lerkit only re-reads the shipped files next time


@dataclass(frozen=True)
class TaxonomyInfo:
    """A stored taxonomy's header."""

    name: str
    title: str
    framework: str
    format: str
    size: int
    content_hash: str
    imported_at: str
    in_default_search: bool = False

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return dict(self.__dict__)


def list_taxonomies(ler: Lerkit) -> list[TaxonomyInfo]:
    """Every stored taxonomy (the shipped ones are imported on first use)."""
    for name in BUILTIN:
        ensure_builtin(ler, name)
    with ler.db.session() as session:
        rows = repo.list_rows(session=session)
    return [
        TaxonomyInfo(r.name, r.title, r.framework, r.format, r.size, r.content_hash,
                     r.imported_at.isoformat(),
                     r.in_default_search or r.name in BUILTIN)
        for r in rows
    ]


def set_default(ler: Lerkit, name: str, on: bool = True) -> None:
    """Add a stored taxonomy to the default search (or take it out). The shipped ones are
    always searched."""
    if name in BUILTIN:
        raise BadInputError(_("{name!r} ships with lerkit and is always in the default search")
                            .format(name=name))
    with ler.transaction() as session:
        if not repo.set_default(session=session, name=name, on=on):
            raise NotFoundError(_(NO_TAXONOMY).format(name=name))
        audit.record(session=session, actor=ler.actor, action="default-search",
                     entity="taxonomy", entity_id=name, detail={"on": on})


def load(ler: Lerkit, name: str) -> Taxonomy:
    """A stored taxonomy, whole."""
    if name in BUILTIN:
        ensure_builtin(ler, name)
    with ler.db.session() as session:
        taxonomy = repo.load_taxonomy(session=session, name=name)
    if taxonomy is None:
        raise NotFoundError(_(NO_TAXONOMY).format(name=name))
    return taxonomy


def competency(ler: Lerkit, name: str, competency_id: str) -> tuple[Taxonomy, Competency]:
    """One entry of a taxonomy (the taxonomy returned holds only its header)."""
    if name in BUILTIN:
        ensure_builtin(ler, name)
    with ler.db.session() as session:
        header = repo.load_header(session=session, name=name)
        found = repo.load_competency(session=session, name=name, code=competency_id)
    if header is None:
        raise NotFoundError(_(NO_TAXONOMY).format(name=name))
    if found is None:
        raise NotFoundError(_("taxonomy {name!r} has no entry {id!r}")
                            .format(name=name, id=competency_id))
    return header, found
