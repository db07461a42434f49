"""Open Skills Network Rich Skill Descriptors (OSMT JSON): one skill or a collection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_json, read_text
from lerkit.core.taxonomy.case import line_of
from lerkit.core.taxonomy.model import Competency, Taxonomy
from lerkit.core.text_safety import clean_text


def _str(value: Any) -> str:
    return " ".join(clean_text(value).split()) if isinstance(value, str) else ""


def _skills(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("skills", "items", "results"):
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    return []


def _names(values: Any, key: str) -> list[str]:
    if not isinstance(values, list):
        return []
    found = [_str(v.get(key)) if isinstance(v, dict) else _str(v) for v in values]
    return [f for f in found if f]


def load_rsd(path: Path | str, name: str | None = None) -> Taxonomy:
    """A taxonomy of RSDs; ids are the RSD URLs (or their uuids)."""
    source = str(path)
    data = read_json(path)
    text = read_text(path)
    comps: list[Competency] = []
    title = _str(data.get("name")) if isinstance(data, dict) else ""
    for index, skill in enumerate(_skills(data)):
        if not isinstance(skill, dict):
            raise FileFormatError(source, f"skill {index} is not an object")
        ident = _str(skill.get("id")) or _str(skill.get("uuid"))
        label = _str(skill.get("skillName"))
        if not ident or not label:
            raise FileFormatError(
                source, f"skill {index} needs an id (or uuid) and a skillName",
                line_of(text, f'"{ident}"' if ident else '"skillName"'),
            )
        categories = _names(skill.get("categories"), "name")
        crosswalk = {
            k: v for k, v in (
                ("bls", _names(skill.get("occupations"), "code")),
                ("alignment", _names(skill.get("alignments"), "id")),
            ) if v
        }
        comps.append(Competency(
            id=ident, label=label, description=_str(skill.get("skillStatement")),
            category=categories[0] if categories else None,
            url=ident if ident.startswith(("http://", "https://")) else None,
            crosswalk=crosswalk,
            attributes={k: v for k, v in (
                ("keywords", _names(skill.get("keywords"), "name")),
                ("authors", _names(skill.get("authors"), "name")),
                ("status", _str(skill.get("status"))),
            ) if v},
        ))
    if not comps:
        raise FileFormatError(source, "no Rich Skill Descriptors found", 1)
    return Taxonomy(
        name=name or "rsd", title=title or "Rich Skill Descriptors", competencies=comps,
        framework="Open Skills Network RSD", source=source,
    )
