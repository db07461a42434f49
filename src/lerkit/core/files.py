"""Reading files safely: size limits, UTF-8, and PyYAML's safe loader only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError, FileFormatError

MiB = 1024 * 1024
DEFAULT_LIMIT = 64 * MiB
YAML_LIMIT = 16 * MiB


def _safe_loader() -> Any:
    """PyYAML's C safe loader (much faster, just as safe), or the pure-Python one."""
    import yaml  # loaded on first use: commands that read no YAML start faster

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_bytes(path: Path | str, limit: int = DEFAULT_LIMIT) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` bytes."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise BadInputError(f"{p}: file is {size} bytes, more than the limit of {limit}")
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise BadInputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{p}: is a folder, not a file") from None
    except PermissionError:
        raise BadInputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise BadInputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise BadInputError(f"{p}: file is larger than the limit of {limit} bytes")
    return data


def read_text(path: Path | str, limit: int = DEFAULT_LIMIT) -> str:
    """Read a UTF-8 text file (a BOM is tolerated) within a size limit."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError(str(path), "not valid UTF-8 text", line) from None


@contextmanager
def yaml_errors(source: str) -> Iterator[None]:
    """Turn PyYAML's errors inside the block into FileFormatError with file and line."""
    import yaml

    try:
        yield
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise FileFormatError(source, f"invalid YAML: {reason}", line) from None
    except yaml.YAMLError as exc:
        raise FileFormatError(source, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise FileFormatError(source, "invalid YAML: nested too deeply") from None


def parse_yaml(text: str, source: str) -> Any:
    """Parse YAML text with the safe loader; errors name the source and line."""
    import yaml

    with yaml_errors(source):
        return yaml.load(text, Loader=_safe_loader())


def read_yaml(path: Path | str, limit: int = YAML_LIMIT) -> Any:
    """Read and parse a YAML file with the safe loader and a size limit."""
    return parse_yaml(read_text(path, limit), str(path))


def read_json(path: Path | str, limit: int = DEFAULT_LIMIT) -> Any:
    """Read and parse a JSON file; errors name the file and line."""
    text = read_text(path, limit)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(str(path), f"invalid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise FileFormatError(str(path), "JSON nested too deeply") from None
