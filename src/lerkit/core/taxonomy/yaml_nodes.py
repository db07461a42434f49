"""Read YAML as a tree of nodes so that every value keeps the line it came from.

The taxonomy loader validates against these nodes instead of plain Python values:
a problem is reported as ``file:line: reason`` for the exact item that is wrong.
Only PyYAML's safe composer is used; no Python objects are ever constructed.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from lerkit.core.errors import FileFormatError
from lerkit.core.files import yaml_errors
from lerkit.core.text_safety import clean_text

try:  # the C parser is faster and just as safe
    _Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_KIND = {
    yaml.MappingNode: "a mapping (key: value)",
    yaml.SequenceNode: "a list",
    yaml.ScalarNode: "a single value",
}


def line_of(node: yaml.Node) -> int:
    """The 1-based line where a node starts."""
    return int(node.start_mark.line) + 1


def compose(text: str, source: str) -> yaml.Node | None:
    """Parse YAML text into a node tree (``None`` for an empty document)."""
    with yaml_errors(source):
        return yaml.compose(text, Loader=_Loader)


class Nodes:
    """Typed accessors over nodes of one file; every failure names file and line."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node | None, reason: str) -> FileFormatError:
        """An error at ``node`` (or at the file when there is no node)."""
        return FileFormatError(self.source, reason, line_of(node) if node is not None else None)

    def _expect(self, node: yaml.Node, kind: type[yaml.Node], what: str) -> None:
        if not isinstance(node, kind):
            found = _KIND.get(type(node), "something else")
            raise self.fail(node, f"{what} must be {_KIND[kind]}, found {found}")

    def mapping(
        self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None = None
    ) -> dict[str, yaml.Node]:
        """A mapping's values by key; rejects duplicate keys and, optionally, unknown ones."""
        self._expect(node, yaml.MappingNode, what)
        result: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, f"{what}: keys must be plain words")
            key = str(key_node.value)
            if key in result:
                raise self.fail(key_node, f"{what}: key {key!r} appears twice")
            if allowed is not None and key not in allowed:
                raise self.fail(
                    key_node, f"{what}: unknown key {key!r} (allowed: {', '.join(allowed)})"
                )
            result[key] = value_node
        return result

    def sequence(self, node: yaml.Node, what: str) -> Iterator[yaml.Node]:
        """The items of a list node."""
        self._expect(node, yaml.SequenceNode, what)
        yield from node.value

    def text(self, node: yaml.Node, what: str, *, required: bool = True) -> str:
        """A scalar as text: strings, and numbers as written (``version: 2.1``)."""
        self._expect(node, yaml.ScalarNode, what)
        if node.tag != _STR and node.tag not in _NUMBER_TAGS:
            if node.tag == "tag:yaml.org,2002:null":
                if required:
                    raise self.fail(node, f"{what} is empty")
                return ""
            raise self.fail(node, f"{what} must be text, found {node.value!r}")
        value = clean_text(str(node.value), multiline=True).strip()
        if required and not value:
            raise self.fail(node, f"{what} is empty")
        return value

    def text_list(self, node: yaml.Node, what: str) -> list[str]:
        """A list of non-empty texts; a single text is accepted as a list of one."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:null":
                return []
            return [self.text(node, what)]
        return [self.text(item, f"{what} item") for item in self.sequence(node, what)]
