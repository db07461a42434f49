"""Matching text to stored taxonomies: hybrid matchers, their caches, the default search.

Each taxonomy's lexical index and meaning index are built once (when it is imported, or on
first use) and written to ``LER_HOME/cache``, named by the taxonomy's content fingerprint
(and, for meaning, the model's id), so a changed taxonomy never uses a stale index and an
unchanged one loads without reading the taxonomy again. The default search covers lerkit's
own taxonomy, O*NET's work activities (shipped) and every taxonomy a coach added to it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TypeVar

from lerkit.core.errors import FileFormatError, NotFoundError
from lerkit.core.i18n import _
from lerkit.core.matching.bridge import Bridge
from lerkit.core.matching.build import build_index
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.index import INDEX_VERSION, MatchIndex
from lerkit.core.matching.meaning import StaticModel, load_model, unavailable_reason
from lerkit.core.matching.merged import MergedSearch
from lerkit.core.matching.store import load_index, save_index
from lerkit.core.matching.types import Match
from lerkit.core.matching.vectors import (
    VECTORS_VERSION,
    MeaningIndex,
    build_meaning_index,
    load_meaning_index,
    save_meaning_index,
)
from lerkit.core.taxonomy.model import Taxonomy
from lerkit.services import taxonomies
from lerkit.services.context import Lerkit
from lerkit.storage import taxonomies as repo

OWN = "lerkit"
LEXICAL_NOTE = "matching by words only (--lexical)"
_memory: dict[tuple[str, ...], object] = {}
_lock = threading.RLock()
T = TypeVar("T")


def _fingerprint(ler: Lerkit, name: str) -> str:
    if name in taxonomies.BUILTIN:
        taxonomies.ensure_builtin(ler, name)
    with ler.db.session() as session:
        row = repo.get_row(session=session, name=name)
    if row is None:
        raise NotFoundError(_("no taxonomy named {name!r} (see: ler taxonomy list)")
                            .format(name=name))
    return row.content_hash


def _remembered(key: tuple[str, ...], make: Callable[[], T]) -> T:
    with _lock:
        if key not in _memory:
            _memory[key] = make()
        found: T = _memory[key]  # type: ignore[assignment]
        return found


def _cached(key: tuple[str, ...], path: Path, read: Callable[[Path], T], make: Callable[[], T],
            write: Callable[[T, Path], None]) -> T:
    """The value held in memory (indexes are named by content, so any home may share it),
    else read from ``path``, else made now; and written to ``path`` when it is not there
    yet (a read-only home still works, only without the file)."""

    def load() -> T:
        if path.is_file():
            try:
                return read(path)
            except (FileFormatError, OSError):
                pass
        return make()

    value = _remembered(key, load)
    if not path.is_file():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write(value, path)
        except OSError:
            pass
    return value


def lexical_index(ler: Lerkit, name: str, fingerprint: str | None = None) -> MatchIndex:
    """The lexical index of a stored taxonomy: from memory, the disk cache, or built now."""
    return _lexical(ler, name, fingerprint)[0]


def spanish_index(ler: Lerkit, name: str, fingerprint: str | None = None) -> MatchIndex | None:
    """The lexical index of a stored taxonomy's Spanish texts (None when it has none)."""
    return _lexical(ler, name, fingerprint)[1]


def _lexical(ler: Lerkit, name: str,
             fingerprint: str | None) -> tuple[MatchIndex, MatchIndex | None]:
    """A taxonomy's English and Spanish lexical indexes, built together: a cached English
    index without a Spanish one beside it means the taxonomy has no Spanish texts (the
    fingerprint covers them)."""
    fingerprint = fingerprint or _fingerprint(ler, name)
    stem = f"match-{name}-{fingerprint[:24]}"
    paths = (ler.settings.cache_dir / f"{stem}-v{INDEX_VERSION}.idx",
             ler.settings.cache_dir / f"{stem}-es-v{INDEX_VERSION}.idx")

    def load() -> tuple[MatchIndex, MatchIndex | None]:
        if paths[0].is_file():
            try:
                return load_index(paths[0]), (
                    load_index(paths[1]) if paths[1].is_file() else None)
            except (FileFormatError, OSError):
                pass
        taxonomy = taxonomies.load(ler, name)
        spanish = build_index(taxonomy, "es")
        return build_index(taxonomy), spanish if spanish.entry_texts else None

    found = _remembered(("lexical", name, fingerprint), load)
    for index, path in zip(found, paths, strict=True):
        if index is not None and not path.is_file():
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                save_index(index, path)
            except OSError:
                pass
    return found


def meaning_index(ler: Lerkit, name: str, model: StaticModel,
                  fingerprint: str | None = None) -> MeaningIndex:
    """The meaning index of a stored taxonomy for ``model``, cached like the lexical one."""
    fingerprint = fingerprint or _fingerprint(ler, name)
    path = ler.settings.cache_dir / (
        f"meaning-{name}-{fingerprint[:24]}-{model.model_id}-v{VECTORS_VERSION}.npz")

    def make() -> MeaningIndex:
        return build_meaning_index(taxonomies.load(ler, name), model, fingerprint)

    return _cached(("meaning", name, fingerprint, model.model_id), path,
                   lambda p: load_meaning_index(p, fingerprint, model.model_id), make,
                   save_meaning_index)


