"""The dev evaluation sets and the taxonomies lerkit matches them against.

Each set is matched against its own ``<set>.taxonomy.jsonl`` (loaded with lerkit's
``jsonl`` table loader), enriched only from allowed public source files with the same
ids -- what ``ler taxonomy import onet`` / ``esco`` will produce:

* O*NET occupations: ``Alternate Titles.txt`` as alternative labels, *without* the
  titles whose source code is 02 (that source holds the "Sample of Reported Titles",
  which the set is built from; all 2,030 dev cases appear verbatim among them).
* O*NET IWAs: the titles of their DWAs (``DWA Reference.txt``) as alternative labels.
* O*NET DWAs: the IWA title as the description (``DWA Reference.txt``).
* ESCO skills: where the official columns were not available, the ESCO v1.2.0 text of
  the skill (``esco_1_2_text``: alternative labels and description) as the description.
* ESCO occupations: the taxonomy file as is (it already carries ESCO's altLabels).

Never used: ``Tasks to DWAs.txt``, ``Sample of Reported Titles.txt``, the
skill-extraction benchmark annotations, the JobBERT titles (they are what is measured).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from _setup import dev_dir, shared_root
from lerkit.core.taxonomy.model import Taxonomy
from lerkit.core.taxonomy.table_format import load_table

SETS = (
    "onet_task_dwa",
    "onet_task_iwa",
    "onet_reported_titles",
    "esco_skill_spans",
    "esco_skill_sentences",
    "esco_jobbert_titles",
)
REPORTED_TITLES_SOURCE = "02"


@dataclass
class Case:
    """One evaluation case."""

    id: str
    text: str
    gold: list[str]


def load_cases(name: str) -> list[Case]:
    """The dev cases of a set."""
    path = dev_dir() / f"{name}.jsonl"
    cases = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            cases.append(Case(row["id"], row["text"], list(row["gold"])))
    return cases


def base_taxonomy(name: str) -> Taxonomy:
    """The set's taxonomy file as lerkit's ``jsonl`` loader reads it."""
    return load_table(dev_dir() / f"{name}.taxonomy.jsonl", name=name.replace("_", "-"))


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _onet(file: str) -> Path:
    return shared_root() / "data" / "onet" / file


def _add_alt(taxonomy: Taxonomy, extra: dict[str, list[str]]) -> Taxonomy:
    for competency in taxonomy.competencies:
        seen = {a.casefold() for a in [competency.label, *competency.alt_labels]}
        for text in extra.get(competency.id, []):
            if text.casefold() not in seen:
                seen.add(text.casefold())
                competency.alt_labels.append(text)
    return taxonomy


def _occupations(taxonomy: Taxonomy) -> Taxonomy:
    extra: dict[str, list[str]] = {}
    for row in _tsv(_onet("Alternate Titles.txt")):
        if REPORTED_TITLES_SOURCE in row["Source(s)"].split(","):
            continue
        titles = extra.setdefault(row["O*NET-SOC Code"], [])
        titles.append(row["Alternate Title"])
        if row["Short Title"] not in ("", "n/a"):
            titles.append(row["Short Title"])
    return _add_alt(taxonomy, extra)


def _occupations_all_titles(taxonomy: Taxonomy) -> Taxonomy:
    extra: dict[str, list[str]] = {}
    for row in _tsv(_onet("Alternate Titles.txt")):
        extra.setdefault(row["O*NET-SOC Code"], []).append(row["Alternate Title"])
    return _add_alt(taxonomy, extra)


def _iwa(taxonomy: Taxonomy) -> Taxonomy:
    extra: dict[str, list[str]] = {}
    for row in _tsv(_onet("DWA Reference.txt")):
        extra.setdefault(row["IWA ID"], []).append(row["DWA Title"])
    return _add_alt(taxonomy, extra)


def _dwa(taxonomy: Taxonomy) -> Taxonomy:
    for competency in taxonomy.competencies:
        iwa = str(competency.attributes.get("iwa_label", ""))
        if iwa and not competency.description:
            competency.description = iwa
    return taxonomy


def _esco_skills(taxonomy: Taxonomy) -> Taxonomy:
    for competency in taxonomy.competencies:
        text = str(competency.attributes.get("esco_1_2_text", ""))
        if competency.description or not text:
            continue
        if text.casefold().startswith(competency.label.casefold()):
            text = text[len(competency.label) :]
        competency.description = text.strip()
    return taxonomy


ENRICH: dict[str, tuple[str, Callable[[Taxonomy], Taxonomy]]] = {
    "onet_task_dwa": ("DWA labels; IWA title as description", _dwa),
    "onet_task_iwa": ("IWA labels + their DWA titles as alt labels", _iwa),
    "onet_reported_titles": (
        "titles + descriptions + Alternate Titles (excl. source 02)",
        _occupations,
    ),
    "esco_skill_spans": ("labels + alt labels + descriptions (ESCO v1.2.0 text)", _esco_skills),
    "esco_skill_sentences": ("labels + alt labels + descriptions (ESCO v1.2.0 text)", _esco_skills),
    "esco_jobbert_titles": ("labels + ESCO altLabels + descriptions", lambda t: t),
}

EXTRA_VARIANTS: dict[str, tuple[str, Callable[[Taxonomy], Taxonomy]]] = {
    "onet_reported_titles": (
        "all Alternate Titles (contain the measured titles verbatim; not a fair figure)",
        _occupations_all_titles,
    ),
}


def labels_only(taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy with labels and alternative labels only (the speed benchmark's setting)."""
    for competency in taxonomy.competencies:
        competency.description = ""
        competency.phrasings = []
    return taxonomy
