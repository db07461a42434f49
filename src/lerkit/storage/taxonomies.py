"""Imported taxonomies: save (idempotently), load and list."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from lerkit.core.taxonomy.model import Category, Competency, LanguageTexts, Taxonomy
from lerkit.storage.tables import Competency as CompetencyRow
from lerkit.storage.tables import Taxonomy as TaxonomyRow
from lerkit.storage.tables import utcnow

Progress = Callable[[int, int], None]
BATCH = 2000
_TEXTS = "_texts"  # key in ``attributes`` under which the texts in other languages are kept


@dataclass(frozen=True)
class SaveResult:
    """What an import changed."""

    name: str
    total: int
    added: int
    removed: int
    unchanged_hash: bool


def _row(name: str, comp: Competency) -> dict[str, object]:
    return {
        "taxonomy": name, "code": comp.id, "label": comp.label[:500],
        "description": comp.description, "category": comp.category, "parent": comp.parent,
        "url": comp.url, "alt_labels": comp.alt_labels, "phrasings": comp.phrasings,
        "crosswalk": comp.crosswalk, "attributes": _with_texts(
            comp.attributes, {k: asdict(v) for k, v in comp.texts.items()}),
    }


def _with_texts(attributes: dict[str, Any], texts: dict[str, Any]) -> dict[str, Any]:
    return {**attributes, _TEXTS: texts} if texts else attributes


def _texts_of(attributes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A stored row's attributes without the texts in other languages, and those texts."""
    found = attributes.get(_TEXTS)
    if not isinstance(found, dict):
        return attributes, {}
    return {k: v for k, v in attributes.items() if k != _TEXTS}, found


def texts_in(attributes: Mapping[str, Any], language: str) -> Any:
    """A stored entry's texts in ``language`` (a competency's dict of texts, a category's
    name), or None; English is the entry's own columns, never kept here."""
    if language == "en":
        return None
    return _texts_of(dict(attributes or {}))[1].get(language)


def save_taxonomy(
    *, session: Session, taxonomy: Taxonomy, fmt: str, content_hash: str,
    progress: Progress | None = None,
) -> SaveResult:
    """Insert or replace a taxonomy and all its competencies (the caller commits)."""
    row = session.get(TaxonomyRow, taxonomy.name)
    old_codes: set[str] = set()
    same = row is not None and row.content_hash == content_hash
    if row is None:
        row = TaxonomyRow(name=taxonomy.name)
    else:
        old_codes = set(session.exec(
            select(CompetencyRow.code).where(CompetencyRow.taxonomy == taxonomy.name)
        ).all())
    row.title = taxonomy.title[:300]
    row.version = taxonomy.version[:100]
    row.framework = taxonomy.framework[:300]
    row.source = taxonomy.source[:1000]
    row.format = fmt
    row.base_url = taxonomy.base_url
    row.content_hash = content_hash
    row.size = len(taxonomy.competencies)
    row.imported_at = utcnow()
    session.add(row)
    session.flush()
    total = len(taxonomy.competencies)
    if not same:
        session.execute(delete(CompetencyRow).where(col(CompetencyRow.taxonomy) == taxonomy.name))
        rows = [_row(taxonomy.name, c) for c in taxonomy.competencies]
        rows += [_category_row(taxonomy.name, c) for c in taxonomy.categories]
        for start in range(0, len(rows), BATCH):
            session.execute(insert(CompetencyRow), rows[start:start + BATCH])
            if progress is not None:
                progress(min(start + BATCH, len(rows)), len(rows))
    elif progress is not None:
        progress(total, total)
    new_codes = {c.id for c in taxonomy.competencies}
    return SaveResult(
        name=taxonomy.name, total=total, added=len(new_codes - old_codes),
        removed=len(old_codes - new_codes) if old_codes else 0, unchanged_hash=same,
    )


_CATEGORY = "category"


def _category_row(name: str, cat: Category) -> dict[str, object]:
    return {
        "taxonomy": name, "code": cat.id, "label": cat.label[:500],
        "description": cat.description, "category": None, "parent": cat.parent, "url": None,
        "alt_labels": [], "phrasings": [], "crosswalk": {},
        "attributes": _with_texts({"kind": _CATEGORY}, cat.labels),
    }


