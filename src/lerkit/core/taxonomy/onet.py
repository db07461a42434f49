"""O*NET database text files -> taxonomies.

From a folder of O*NET's tab-delimited text files this builds:

- ``onet-dwa``: Detailed Work Activities (ids: DWA IDs), each under its IWA and GWA, with
  the IWA's title as its description (the same taxonomy lerkit ships, see
  :mod:`.onet_pack`);
- ``onet-iwa``: Intermediate Work Activities (ids: IWA IDs), each under its GWA, with its
  DWAs' titles as other names;
- ``onet-occupations``: O*NET-SOC occupations with their alternate titles;
- ``onet-elements``: the Content Model (abilities, skills, knowledge, work activities...);
- ``onet-technology``: technology skills by commodity, with example products.

Files that are absent are skipped; a folder with none of them is an error.

Alternate titles from source 02 are left out: that source is O*NET's "Sample of Reported
Titles", which is kept apart for measuring how well titles are matched.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lerkit.core.errors import BadInputError
from lerkit.core.taxonomy.delimited import rows
from lerkit.core.taxonomy.model import Category, Competency, Taxonomy
from lerkit.core.taxonomy.onet_pack import dwa_taxonomy, iwa_taxonomy, read_activities

FRAMEWORK = "O*NET"
REPORTED_TITLES_SOURCE = "02"
ONET_URL = "https://www.onetonline.org"


def _file(folder: Path, name: str) -> Path | None:
    path = folder / name
    return path if path.is_file() else None


def _elements(folder: Path) -> dict[str, tuple[str, str]]:
    path = _file(folder, "Content Model Reference.txt")
    if path is None:
        return {}
    return {
        r["Element ID"].strip(): (r["Element Name"].strip(), r.get("Description", "").strip())
        for _, r in rows(path, ["Element ID", "Element Name"])
    }


def _taxonomy(name: str, title: str, source: Path, comps: list[Competency],
              categories: list[Category] | None = None) -> Taxonomy:
    return Taxonomy(
        name=name, title=title, competencies=comps, framework=FRAMEWORK,
        source=str(source), categories=categories or [],
    )


def _work_activities(folder: Path) -> list[Taxonomy]:
    if _file(folder, "DWA Reference.txt") is None:
        return []
    pack = read_activities(folder)
    found = [dwa_taxonomy(pack, str(folder / "DWA Reference.txt"))]
    if _file(folder, "IWA Reference.txt") is not None:
        found.insert(0, iwa_taxonomy(pack, str(folder / "IWA Reference.txt")))
    return found


def _occupations(folder: Path) -> list[Taxonomy]:
    path = _file(folder, "Occupation Data.txt")
    if path is None:
        return []
    alts: dict[str, list[str]] = defaultdict(list)
    alt_path = _file(folder, "Alternate Titles.txt")
    if alt_path is not None:
        for _, r in rows(alt_path, ["O*NET-SOC Code", "Alternate Title"]):
            if REPORTED_TITLES_SOURCE in r.get("Source(s)", "").replace(" ", "").split(","):
                continue  # O*NET's sample of reported titles: kept out (see module docstring)
            code = r["O*NET-SOC Code"].strip()
            alts[code].append(r["Alternate Title"].strip())
            short = r.get("Short Title", "").strip()
            if short and short.lower() != "n/a":
                alts[code].append(short)
    comps = []
    for _, r in rows(path, ["O*NET-SOC Code", "Title"]):
        code = r["O*NET-SOC Code"].strip()
        comps.append(Competency(
            id=code, label=r["Title"].strip(), description=r.get("Description", "").strip(),
            category=code[:2] + "-0000", alt_labels=list(dict.fromkeys(alts.get(code, []))),
            url=f"{ONET_URL}/link/summary/{code}",
        ))
    return [_taxonomy("onet-occupations", "O*NET-SOC occupations", path, comps)]


def _content_model(folder: Path, elements: dict[str, tuple[str, str]]) -> list[Taxonomy]:
    if not elements:
        return []
    comps = [
        Competency(id=eid, label=label, description=desc,
                   parent=eid.rsplit(".", 1)[0] if "." in eid else None)
        for eid, (label, desc) in elements.items()
    ]
    return [_taxonomy("onet-elements", "O*NET Content Model",
                      folder / "Content Model Reference.txt", comps)]


def _technology(folder: Path) -> list[Taxonomy]:
    path = _file(folder, "Technology Skills.txt")
    if path is None:
        return []
    titles: dict[str, str] = {}
    examples: dict[str, dict[str, None]] = defaultdict(dict)
    hot: set[str] = set()
    for _, r in rows(path, ["Example", "Commodity Code", "Commodity Title"]):
        code = r["Commodity Code"].strip()
        titles[code] = r["Commodity Title"].strip()
        examples[code].setdefault(r["Example"].strip(), None)
        if r.get("Hot Technology", "").strip() == "Y":
            hot.add(code)
    comps = [
        Competency(id=code, label=title, alt_labels=list(examples[code]),
                   attributes={"hot_technology": code in hot})
        for code, title in titles.items()
    ]
    return [_taxonomy("onet-technology", "O*NET technology skills", path, comps)]


def load_onet(folder: Path | str) -> list[Taxonomy]:
    """Every taxonomy that the O*NET files in ``folder`` hold."""
    root = Path(folder)
    if not root.is_dir():
        raise BadInputError(f"{root}: an O*NET import needs the folder of O*NET text files")
    elements = _elements(root)
    found = [*_work_activities(root), *_occupations(root),
             *_content_model(root, elements), *_technology(root)]
    if not found:
        raise BadInputError(f"{root}: no O*NET text files found (e.g. 'DWA Reference.txt')")
    return found
