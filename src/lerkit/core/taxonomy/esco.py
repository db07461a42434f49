"""ESCO CSV files -> taxonomies ``esco-skills`` and ``esco-occupations``.

Accepts ESCO's folder of English CSV files or a single skills CSV with ESCO's columns
(``conceptUri``, ``preferredLabel``, optional ``altLabels``, ``description``,
``skillType``, ``reuseLevel``). In a folder, ``skills_en.csv`` is used when present;
otherwise the skill collections and subsets are merged. The hierarchy comes from
``broaderRelationsSkillPillar_en.csv`` and ``skillsHierarchy_en.csv`` when present.
"""

from __future__ import annotations

from pathlib import Path

from lerkit.core.errors import BadInputError
from lerkit.core.taxonomy.delimited import rows, split_multi
from lerkit.core.taxonomy.model import Category, Competency, Taxonomy

FRAMEWORK = "ESCO"
_SKILL_COLUMNS = ["conceptUri", "preferredLabel"]


def _skill_files(folder: Path) -> list[Path]:
    full = folder / "skills_en.csv"
    if full.is_file():
        return [full]
    found = sorted(folder.glob("*SkillsCollection_en.csv"))
    found += sorted((folder / "subsets").glob("*.csv")) if (folder / "subsets").is_dir() else []
    found += sorted(folder.glob("skills_*.csv"))
    return found


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


def load_esco(path: Path | str) -> list[Taxonomy]:
    """ESCO taxonomies from a folder of CSV files or from one skills CSV."""
    target = Path(path)
    if target.is_file():
        comps: dict[str, Competency] = {}
        _skill_rows(target, comps)
        return [Taxonomy(name="esco-skills", title="ESCO skills", framework=FRAMEWORK,
                         competencies=list(comps.values()), source=str(target))]
    if not target.is_dir():
        raise BadInputError(f"{target}: no such file or folder")
    found: list[Taxonomy] = []
    files = _skill_files(target)
    if files:
        comps = {}
        for file in files:
            _skill_rows(file, comps)
        categories = _hierarchy(target, comps)
        found.append(Taxonomy(
            name="esco-skills", title="ESCO skills", framework=FRAMEWORK,
            competencies=list(comps.values()), categories=categories, source=str(target),
        ))
    occupations = target / "occupations_en.csv"
    if occupations.is_file():
        found.append(_occupations(occupations))
    if not found:
        raise BadInputError(f"{target}: no ESCO skill or occupation CSV files found")
    return found
