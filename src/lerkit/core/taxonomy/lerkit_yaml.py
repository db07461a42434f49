"""lerkit's own YAML taxonomy format (``format: lerkit-taxonomy/1``).

Either one file holding the header, the categories and all competencies, or a folder
holding ``taxonomy.yaml`` (header and categories) and one ``<category>.yaml`` per
category (``category: id`` and ``competencies: [...]``), and optionally one subfolder per
other language (:mod:`.lerkit_languages`). Every problem is reported as
a :class:`FileFormatError` naming the file, the line and the reason. The format is
described for coaches in ``docs/taxonomies.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.files import YAML_LIMIT, read_text
from lerkit.core.taxonomy.lerkit_languages import load_languages
from lerkit.core.taxonomy.model import Category, Competency, Taxonomy
from lerkit.core.taxonomy.yaml_nodes import Nodes, compose, line_of

FORMAT = "lerkit-taxonomy/1"
HEADER_FILE = "taxonomy.yaml"
MAX_FILES = 1000
HEADER_KEYS = (
    "format", "name", "title", "version", "framework", "description",
    "base_url", "source", "categories", "competencies",
)  # fmt: skip
CATEGORY_KEYS = ("id", "label", "parent", "description")
CATEGORY_FILE_KEYS = ("category", "competencies")
COMPETENCY_KEYS = (
    "id", "label", "description", "category", "parent", "alt_labels",
    "phrasings", "crosswalk", "url", "attributes",
)  # fmt: skip
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_ID = re.compile(r"[^\s]{1,200}")
_SCHEME = re.compile(r"[a-z][a-z0-9_]{0,39}")


@dataclass
class _State:
    """What has been read so far, to check references across files."""

    categories: dict[str, Category] = field(default_factory=dict)
    competencies: list[Competency] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # id -> "file:line"
    parents: list[tuple[Competency, str, int]] = field(default_factory=list)


def load_lerkit_yaml(path: Path | str) -> Taxonomy:
    """Load a lerkit YAML taxonomy from a single file or from a folder."""
    p = Path(path)
    if p.is_dir():
        return _load_folder(p)
    return _load_file(p)


def _read(path: Path) -> tuple[yaml.Node, Nodes]:
    nodes = Nodes(str(path))
    root = compose(read_text(path, YAML_LIMIT), str(path))
    if root is None:
        raise FileFormatError(str(path), "the file is empty")
    return root, nodes


def _load_file(path: Path) -> Taxonomy:
    root, nodes = _read(path)
    taxonomy, state, header = _header(root, nodes)
    if "competencies" in header:
        _competencies(header["competencies"], nodes, state, None)
    return _finish(taxonomy, state, nodes)


def _load_folder(folder: Path) -> Taxonomy:
    header_path = folder / HEADER_FILE
    if not header_path.is_file():
        raise BadInputError(f"{folder}: no {HEADER_FILE} in this folder")
    root, nodes = _read(header_path)
    taxonomy, state, header = _header(root, nodes)
    if "competencies" in header:
        _competencies(header["competencies"], nodes, state, None)
    files = sorted(
        f for f in folder.iterdir() if f.suffix in (".yaml", ".yml") and f.name != HEADER_FILE
    )
    if len(files) > MAX_FILES:
        raise BadInputError(f"{folder}: more than {MAX_FILES} YAML files")
    for file in files:
        _category_file(file, state)
    finished = _finish(taxonomy, state, nodes)
    load_languages(folder, state.categories, state.competencies)
    return finished


def _header(root: yaml.Node, nodes: Nodes) -> tuple[Taxonomy, _State, dict[str, yaml.Node]]:
    header = nodes.mapping(root, "the taxonomy header", HEADER_KEYS)
    if "format" not in header:
        raise nodes.fail(root, f"missing 'format: {FORMAT}'")
    fmt = nodes.text(header["format"], "format")
    if fmt != FORMAT:
        raise nodes.fail(header["format"], f"unknown format {fmt!r} (expected {FORMAT})")
    for key in ("name", "title"):
        if key not in header:
            raise nodes.fail(root, f"missing '{key}'")
    name = nodes.text(header["name"], "name")
    if not _NAME.fullmatch(name):
        raise nodes.fail(header["name"], f"name {name!r}: use lowercase letters, digits, . _ -")

    def opt(key: str) -> str:
        return nodes.text(header[key], key, required=False) if key in header else ""

    taxonomy = Taxonomy(
        name=name,
        title=nodes.text(header["title"], "title"),
        competencies=[],
        version=opt("version"),
        description=opt("description"),
        source=opt("source"),
        framework=opt("framework"),
        base_url=opt("base_url") or None,
    )
    state = _State()
    if "categories" in header:
        _categories(header["categories"], nodes, state)
    return taxonomy, state, header


def _categories(node: yaml.Node, nodes: Nodes, state: _State) -> None:
    parents: list[tuple[Category, yaml.Node]] = []
    for item in nodes.sequence(node, "categories"):
        fields = nodes.mapping(item, "a category", CATEGORY_KEYS)
        for key in ("id", "label"):
            if key not in fields:
                raise nodes.fail(item, f"category is missing '{key}'")
        cid = _identifier(fields["id"], nodes, "category id")
        if cid in state.categories:
            raise nodes.fail(fields["id"], f"duplicate category id {cid!r}")
        category = Category(
            id=cid,
            label=nodes.text(fields["label"], "category label"),
            description=nodes.text(fields["description"], "description", required=False)
            if "description" in fields
            else "",
        )
        if "parent" in fields:
            category.parent = nodes.text(fields["parent"], "parent")
            parents.append((category, fields["parent"]))
        state.categories[cid] = category
    for category, parent_node in parents:
        if category.parent not in state.categories:
            raise nodes.fail(parent_node, f"unknown parent category {category.parent!r}")
        seen = {category.id}
        current: str | None = category.parent
        while current is not None:
            if current in seen:
                raise nodes.fail(parent_node, f"category {category.id!r} is its own ancestor")
            seen.add(current)
            current = state.categories[current].parent


def _category_file(path: Path, state: _State) -> None:
    root, nodes = _read(path)
    fields = nodes.mapping(root, "a category file", CATEGORY_FILE_KEYS)
    if "category" not in fields:
        raise nodes.fail(root, "missing 'category: <category id>'")
    category = nodes.text(fields["category"], "category")
    if category not in state.categories:
        raise nodes.fail(fields["category"], f"unknown category {category!r} (not in header)")
    if "competencies" in fields:
        _competencies(fields["competencies"], nodes, state, category)


def _identifier(node: yaml.Node, nodes: Nodes, what: str) -> str:
    value = nodes.text(node, what)
    if not _ID.fullmatch(value):
        raise nodes.fail(node, f"{what} {value[:60]!r} must be one word without spaces")
    return value


def _competencies(node: yaml.Node, nodes: Nodes, state: _State, category: str | None) -> None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return
    for item in nodes.sequence(node, "competencies"):
        state.competencies.append(_competency(item, nodes, state, category))


def _competency(item: yaml.Node, nodes: Nodes, state: _State, category: str | None) -> Competency:
    fields = nodes.mapping(item, "a competency", COMPETENCY_KEYS)
    for key in ("id", "label"):
        if key not in fields:
            raise nodes.fail(item, f"competency is missing '{key}'")
    cid = _identifier(fields["id"], nodes, "id")
    where = f"{nodes.source}:{line_of(fields['id'])}"
    if cid in state.seen:
        raise nodes.fail(fields["id"], f"duplicate id {cid!r} (first at {state.seen[cid]})")
    state.seen[cid] = where
    own = category
    if "category" in fields:
        own = nodes.text(fields["category"], "category")
        if own not in state.categories:
            raise nodes.fail(fields["category"], f"unknown category {own!r}")
        if category is not None and own != category:
            raise nodes.fail(fields["category"], f"category {own!r} in the file of {category!r}")
    elif state.categories and category is None:
        raise nodes.fail(item, f"competency {cid!r} has no 'category'")
    competency = Competency(
        id=cid,
        label=nodes.text(fields["label"], "label"),
        category=own,
        alt_labels=nodes.text_list(fields["alt_labels"], "alt_labels")
        if "alt_labels" in fields
        else [],
        phrasings=nodes.text_list(fields["phrasings"], "phrasings")
        if "phrasings" in fields
        else [],
    )
    if "description" in fields:
        competency.description = nodes.text(fields["description"], "description", required=False)
    if "url" in fields:
        competency.url = nodes.text(fields["url"], "url")
    if "crosswalk" in fields:
        competency.crosswalk = _crosswalk(fields["crosswalk"], nodes)
    if "attributes" in fields:
        attrs = nodes.mapping(fields["attributes"], "attributes")
        competency.attributes = {k: nodes.text(v, k, required=False) for k, v in attrs.items()}
    if "parent" in fields:
        competency.parent = nodes.text(fields["parent"], "parent")
        state.parents.append((competency, nodes.source, line_of(fields["parent"])))
    return competency


def _crosswalk(node: yaml.Node, nodes: Nodes) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for scheme, value in nodes.mapping(node, "crosswalk").items():
        if not _SCHEME.fullmatch(scheme):
            raise nodes.fail(value, f"crosswalk scheme {scheme!r}: use a lowercase word")
        result[scheme] = nodes.text_list(value, f"crosswalk {scheme}")
    return result


def _finish(taxonomy: Taxonomy, state: _State, nodes: Nodes) -> Taxonomy:
    for competency, source, line in state.parents:
        if competency.parent not in state.seen:
            raise FileFormatError(source, f"unknown parent {competency.parent!r}", line)
        if competency.parent == competency.id:
            raise FileFormatError(source, f"{competency.id!r} cannot be its own parent", line)
    parent_of = {c.id: c.parent for c in state.competencies if c.parent}
    for competency, source, line in state.parents:
        seen = {competency.id}
        current = competency.parent
        while current is not None:
            if current in seen:
                raise FileFormatError(source, f"{competency.id!r} is its own ancestor", line)
            seen.add(current)
            current = parent_of.get(current)
    if not state.competencies:
        raise nodes.fail(None, "the taxonomy has no competencies")
    taxonomy.categories = list(state.categories.values())
    taxonomy.competencies = state.competencies
    return taxonomy
