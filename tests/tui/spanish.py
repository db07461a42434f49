"""Helpers for the tests of the interface in Spanish: the language set for one test, and
the data a screen shows that is not the interface's to translate."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from textual.app import App

from lerkit.core.i18n import set_language
from lerkit.services.context import Lerkit
from lerkit.services.review import record_view

from .english_left import english_left
from .render import screen_text


@pytest.fixture
def spanish() -> Iterator[None]:
    """The interface speaks Spanish for this test (English again afterwards)."""
    set_language("es")
    try:
        yield
    finally:
        set_language("en")


def record_data(ler: Lerkit, person_id: str) -> list[str]:
    """Every text of a person's record: names, titles, places, dates, skills, evidence."""
    record = record_view(ler, person_id)
    found = [record.name, person_id]
    claims = [c for e in record.experiences for c in e.claims] + record.loose_claims
    for view in record.experiences:
        exp = view.experience
        found += [exp.title, exp.organization, exp.place, exp.started or "", exp.ended or "",
                  exp.narrative]
        found += [t for n in view.notes for t in (n.name, n.narrative, n.url or "",
                                                 n.file_name or "", n.dated or "")]
    for claim in claims:
        found += [claim.label, claim.description]
        found += [t for e in claim.evidence for t in (e.name, e.narrative, e.url or "",
                                                      e.file_name or "", e.dated or "")]
    found += [who for names in record.endorsed_by.values() for who in names]
    return [text for text in found if text]


def assert_spanish(app: App[Any], *must: str, allow: Sequence[str | None] = ()) -> str:
    """The screen shows each of ``must`` and no English but ``allow``; its text."""
    text = screen_text(app)
    for words in must:
        assert words in text, f"{words!r} not on the screen:\n{text}"
    left = english_left(text, allow)
    assert not left, f"English left on the screen: {left}\n{text}"
    return text
