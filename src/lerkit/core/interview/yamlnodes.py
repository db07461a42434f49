"""YAML that remembers line numbers, so a coach's typo is reported at the right line.

Every scalar is kept as the text that was written (``yes`` stays ``"yes"``, ``2015`` stays
``"2015"``, ``NO`` stays ``"NO"``); a plain empty value, ``~`` or ``null`` becomes None.
Mappings and sequences become :class:`YMap` and :class:`YList`, which carry the line of
the node and of each key or item. Duplicate keys are an error, not a silent overwrite.
Only PyYAML's safe machinery is used, with limits on nesting and on alias expansion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lerkit.core.errors import FileFormatError
from lerkit.core.files import YAML_LIMIT, read_text, yaml_errors

MAX_NODES = 200_000
MAX_DEPTH = 40

# the C loader is faster and just as safe; both only build plain values
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class YMap(dict[str, Any]):
    """A mapping with the line of the mapping and of each of its keys (1-based)."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class YList(list[Any]):
    """A sequence with the line of the sequence and of each item (1-based)."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of item ``index``."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.count = 0

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise FileFormatError(self.source, "too many values (aliases expand too far)", line)
        if depth > MAX_DEPTH:
            raise FileFormatError(self.source, "nested too deeply", line)
        if isinstance(node, yaml.ScalarNode):
            value = str(node.value)
            if node.style is None and value in _NULLS:
                return None
            return value
        if isinstance(node, yaml.SequenceNode):
            items = YList(line)
            for child in node.value:
                items.append(self.build(child, depth + 1))
                items.item_lines.append(child.start_mark.line + 1)
            return items
        if isinstance(node, yaml.MappingNode):
            mapping = YMap(line)
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    raise FileFormatError(self.source, "a key must be plain text", key_line)
                key = str(key_node.value)
                if key == "<<":
                    raise FileFormatError(
                        self.source, "merge keys (<<) are not supported", key_line
                    )
                if key in mapping:
                    raise FileFormatError(self.source, f"duplicate key {key!r}", key_line)
                mapping[key] = self.build(value_node, depth + 1)
                mapping.key_lines[key] = key_line
            return mapping
        raise FileFormatError(self.source, "unsupported YAML node", line)  # pragma: no cover


def parse_located(text: str, source: str) -> Any:
    """Parse one YAML document into YMap/YList/str/None values with line numbers."""
    loader = _Loader(text)
    try:
        with yaml_errors(source):
            node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        return None
    return _Builder(source).build(node, 0)


def read_located(path: Path | str, limit: int = YAML_LIMIT) -> Any:
    """Read a YAML file (size-limited, UTF-8) into located values."""
    return parse_located(read_text(path, limit), str(path))