def get_row(*, session: Session, name: str) -> TaxonomyRow | None:
    """The stored taxonomy's header, or None."""
    return session.get(TaxonomyRow, name)


def list_rows(*, session: Session) -> list[TaxonomyRow]:
    """All stored taxonomies by name."""
    return list(session.exec(select(TaxonomyRow).order_by(TaxonomyRow.name)).all())


def delete_taxonomy(*, session: Session, name: str) -> bool:
    """Remove a taxonomy and its competencies; False if it did not exist."""
    row = session.get(TaxonomyRow, name)
    if row is None:
        return False
    session.execute(delete(CompetencyRow).where(col(CompetencyRow.taxonomy) == name))
    session.delete(row)
    return True


def _competency(c: CompetencyRow) -> Competency:
    attributes, texts = _texts_of(dict(c.attributes))
    return Competency(
        id=c.code, label=c.label, description=c.description, category=c.category,
        parent=c.parent, alt_labels=list(c.alt_labels), phrasings=list(c.phrasings),
        crosswalk=dict(c.crosswalk), url=c.url, attributes=attributes,
        texts={k: LanguageTexts(**v) for k, v in texts.items()},
    )


def load_header(*, session: Session, name: str) -> Taxonomy | None:
    """A stored taxonomy without its entries, or None."""
    row = session.get(TaxonomyRow, name)
    if row is None:
        return None
    return Taxonomy(name=row.name, title=row.title, competencies=[], version=row.version,
                    framework=row.framework, source=row.source, base_url=row.base_url)


def load_competency(*, session: Session, name: str, code: str) -> Competency | None:
    """One entry of a stored taxonomy, or None."""
    row = session.exec(select(CompetencyRow).where(
        CompetencyRow.taxonomy == name, CompetencyRow.code == code)).first()
    if row is None or row.attributes.get("kind") == _CATEGORY:
        return None
    return _competency(row)


def category_label(*, session: Session, name: str, code: str,
                   language: str = "en") -> str | None:
    """The name of a category (or of any entry) of a stored taxonomy, or None; in
    ``language`` when the taxonomy gives the category's name in it."""
    row = session.exec(select(CompetencyRow).where(
        CompetencyRow.taxonomy == name, CompetencyRow.code == code)).first()
    if row is None:
        return None
    translated = texts_in(row.attributes, language)
    return translated if isinstance(translated, str) and translated else row.label


def labels_in(*, session: Session, name: str, language: str) -> dict[str, str]:
    """Code -> name in ``language`` of every entry of a stored taxonomy that has one."""
    found: dict[str, str] = {}
    query = select(CompetencyRow.code, CompetencyRow.attributes).where(
        CompetencyRow.taxonomy == name)
    for code, attributes in session.exec(query):
        texts = texts_in(attributes, language)
        if isinstance(texts, dict) and texts.get("label"):  # a category's is a plain name
            found[code] = str(texts["label"])
    return found


def load_taxonomy(*, session: Session, name: str) -> Taxonomy | None:
    """Rebuild the core model of a stored taxonomy, or None."""
    row = session.get(TaxonomyRow, name)
    if row is None:
        return None
    comps: list[Competency] = []
    cats: list[Category] = []
    query = select(CompetencyRow).where(CompetencyRow.taxonomy == name).order_by(
        col(CompetencyRow.id)
    )
    for c in session.exec(query):
        if c.attributes.get("kind") == _CATEGORY:
            cats.append(Category(id=c.code, label=c.label, parent=c.parent,
                                 description=c.description,
                                 labels=dict(_texts_of(dict(c.attributes))[1])))
            continue
        comps.append(_competency(c))
    return Taxonomy(
        name=row.name, title=row.title, competencies=comps, version=row.version,
        framework=row.framework, source=row.source, base_url=row.base_url, categories=cats,
    )


def default_names(*, session: Session) -> list[str]:
    """The taxonomies a coach added to the default search, by name."""
    query = select(TaxonomyRow.name).where(col(TaxonomyRow.in_default_search)).order_by(
        TaxonomyRow.name)
    return list(session.exec(query).all())


def set_default(*, session: Session, name: str, on: bool) -> bool:
    """Add a taxonomy to the default search (or take it out); False if it does not exist."""
    row = session.get(TaxonomyRow, name)
    if row is None:
        return False
    row.in_default_search = on
    session.add(row)
    return True
