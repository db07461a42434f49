"""A training catalogue: programs a coach knows of, and the work each one teaches.

A catalogue is a YAML file (``format: lerkit-training/1``, a ``programs`` list) or a CSV
file with a header row. Each program has ``program`` (its name), ``provider``, ``place``,
``cost`` and ``length`` (text, as the coach writes them), an optional ``id``, and what it
teaches, at least one of: ``occupations`` (O*NET-SOC codes it prepares for: all of their
work activities), ``activities`` (O*NET DWA ids) and ``competencies`` (lerkit competency
ids, placed on DWAs through their crosswalks). In CSV, several values in one cell are
separated by ``|`` or ``;``. Every problem names the file, the line and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_text
from lerkit.core.i18n import N_, _
from lerkit.core.taxonomy.delimited import rows, split_multi
from lerkit.core.taxonomy.yaml_nodes import Nodes, compose, line_of

FORMAT = "lerkit-training/1"
LIMIT = 4 * 1024 * 1024
TEXT_FIELDS = ("program", "provider", "place", "cost", "length")
LIST_FIELDS = ("occupations", "activities", "competencies")
FIELDS = ("id", *TEXT_FIELDS, *LIST_FIELDS)
MAX_TEXT = 300


@dataclass(frozen=True)
class Program:
    """One training program and what it teaches."""

    id: str
    program: str
    provider: str = ""
    place: str = ""
    cost: str = ""
    length: str = ""
    occupations: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Known:
    """What a catalogue may name: O*NET-SOC codes, DWA ids and competency ids."""

    occupations: set[str]
    activities: set[str]
    competencies: set[str]


@dataclass(frozen=True)
class Catalogue:
    """A parsed catalogue; ``example`` marks one written to show the format."""

    name: str
    programs: list[Program]
    example: bool = False


def slug(text: str) -> str:
    """A program id made from its name: lower case words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:100] or "program"


def read_catalogue(path: Path, known: Known) -> Catalogue:
    """Read a YAML (``.yaml``/``.yml``) or CSV catalogue; see the module docstring."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml(path, known)
    if path.suffix.lower() == ".csv":
        found = [(line, _program(values, line, str(path), known))
                 for line, values in _csv_rows(path)]
        return Catalogue(path.stem, _unique(found, str(path)))
    raise FileFormatError(str(path), _("a training catalogue is a .yaml or .csv file"))


def _csv_rows(path: Path) -> list[tuple[int, dict[str, list[str]]]]:
    found = []
    for line, row in rows(path, ["program"], delimiter=","):
        unknown = [k for k in row if k and k.strip() not in FIELDS]
        if unknown:
            raise FileFormatError(str(path), _("unknown column {column!r} (allowed: {allowed})")
                                  .format(column=unknown[0], allowed=", ".join(FIELDS)), 1)
        found.append((line, {k.strip(): split_multi(v or "", "|;") for k, v in row.items()
                             if k}))
    return found


def _yaml(path: Path, known: Known) -> Catalogue:
    source = str(path)
    nodes = Nodes(source)
    root = compose(read_text(path, LIMIT), source)
    if root is None:
        raise FileFormatError(source, _("the file is empty"), 1)
    top = nodes.mapping(root, "the catalogue", ("format", "name", "example", "programs"))
    if "format" not in top or nodes.text(top["format"], "format") != FORMAT:
        raise nodes.fail(top.get("format", root),
                         _("format must be {format}").format(format=FORMAT))
    if "programs" not in top:
        raise nodes.fail(root, _("no programs"))
    flag = top.get("example")
    example = flag is not None and str(flag.value).lower() in ("true", "yes")
    name = nodes.text(top["name"], "name") if "name" in top else path.stem
    found = []
    for item in nodes.sequence(top["programs"], "programs"):
        fields = nodes.mapping(item, "a program", FIELDS)
        values = {k: (nodes.text_list(v, k) if k in LIST_FIELDS
                      else [nodes.text(v, k, required=False)]) for k, v in fields.items()}
        found.append((line_of(item), _program(values, line_of(item), source, known)))
    return Catalogue(slug(name), _unique(found, source), example)


def _program(values: dict[str, list[str]], line: int, source: str, known: Known) -> Program:
    def text(key: str) -> str:
        value = " ".join(" ".join(values.get(key, [])).split())
        if len(value) > MAX_TEXT:
            raise FileFormatError(source, _("{key} is longer than {limit} characters")
                                  .format(key=key, limit=MAX_TEXT), line)
        return value

    name = text("program")
    if not name:
        raise FileFormatError(source, _("a program needs its name (program)"), line)
    checks: dict[str, tuple[set[str], Callable[[str], str]]] = {
        "occupations": (known.occupations, lambda v: v if "." in v else f"{v}.00"),
        "activities": (known.activities, str),
        "competencies": (known.competencies, str),
    }
    lists: dict[str, tuple[str, ...]] = {}
    for key, (allowed, normal) in checks.items():
        items = tuple(normal(v.strip()) for v in values.get(key, []) if v.strip())
        bad = [v for v in items if v not in allowed]
        if bad:
            unknown = {"occupations": N_("{program}: unknown O*NET-SOC code {value!r}"),
                       "activities": N_("{program}: unknown O*NET DWA id {value!r}"),
                       "competencies": N_("{program}: unknown lerkit competency {value!r}")}
            raise FileFormatError(source, _(unknown[key]).format(program=name, value=bad[0]),
                                  line)
        lists[key] = items
    if not any(lists.values()):
        raise FileFormatError(source, _("{program}: say what it teaches (occupations, "
                                        "activities or competencies)").format(program=name),
                              line)
    return Program(slug(text("id") or f"{name} {text('provider')}"), name, text("provider"),
                   text("place"), text("cost"), text("length"), lists["occupations"],
                   lists["activities"], lists["competencies"])


def _unique(programs: list[tuple[int, Program]], source: str) -> list[Program]:
    if not programs:
        raise FileFormatError(source, _("no programs"))
    seen: set[str] = set()
    for line, program in programs:
        if program.id in seen:
            raise FileFormatError(source, _("another program has the id {id!r}; give one an "
                                            "id of its own").format(id=program.id), line)
        seen.add(program.id)
    return [program for _, program in programs]