def meaning_model(lexical: bool = False) -> tuple[StaticModel | None, str]:
    """The meaning model (None with the reason when it is off or cannot be used)."""
    if lexical:
        return None, LEXICAL_NOTE
    model = load_model()
    return model, "" if model is not None else f"matching by words only: {unavailable_reason()}"


def matcher_for(ler: Lerkit, name: str, *, lexical: bool = False,
                bridged: bool = True) -> Matcher:
    """The hybrid matcher of one stored taxonomy. Any taxonomy but lerkit's own is also
    reached through lerkit's competencies and their crosswalks (``bridged``)."""
    fingerprint = _fingerprint(ler, name)
    model, note = meaning_model(lexical)
    matcher = Matcher(lexical_index(ler, name, fingerprint), note=note,
                      spanish=spanish_index(ler, name, fingerprint))
    if model is not None:
        matcher.model = model
        matcher.meaning = meaning_index(ler, name, model, fingerprint)
    if bridged and name != OWN:
        bridge = _bridge(ler, name, fingerprint, matcher.lexical.ids)
        if bridge is not None:
            matcher.bridge = bridge
            matcher.own = matcher_for(ler, OWN, lexical=lexical)
    return matcher


def _own_taxonomy(ler: Lerkit) -> tuple[str, Taxonomy]:
    fingerprint = _fingerprint(ler, OWN)
    return fingerprint, _remembered(("own", fingerprint),
                                    lambda: taxonomies.load(ler, OWN))


def _bridge(ler: Lerkit, name: str, fingerprint: str, ids: list[str]) -> Bridge | None:
    own_print, own = _own_taxonomy(ler)
    return _remembered(("bridge", own_print, name, fingerprint),
                       lambda: Bridge.between(own, ids))


def default_search(ler: Lerkit, *, lexical: bool = False) -> MergedSearch:
    """lerkit's taxonomy, the shipped O*NET work activities and the coach's defaults."""
    _own_print, own = _own_taxonomy(ler)
    others = [matcher_for(ler, name, lexical=lexical, bridged=False)
              for name in default_names(ler) if name != OWN]
    crosswalks = {c.id: frozenset(x for ids in c.crosswalk.values() for x in ids)
                  for c in own.competencies}
    return MergedSearch(matcher_for(ler, OWN, lexical=lexical), others, crosswalks)


def default_names(ler: Lerkit) -> list[str]:
    """The taxonomies of the default search: lerkit's, O*NET's DWAs, then the coach's."""
    for name in taxonomies.BUILTIN:
        taxonomies.ensure_builtin(ler, name)
    with ler.db.session() as session:
        chosen = repo.default_names(session=session)
    return [OWN, taxonomies.ONET_DWA, *(n for n in chosen if n not in (OWN, taxonomies.ONET_DWA))]


def notice(ler: Lerkit, text: str, taxonomy: str | None = None, lexical: bool = False,
           language: str | None = None) -> str:
    """What to tell the person about how ``text`` is matched ("" when nothing): Spanish
    answers are matched by their words and, more roughly, by meaning."""
    if taxonomy is None:
        return default_search(ler, lexical=lexical).notice(text, language=language)
    return matcher_for(ler, taxonomy, lexical=lexical).notice(text, language=language)


def match(ler: Lerkit, text: str, taxonomy: str | None = None, top: int = 10,
          areas: Collection[str] = (), lexical: bool = False,
          language: str | None = None) -> list[Match]:
    """Ranked, explained suggestions for free text: from one taxonomy, or (``None``) from
    the default search. ``language`` is the one the person speaks (None: the one lerkit
    speaks now): where it is Spanish, an answer is read as Spanish unless it is clearly
    English."""
    if taxonomy is None:
        return default_search(ler, lexical=lexical).match(text, top=top, areas=areas,
                                                          language=language)
    return matcher_for(ler, taxonomy, lexical=lexical).match(text, top=top, areas=areas,
                                                             language=language)


def prepare(ler: Lerkit, name: str) -> None:
    """Build and cache a taxonomy's indexes now (after an import), not at first use."""
    fingerprint = _fingerprint(ler, name)
    lexical_index(ler, name, fingerprint)
    model, _note = meaning_model()
    if model is not None:
        meaning_index(ler, name, model, fingerprint)


def forget() -> None:
    """Drop the indexes held in memory (tests; a long-lived process after imports)."""
    with _lock:
        _memory.clear()


def cache_files(ler: Lerkit) -> list[Path]:
    """The index files in the cache folder."""
    folder = ler.settings.cache_dir
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.name.startswith(("match-", "meaning-")) and not p.name.startswith("."))

