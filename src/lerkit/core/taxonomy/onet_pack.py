"""O*NET's work activities and occupation profiles, packed small enough to ship.

From a folder of O*NET's text files this makes one *pack* (gzipped JSON):

- the work activity hierarchy: 41 Generalized Work Activities (GWAs, ids from the
  Content Model), 332 Intermediate (IWAs) and 2,087 Detailed Work Activities (DWAs);
- each occupation's title, job zone and its DWAs, each weighted by how central the tasks
  behind it are (a Core task counts 1, a Supplemental one 0.5, others 0.75; a DWA's
  weight is its share of the occupation's total);
- where the release has them, each occupation's technology examples and skill ratings,
  and which GWAs use each skill (see :mod:`lerkit.core.taxonomy.onet_details`).

Only ids, titles and weights are kept: the text of O*NET's task statements never enters
the pack (it is evaluation material for matching, and not needed). The pack ships inside
lerkit, built by ``scripts/build_onet_pack.py``; ``ler occupations import onet PATH``
rebuilds it from a newer release into ``LER_HOME``. O*NET is CC BY 4.0: :data:`ATTRIBUTION`
travels with every use.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.resources import packaged
from lerkit.core.taxonomy import onet_details
from lerkit.core.taxonomy.delimited import rows
from lerkit.core.taxonomy.model import Category, Competency, Taxonomy

PACK_FORMAT = "lerkit-onet-pack/1"
SHIPPED = "onet-pack.json.gz"
DWA_TAXONOMY = "onet-dwa"
FRAMEWORK = "O*NET"
PACK_LIMIT = 20 * 1024 * 1024
TASK_WEIGHTS = {"core": 1.0, "supplemental": 0.5}
OTHER_TASK_WEIGHT = 0.75
ATTRIBUTION = (
    "This product includes information from the O*NET {release} Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
    "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. lerkit has modified all "
    "or some of this information. USDOL/ETA has not approved, endorsed, or tested these "
    "modifications."
)


@dataclass(frozen=True)
class Activity:
    """A GWA, IWA or DWA: its id, title and the id of the level above (GWA: "")."""

    id: str
    title: str
    parent: str = ""


@dataclass(frozen=True)
class Occupation:
    """An O*NET-SOC occupation with its job zone (0 if not rated) and weighted DWAs; its
    technology examples and skill ratings (skill id, importance 1-5, level 0-7), if any."""

    code: str
    title: str
    job_zone: int
    dwas: tuple[tuple[str, float], ...]
    technology: tuple[str, ...] = ()
    skills: tuple[tuple[str, float, float], ...] = ()


@dataclass
class OnetPack:
    """The contents of a pack; see the module docstring."""

    release: str
    gwas: list[Activity] = field(default_factory=list)
    iwas: list[Activity] = field(default_factory=list)
    dwas: list[Activity] = field(default_factory=list)
    occupations: list[Occupation] = field(default_factory=list)
    skills: list[Activity] = field(default_factory=list)  # id, name, parent ""
    skill_gwas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skills_release: str = ""  # the release the skill ratings come from, if not this one

    @property
    def attribution(self) -> str:
        """O*NET's required attribution, naming this release (and the skills' release)."""
        named = self.release
        if self.skills_release and self.skills_release != self.release:
            named = f"{self.release} Database and the O*NET {self.skills_release}"
        return ATTRIBUTION.format(release=named)


def _release(folder: Path) -> str:
    readme = folder / "Read Me.txt"
    if readme.is_file():
        first = readme.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        words = first[0].split() if first else []
        if len(words) >= 2 and words[0] == "O*NET":
            return words[1]
    return "unknown"


def _need(folder: Path, name: str) -> Path:
    path = folder / name
    if not path.is_file():
        raise BadInputError(f"{folder}: no {name!r} (an O*NET text release is needed)")
    return path


def build_pack(folder: Path | str, skills: Path | None = None) -> OnetPack:
    """Read an O*NET text release (see the module docstring for the files used);
    ``skills`` is an O*NET ``Skills.xlsx`` (or ``Skills.txt``) kept apart from the
    release, to use when the release has no skills file of its own."""
    root = Path(folder)
    pack = read_activities(root)
    pack.occupations = _occupations(root)
    ratings = onet_details.skill_ratings(
        root, _release(skills.parent) if skills else pack.release, skills)
    technology = onet_details.technology_examples(root)
    pack.occupations = [replace(o, technology=technology.get(o.code, ()),
                                skills=tuple(ratings.by_occupation.get(o.code, ())))
                        for o in pack.occupations]
    pack.skills = [Activity(k, v) for k, v in sorted(ratings.names.items())]
    pack.skill_gwas = onet_details.skill_gwas(root) if pack.skills else {}
    pack.skills_release = ratings.release if ratings.release != pack.release else ""
    return pack


def read_activities(folder: Path | str) -> OnetPack:
    """Only the work activity hierarchy of an O*NET release (no occupations). The DWA
    Reference is needed; without the IWA Reference or the Content Model the IWAs and
    GWAs are known by their ids only."""
    root = Path(folder)
    elements: dict[str, str] = {}
    if (root / "Content Model Reference.txt").is_file():
        elements = {r["Element ID"].strip(): r["Element Name"].strip()
                    for _, r in rows(root / "Content Model Reference.txt",
                                     ["Element ID", "Element Name"])}
    pack = OnetPack(release=_release(root))
    iwas: dict[str, Activity] = {}
    if (root / "IWA Reference.txt").is_file():
        for _, r in rows(root / "IWA Reference.txt", ["Element ID", "IWA ID", "IWA Title"]):
            iwa = Activity(r["IWA ID"].strip(), r["IWA Title"].strip(), r["Element ID"].strip())
            iwas[iwa.id] = iwa
    for _, r in rows(_need(root, "DWA Reference.txt"),
                     ["Element ID", "IWA ID", "DWA ID", "DWA Title"]):
        iwa_id = r["IWA ID"].strip()
        iwas.setdefault(iwa_id, Activity(iwa_id, "", r["Element ID"].strip()))
        pack.dwas.append(Activity(r["DWA ID"].strip(), r["DWA Title"].strip(), iwa_id))
    pack.iwas = list(iwas.values())
    gwa_ids = dict.fromkeys(iwa.parent for iwa in pack.iwas)
    pack.gwas = [Activity(g, elements.get(g, g)) for g in gwa_ids]
    return pack


def _occupations(root: Path) -> list[Occupation]:
    zones: dict[str, int] = {}
    zone_path = root / "Job Zones.txt"
    if zone_path.is_file():
        for _, r in rows(zone_path, ["O*NET-SOC Code", "Job Zone"]):
            zone = r["Job Zone"].strip()
            zones[r["O*NET-SOC Code"].strip()] = int(zone) if zone.isdigit() else 0
    task_weight: dict[str, float] = {}
    for _, r in rows(_need(root, "Task Statements.txt"), ["Task ID", "Task Type"]):
        kind = r["Task Type"].strip().lower()
        task_weight[r["Task ID"].strip()] = TASK_WEIGHTS.get(kind, OTHER_TASK_WEIGHT)
    weights: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for _, r in rows(_need(root, "Tasks to DWAs.txt"), ["O*NET-SOC Code", "Task ID", "DWA ID"]):
        task = r["Task ID"].strip()
        weights[r["O*NET-SOC Code"].strip()][r["DWA ID"].strip()] += task_weight.get(
            task, OTHER_TASK_WEIGHT)
    found = []
    for _, r in rows(_need(root, "Occupation Data.txt"), ["O*NET-SOC Code", "Title"]):
        code = r["O*NET-SOC Code"].strip()
        mine = weights.get(code, {})
        total = sum(mine.values()) or 1.0
        ordered = sorted(mine.items(), key=lambda kv: (-kv[1], kv[0]))
        found.append(Occupation(code, r["Title"].strip(), zones.get(code, 0),
                                tuple((d, round(w / total, 4)) for d, w in ordered)))
    return found


def write_pack(pack: OnetPack, path: Path) -> None:
    """Write ``pack`` as deterministic gzipped JSON (same input, same bytes)."""
    data = {
        "format": PACK_FORMAT, "release": pack.release, "attribution": pack.attribution,
        "gwa": [[a.id, a.title] for a in pack.gwas],
        "iwa": [[a.id, a.title, a.parent] for a in pack.iwas],
        "dwa": [[a.id, a.title, a.parent] for a in pack.dwas],
        "occupations": [[o.code, o.title, o.job_zone, [list(d) for d in o.dwas],
                         list(o.technology), [list(s) for s in o.skills]]
                        for o in pack.occupations],
        "skills": [[a.id, a.title] for a in pack.skills],
        "skill_gwas": {k: list(v) for k, v in sorted(pack.skill_gwas.items())},
        "skills_release": pack.skills_release,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def read_pack(path: Path) -> OnetPack:
    """Read a pack written by :func:`write_pack`."""
    source = str(path)
    try:
        raw = path.read_bytes()
        if len(raw) > PACK_LIMIT:
            raise FileFormatError(source, "too large for an O*NET pack")
        data: Any = json.loads(gzip.decompress(raw))
        if not isinstance(data, dict) or data.get("format") != PACK_FORMAT:
            raise FileFormatError(source, f"not a {PACK_FORMAT} file")
        return OnetPack(
            release=str(data["release"]),
            gwas=[Activity(str(i), str(t)) for i, t in data["gwa"]],
            iwas=[Activity(str(i), str(t), str(p)) for i, t, p in data["iwa"]],
            dwas=[Activity(str(i), str(t), str(p)) for i, t, p in data["dwa"]],
            occupations=[_occupation(o) for o in data["occupations"]],
            skills=[Activity(str(i), str(t)) for i, t in data.get("skills", [])],
            skill_gwas={str(k): tuple(map(str, v))
                        for k, v in data.get("skill_gwas", {}).items()},
            skills_release=str(data.get("skills_release", "")),
        )
    except FileFormatError:
        raise
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise FileFormatError(source, f"damaged O*NET pack ({type(exc).__name__})") from None


def _occupation(item: list[Any]) -> Occupation:
    """One occupation of a pack; packs from before technology and skills have 4 fields."""
    code, title, zone, dwas = item[:4]
    technology = item[4] if len(item) > 4 else []
    skills = item[5] if len(item) > 5 else []
    return Occupation(str(code), str(title), int(zone),
                      tuple((str(d), float(w)) for d, w in dwas),
                      tuple(map(str, technology)),
                      tuple((str(s), float(i), float(v)) for s, i, v in skills))


def dwa_taxonomy(pack: OnetPack, source: str = "") -> Taxonomy:
    """The ``onet-dwa`` taxonomy: each DWA under its GWA (category), its IWA as parent and
    the IWA's title as its description (the broader activity it is part of)."""
    iwas = {a.id: a for a in pack.iwas}
    gwas = {a.id: a for a in pack.gwas}
    comps = []
    for dwa in pack.dwas:
        iwa = iwas.get(dwa.parent, Activity(dwa.parent, ""))
        gwa = gwas.get(iwa.parent, Activity(iwa.parent, ""))
        comps.append(Competency(
            id=dwa.id, label=dwa.title, description=iwa.title, category=gwa.id or None,
            parent=iwa.id, url=dictionary_url(pack.release, "dwa"),
            attributes={"iwa_id": iwa.id, "iwa_label": iwa.title, "gwa_id": gwa.id,
                        "gwa_label": gwa.title},
        ))
    return Taxonomy(
        name=DWA_TAXONOMY, title="O*NET Detailed Work Activities", competencies=comps,
        version=pack.release, framework=FRAMEWORK, source=source,
        description=ATTRIBUTION.format(release=pack.release),  # activities: this release
        categories=[Category(id=g.id, label=g.title) for g in pack.gwas],
    )


