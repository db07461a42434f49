"""Reading files safely: size limits, UTF-8, strict JSON, and PyYAML's safe loader only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.i18n import _
from lerkit.core.strict_json import MAX_INT_DIGITS, parse_json

MiB = 1024 * 1024
DEFAULT_LIMIT = 64 * MiB
YAML_LIMIT = 16 * MiB


_STRICT_LOADER: Any = None


def _safe_loader() -> Any:
    """PyYAML's safe loader (the C one when built), refusing duplicate keys and long numbers.

    Built on first use: commands that read no YAML start faster.
    """
    global _STRICT_LOADER
    if _STRICT_LOADER is None:
        import yaml

        base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class StrictLoader(base):  # type: ignore[misc]
            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                seen: set[str] = set()
                for key, _value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                        if key.value in seen:
                            raise yaml.constructor.ConstructorError(
                                None, None,
                                _("the key {key!r} appears twice").format(key=key.value),
                                key.start_mark)
                        seen.add(key.value)
                return super().construct_mapping(node, deep=deep)

            def construct_yaml_int(self, node: Any) -> Any:
                if len(str(node.value)) > MAX_INT_DIGITS:
                    raise yaml.constructor.ConstructorError(
                        None, None, _("a number with more than {digits} digits")
                        .format(digits=MAX_INT_DIGITS),
                        node.start_mark)
                return super().construct_yaml_int(node)

        StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
        _STRICT_LOADER = StrictLoader
    return _STRICT_LOADER


def read_bytes(path: Path | str, limit: int = DEFAULT_LIMIT) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` bytes."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise BadInputError(_("{path}: file is {size} bytes, more than the limit of {limit}")
                                .format(path=p, size=size, limit=limit))
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise BadInputError(_("{path}: no such file").format(path=p)) from None
    except IsADirectoryError:
        raise BadInputError(_("{path}: is a folder, not a file").format(path=p)) from None
    except PermissionError:
        raise BadInputError(_("{path}: permission denied").format(path=p)) from None
    except OSError as exc:
        raise BadInputError(_("{path}: cannot read ({reason})")
                            .format(path=p, reason=exc.strerror or exc)) from None
    if len(data) > limit:
        raise BadInputError(_("{path}: file is larger than the limit of {limit} bytes")
                            .format(path=p, limit=limit))
    return data


def read_text(path: Path | str, limit: int = DEFAULT_LIMIT) -> str:
    """Read a UTF-8 text file (a BOM is tolerated) within a size limit."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError(str(path), _("not valid UTF-8 text"), line) from None


@contextmanager
def yaml_errors(source: str) -> Iterator[None]:
    """Turn PyYAML's errors inside the block into FileFormatError with file and line."""
    import yaml

    try:
        yield
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or _("invalid YAML")
        raise FileFormatError(source, _("invalid YAML: {reason}").format(reason=reason),
                              line) from None
    except yaml.YAMLError as exc:
        raise FileFormatError(source, _("invalid YAML: {reason}").format(reason=exc)) from None
    except RecursionError:
        raise FileFormatError(source, _("invalid YAML: nested too deeply")) from None


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text with the safe loader; errors name the source and line."""
    import yaml

    with yaml_errors(source):
        return yaml.load(text, Loader=_safe_loader())


def read_yaml(path: Path | str, limit: int = YAML_LIMIT) -> Any:
    """Read and parse a YAML file with the safe loader and a size limit."""
    return parse_yaml(read_text(path, limit), str(path))


def read_json(path: Path | str, limit: int = DEFAULT_LIMIT) -> Any:
    """Read and strictly parse a JSON file (see :mod:`lerkit.core.strict_json`).

    Errors name the file, the line and the place.
    """
    return parse_json(read_text(path, limit), str(path))


def loads_json(data: bytes, source: str) -> Any:
    """Strictly parse JSON bytes that are not a file of their own (UTF-8 required)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError(source, _("not valid UTF-8 text"), line) from None
    return parse_json(text, source)
