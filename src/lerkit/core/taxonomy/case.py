"""1EdTech CASE packages (CFPackage JSON: CFDocument, CFItems, CFAssociations)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_json, read_text
from lerkit.core.taxonomy.model import Competency, Taxonomy
from lerkit.core.text_safety import clean_text

_NAME_CLEAN = re.compile(r"[^a-z0-9._-]+")


def line_of(text: str, needle: str) -> int | None:
    """The line where ``needle`` (as a JSON string) first appears, to point at a problem."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _str(value: Any) -> str:
    return " ".join(clean_text(value).split()) if isinstance(value, str) else ""


def load_case(path: Path | str, name: str | None = None) -> Taxonomy:
    """A taxonomy from a CASE CFPackage; ``isChildOf`` associations give the hierarchy."""
    source = str(path)
    data = read_json(path)
    text = read_text(path)
    if not isinstance(data, dict) or not isinstance(data.get("CFItems"), list):
        raise FileFormatError(source, "not a CASE package: no CFItems list", 1)
    doc = data.get("CFDocument") if isinstance(data.get("CFDocument"), dict) else {}
    assert isinstance(doc, dict)
    title = _str(doc.get("title")) or Path(path).stem
    comps: dict[str, Competency] = {}
    for index, item in enumerate(data["CFItems"]):
        if not isinstance(item, dict):
            raise FileFormatError(source, f"CFItems[{index}] is not an object")
        ident = _str(item.get("identifier"))
        statement = _str(item.get("fullStatement"))
        if not ident or not statement:
            needle = f'"{ident}"' if ident else '"CFItems"'
            raise FileFormatError(
                source, f"CFItems[{index}] needs an identifier and a fullStatement",
                line_of(text, needle),
            )
        label = _str(item.get("abbreviatedStatement")) or statement
        keywords = item.get("conceptKeywords")  # a list of texts; anything else is ignored
        comps[ident] = Competency(
            id=ident, label=label, description=statement if label != statement else "",
            url=_str(item.get("uri")) or None,
            alt_labels=[_str(k) for k in keywords if _str(k)] if isinstance(keywords, list) else [],
            attributes={k: v for k, v in (
                ("human_code", _str(item.get("humanCodingScheme"))),
                ("item_type", _str(item.get("CFItemType"))),
            ) if v},
        )
    associations = data.get("CFAssociations")
    if associations is not None and not isinstance(associations, list):
        raise FileFormatError(source, "CFAssociations must be a list",
                              line_of(text, '"CFAssociations"'))
    for assoc in associations or []:
        if not isinstance(assoc, dict) or assoc.get("associationType") != "isChildOf":
            continue
        child = assoc.get("originNodeURI")
        parent = assoc.get("destinationNodeURI")
        child_id = child.get("identifier") if isinstance(child, dict) else None
        parent_id = parent.get("identifier") if isinstance(parent, dict) else None
        if isinstance(child_id, str) and child_id in comps and isinstance(parent_id, str):
            comps[child_id].parent = parent_id if parent_id in comps else None
    slug = _NAME_CLEAN.sub("-", (name or title).lower()).strip("-") or "case"
    return Taxonomy(
        name=name or slug, title=title, competencies=list(comps.values()),
        version=_str(doc.get("version")), framework=_str(doc.get("creator")) or title,
        description=_str(doc.get("description")), source=source,
        base_url=_str(doc.get("uri")) or None,
    )