def iwa_taxonomy(pack: OnetPack, source: str = "") -> Taxonomy:
    """The ``onet-iwa`` taxonomy: each IWA under its GWA, its DWAs' titles as other names."""
    dwa_titles: dict[str, list[str]] = defaultdict(list)
    for dwa in pack.dwas:
        dwa_titles[dwa.parent].append(dwa.title)
    gwas = {a.id: a for a in pack.gwas}
    comps = [
        Competency(id=iwa.id, label=iwa.title, category=iwa.parent or None, parent=iwa.parent,
                   alt_labels=dwa_titles.get(iwa.id, []),
                   attributes={"gwa_id": iwa.parent,
                               "gwa_label": gwas.get(iwa.parent, Activity("", "")).title})
        for iwa in pack.iwas
    ]
    return Taxonomy(
        name="onet-iwa", title="O*NET Intermediate Work Activities", competencies=comps,
        version=pack.release, framework=FRAMEWORK, source=source,
        description=ATTRIBUTION.format(release=pack.release),  # activities: this release
        categories=[Category(id=g.id, label=g.title) for g in pack.gwas],
    )


DICTIONARY = "https://www.onetcenter.org/dictionary/{release}/text/{page}.html"


def dictionary_url(release: str, level: str) -> str:
    """O*NET's documentation page of a level's reference file ("dwa", "iwa", "gwa")."""
    page = {"dwa": "dwa_reference", "iwa": "iwa_reference"}.get(
        level, "content_model_reference")
    return DICTIONARY.format(release=release, page=page)


@lru_cache(maxsize=1)
def shipped_pack() -> OnetPack:
    """The O*NET pack that ships with lerkit (read once per process)."""
    return read_pack(packaged(SHIPPED))
