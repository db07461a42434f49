"""Skill names as the screens and the commands' text output show them.

A claim keeps the name its taxonomy gives in English (a record chooses its own language
when it is exported). Where a person's skills are shown, each skill is named in the
language spoken when its taxonomy has a name in that language (lerkit's own Spanish
texts, an ESCO import made with ``--language es``), else by the name stored. The names of
a taxonomy in a language are read once per process, keyed by the taxonomy's content, so
a taxonomy imported again is read again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace

from lerkit.core.i18n import DEFAULT_LANGUAGE, current_language
from lerkit.core.matching.types import Match
from lerkit.core.records import ClaimRecord
from lerkit.services import taxonomies
from lerkit.services.context import Lerkit
from lerkit.storage import taxonomies as repo

_memory: dict[tuple[str, str, str], dict[str, str]] = {}
_lock = threading.Lock()


class SkillNames:
    """Names skills in a language: the one given, or the one spoken when asked.

    One instance reads each taxonomy's content hash once; make a new one to see a
    taxonomy imported since.
    """

    def __init__(self, ler: Lerkit, language: str | None = None) -> None:
        self.ler = ler
        self.language = language
        self._seen: dict[tuple[str, str], dict[str, str]] = {}
        self._guard = threading.Lock()

    def __call__(self, taxonomy: str, competency_id: str, stored: str) -> str:
        """The skill's name in the language (the stored name when it has none there)."""
        language = self.language or current_language()
        if language == DEFAULT_LANGUAGE:
            return stored
        return self._names(taxonomy, language).get(competency_id) or stored

    def match(self, m: Match) -> str:
        """The name of a suggested skill."""
        return self(m.taxonomy, m.competency_id, m.label)

    def claims(self, claims: Iterable[ClaimRecord]) -> list[ClaimRecord]:
        """Copies of the claims named for the screen (the English name kept beside a
        translated one, as a record in that language keeps it)."""
        out = []
        for c in claims:
            name = self(c.taxonomy, c.competency_id, c.label)
            out.append(c if name == c.label else replace(
                c, label=name, english_label=c.english_label or c.label))
        return out

    def _names(self, taxonomy: str, language: str) -> dict[str, str]:
        with self._guard:
            found = self._seen.get((taxonomy, language))
            if found is None:
                found = self._seen[(taxonomy, language)] = _read(self.ler, taxonomy, language)
            return found


def _read(ler: Lerkit, taxonomy: str, language: str) -> dict[str, str]:
    if taxonomy in taxonomies.BUILTIN:
        taxonomies.ensure_builtin(ler, taxonomy)
    with ler.db.session() as session:
        row = repo.get_row(session=session, name=taxonomy)
        if row is None:
            return {}
        key = (taxonomy, row.content_hash, language)
        with _lock:
            found = _memory.get(key)
        if found is None:
            found = repo.labels_in(session=session, name=taxonomy, language=language)
            with _lock:
                _memory[key] = found
    return found


def forget() -> None:
    """Drop the names held in memory (tests)."""
    with _lock:
        _memory.clear()
