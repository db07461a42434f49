"""Matching text to a stored taxonomy, with the match index cached on disk.

The index of a taxonomy is built once and written to ``LER_HOME/cache``, named by the
taxonomy's content fingerprint, so a changed taxonomy never uses a stale index and an
unchanged one loads without reading or normalizing the taxonomy again.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from lerkit.core.errors import NotFoundError
from lerkit.core.matching.build import build_index
from lerkit.core.matching.index import INDEX_VERSION, MatchIndex
from lerkit.core.matching.types import Match
from lerkit.services import taxonomies
from lerkit.services.context import Lerkit
from lerkit.storage import taxonomies as repo

_memory: dict[tuple[str, str, str], MatchIndex] = {}
_lock = threading.Lock()


def _cache_path(ler: Lerkit, name: str, fingerprint: str) -> Path:
    return ler.settings.cache_dir / f"match-{name}-{fingerprint[:24]}-v{INDEX_VERSION}.idx"


def _fingerprint(ler: Lerkit, name: str) -> str:
    if name in taxonomies.BUILTIN:
        taxonomies.ensure_builtin(ler, name)
    with ler.db.session() as session:
        row = repo.get_row(session=session, name=name)
    if row is None:
        raise NotFoundError(f"no taxonomy named {name!r} (see: ler taxonomy list)")
    return row.content_hash


def index_for(ler: Lerkit, name: str) -> MatchIndex:
    """The match index of a stored taxonomy: from memory, the disk cache, or built now."""
    fingerprint = _fingerprint(ler, name)
    key = (str(ler.settings.home), name, fingerprint)
    with _lock:
        cached = _memory.get(key)
        if cached is not None:
            return cached
        path = _cache_path(ler, name, fingerprint)
        index: MatchIndex | None = None
        if path.is_file():
            try:
                index = MatchIndex.load(path)
            except Exception:
                index = None
        if index is None:
            index = build_index(taxonomies.load(ler, name))
            _write_cache(index, path)
        _memory[key] = index
        return index


def _write_cache(index: MatchIndex, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        index.save(tmp)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still matches, only without the cache


def match(ler: Lerkit, text: str, taxonomy: str = "lerkit", top: int = 10) -> list[Match]:
    """Ranked, explained competencies for free text."""
    return index_for(ler, taxonomy).match(text, top=top)
