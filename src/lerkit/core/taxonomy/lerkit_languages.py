"""Texts of lerkit's taxonomy in other languages (``format: lerkit-taxonomy-language/1``).

A taxonomy folder may hold one subfolder per language (``es/``), with one file per
category giving that category's label and, for each of its competencies, the label,
description, alternative labels and everyday phrasings in that language. All of them are
optional: a competency without texts in a language is simply matched in English only.
Every problem is a :class:`FileFormatError` naming the file, the line and the reason.
The format is described in ``docs/taxonomies.md`` ("Other languages").
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.files import YAML_LIMIT, read_text
from lerkit.core.taxonomy.model import Category, Competency, LanguageTexts
from lerkit.core.taxonomy.yaml_nodes import Nodes, compose, line_of

FORMAT = "lerkit-taxonomy-language/1"
MAIN_LANGUAGE = "en"
MAX_FILES = 1000
FILE_KEYS = ("format", "language", "category", "label", "competencies")
TEXT_KEYS = ("label", "description", "alt_labels", "phrasings")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


def language_folders(folder: Path) -> list[Path]:
    """The subfolders of a taxonomy folder named by a language code (``es``), sorted."""
    return sorted(p for p in folder.iterdir() if p.is_dir() and _LANGUAGE.fullmatch(p.name))


def load_languages(folder: Path, categories: dict[str, Category],
                   competencies: list[Competency]) -> None:
    """Read every language subfolder of ``folder`` into the categories' ``labels`` and the
    competencies' ``texts``."""
    by_id = {c.id: c for c in competencies}
    for sub in language_folders(folder):
        if sub.name == MAIN_LANGUAGE:
            raise BadInputError(f"{sub}: the taxonomy's own files are English; "
                                "a language folder is for other languages")
        files = sorted(f for f in sub.iterdir() if f.suffix in (".yaml", ".yml"))
        if len(files) > MAX_FILES:
            raise BadInputError(f"{sub}: more than {MAX_FILES} YAML files")
        seen: dict[str, str] = {}
        for file in files:
            _language_file(file, sub.name, categories, by_id, seen)


def _language_file(path: Path, language: str, categories: dict[str, Category],
                   by_id: dict[str, Competency], seen: dict[str, str]) -> None:
    nodes = Nodes(str(path))
    root = compose(read_text(path, YAML_LIMIT), str(path))
    if root is None:
        raise FileFormatError(str(path), "the file is empty")
    fields = nodes.mapping(root, "a language file", FILE_KEYS)
    for key in ("format", "language", "category"):
        if key not in fields:
            raise nodes.fail(root, f"missing '{key}'")
    fmt = nodes.text(fields["format"], "format")
    if fmt != FORMAT:
        raise nodes.fail(fields["format"], f"unknown format {fmt!r} (expected {FORMAT})")
    said = nodes.text(fields["language"], "language")
    if said != language:
        raise nodes.fail(fields["language"],
                         f"language {said!r} in the folder of language {language!r}")
    category = nodes.text(fields["category"], "category")
    if category not in categories:
        raise nodes.fail(fields["category"], f"unknown category {category!r}")
    if "label" in fields:
        categories[category].labels[language] = nodes.text(fields["label"], "label")
    if "competencies" not in fields or _is_null(fields["competencies"]):
        return
    listed = fields["competencies"]
    nodes.mapping(listed, "competencies")  # a mapping id -> texts, keys once each
    for key_node, item in listed.value:
        cid = nodes.text(key_node, "competency id")
        competency = by_id.get(cid)
        if competency is None:
            raise nodes.fail(key_node, f"unknown competency id {cid!r}")
        if competency.category != category:
            raise nodes.fail(key_node, f"{cid!r} belongs to category {competency.category!r}, "
                                       f"not {category!r}")
        if cid in seen:
            raise nodes.fail(key_node, f"texts for {cid!r} given twice (first at {seen[cid]})")
        seen[cid] = f"{path}:{line_of(key_node)}"
        competency.texts[language] = _texts(item, nodes, cid)


def _texts(item: yaml.Node, nodes: Nodes, cid: str) -> LanguageTexts:
    fields = nodes.mapping(item, f"the texts of {cid!r}", TEXT_KEYS)
    for key in ("label", "description", "phrasings"):
        if key not in fields:
            raise nodes.fail(item, f"the texts of {cid!r} are missing '{key}'")
    phrasings = nodes.text_list(fields["phrasings"], "phrasings")
    if not phrasings:
        raise nodes.fail(fields["phrasings"], f"the texts of {cid!r} have no phrasings")
    return LanguageTexts(
        label=nodes.text(fields["label"], "label"),
        description=nodes.text(fields["description"], "description"),
        alt_labels=nodes.text_list(fields["alt_labels"], "alt_labels")
        if "alt_labels" in fields else [],
        phrasings=phrasings,
    )


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"
