"""ESCO CSV files -> taxonomies ``esco-skills`` and ``esco-occupations``.

Accepts ESCO's folder of English CSV files or a single skills CSV with ESCO's columns
(``conceptUri``, ``preferredLabel``, optional ``altLabels``, ``description``,
``skillType``, ``reuseLevel``). In a folder, ``skills_en.csv`` is used when present;
otherwise the skill collections and subsets are merged. The hierarchy comes from
``broaderRelationsSkillPillar_en.csv`` and ``skillsHierarchy_en.csv`` when present.

ESCO publishes every language with the same columns (``skills_es.csv``...): with
``language`` other than English, each entry's labels and description are read as its
texts in that language (``Competency.texts``), to be stored beside the English ones.
"""

from __future__ import annotations

from pathlib import Path

from lerkit.core.errors import BadInputError
from lerkit.core.taxonomy.delimited import rows, split_multi
from lerkit.core.taxonomy.model import Category, Competency, LanguageTexts, Taxonomy

FRAMEWORK = "ESCO"
_SKILL_COLUMNS = ["conceptUri", "preferredLabel"]


def _skill_files(folder: Path, language: str = "en") -> list[Path]:
    full = folder / f"skills_{language}.csv"
    if full.is_file():
        return [full]
    found = sorted(folder.glob(f"*SkillsCollection_{language}.csv"))
    if language == "en":
        found += sorted((folder / "subsets").glob("*.csv")) if (
            folder / "subsets").is_dir() else []
        found += sorted(folder.glob("skills_*.csv"))
    return found


def _in_language(comps: dict[str, Competency], language: str) -> None:
    """Make each entry's texts its texts in ``language`` (a non-English import)."""
    if language == "en":
        return
    for comp in comps.values():
        comp.texts[language] = LanguageTexts(label=comp.label, description=comp.description,
                                             alt_labels=list(comp.alt_labels))


def _skill_rows(path: Path, comps: dict[str, Competency]) -> None:
    for _, r in rows(path, _SKILL_COLUMNS, delimiter=","):
        uri = r["conceptUri"].strip()
        existing = comps.get(uri)
        alts = split_multi(r.get("altLabels", ""))
        if existing is not None:
            existing.alt_labels = list(dict.fromkeys([*existing.alt_labels, *alts]))
            continue
        attributes = {
            key: r[col].strip()
            for key, col in (("skill_type", "skillType"), ("reuse_level", "reuseLevel"))
            if r.get(col, "").strip()
        }
        comps[uri] = Competency(
            id=uri, label=r["preferredLabel"].strip(), url=uri,
            description=" ".join(r.get("description", "").split()),
            alt_labels=alts, attributes=attributes,
        )


def _hierarchy(folder: Path, comps: dict[str, Competency]) -> list[Category]:
    categories: dict[str, Category] = {}
    tree = folder / "skillsHierarchy_en.csv"
    if tree.is_file():
        for _, r in rows(tree, ["Level 0 URI", "Level 0 preferred term"], delimiter=","):
            parent = None
            for level in range(4):
                uri = r.get(f"Level {level} URI", "").strip()
                label = r.get(f"Level {level} preferred term", "").strip()
                if not uri:
                    break
                categories.setdefault(uri, Category(id=uri, label=label, parent=parent))
                parent = uri
    broader = folder / "broaderRelationsSkillPillar_en.csv"
    if broader.is_file():
        for _, r in rows(broader, ["conceptUri", "broaderUri"], delimiter=","):
            comp = comps.get(r["conceptUri"].strip())
            if comp is not None and comp.parent is None:
                comp.parent = r["broaderUri"].strip()
    for comp in comps.values():
        cat = comp.parent
        seen = 0
        while cat is not None and cat in comps and seen < 20:  # climb skill-to-skill links
            cat, seen = comps[cat].parent, seen + 1
        comp.category = cat if cat in categories else None
    return list(categories.values())


def _occupations(path: Path) -> Taxonomy:
    comps = [
        Competency(
            id=r["conceptUri"].strip(), label=r["preferredLabel"].strip(),
            url=r["conceptUri"].strip(), alt_labels=split_multi(r.get("altLabels", ""), "\n"),
            description=" ".join(r.get("description", "").split()),
            category=r.get("iscoGroup", "").strip() or None,
            attributes={"code": r["code"].strip()} if r.get("code", "").strip() else {},
        )
        for _, r in rows(path, ["conceptUri", "preferredLabel"], delimiter=",")
    ]
    return Taxonomy(name="esco-occupations", title="ESCO occupations", competencies=comps,
                    framework=FRAMEWORK, source=str(path))


def load_esco(path: Path | str, language: str = "en") -> list[Taxonomy]:
    """ESCO taxonomies from a folder of CSV files or from one skills CSV, in ``language``
    (texts in another language than English fill ``Competency.texts``)."""
    target = Path(path)
    if target.is_file():
        comps: dict[str, Competency] = {}
        _skill_rows(target, comps)
        _in_language(comps, language)
        return [Taxonomy(name="esco-skills", title="ESCO skills", framework=FRAMEWORK,
                         competencies=list(comps.values()), source=str(target))]
    if not target.is_dir():
        raise BadInputError(f"{target}: no such file or folder")
    found: list[Taxonomy] = []
    files = _skill_files(target, language)
    if files:
        comps = {}
        for file in files:
            _skill_rows(file, comps)
        categories = _hierarchy(target, comps) if language == "en" else []
        _in_language(comps, language)
        found.append(Taxonomy(
            name="esco-skills", title="ESCO skills", framework=FRAMEWORK,
            competencies=list(comps.values()), categories=categories, source=str(target),
        ))
    occupations = target / f"occupations_{language}.csv"
    if occupations.is_file():
        jobs = _occupations(occupations)
        _in_language({c.id: c for c in jobs.competencies}, language)
        found.append(jobs)
    if not found:
        raise BadInputError(f"{target}: no ESCO skill or occupation CSV files found")
    return found


def beside(stored: Taxonomy, parsed: Taxonomy, language: str) -> Taxonomy:
    """An import of ``parsed`` that keeps what ``stored`` (the same taxonomy, imported
    before) holds in other languages. In English: the parsed entries, each with the
    stored entry's texts in other languages. In another language: the stored entries,
    each given the parsed entry's texts in that language; parsed entries not stored yet
    are added as they are."""
    before = stored.by_id()
    if language == "en":
        for comp in parsed.competencies:
            old = before.get(comp.id)
            if old is not None:
                comp.texts = {**old.texts, **comp.texts}
        return parsed
    news = parsed.by_id()
    for comp in stored.competencies:
        new = news.pop(comp.id, None)
        if new is not None and language in new.texts:
            comp.texts[language] = new.texts[language]
    stored.competencies += list(news.values())
    return stored
