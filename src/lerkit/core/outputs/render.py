"""Every output format by name: what it is called, its file suffix, and how to render it."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import N_
from lerkit.core.outputs.html import render_html
from lerkit.core.outputs.jsonresume import render_json_resume
from lerkit.core.outputs.lerrs import render_ler_rs
from lerkit.core.outputs.markdown import render_markdown
from lerkit.core.outputs.model import RecordPage

BUNDLE = "bundle"


@dataclass(frozen=True)
class OutputFormat:
    """One format a person can export."""

    name: str
    title: str
    suffix: str
    description: str


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat(BUNDLE, N_("Signed bundle"), ".bundle.json",
                 N_("The record itself: Open Badges 3.0 credentials in a signed CLR 2.0 bundle.")),
    OutputFormat("html", N_("Printable skills record"), ".html",
                 N_("One web page to read or print, with a QR code to check it against the "
                    "bundle.")),
    OutputFormat("md", N_("Skills record as Markdown"), ".md",
                 N_("The same content as the page, as plain text with Markdown markup.")),
    OutputFormat("jsonresume", N_("JSON Resume"), ".resume.json",
                 N_("A résumé (jsonresume.org schema v1) for résumé builders and job sites.")),
    OutputFormat("ler-rs", N_("HR Open LER-RS"), ".ler-rs.json",
                 N_("An LER-RS résumé with the signed Open Badges credentials embedded.")),
)
FORMAT_NAMES = tuple(f.name for f in FORMATS)


def output_format(name: str) -> OutputFormat:
    """The format called ``name``; BadInputError naming the choices otherwise."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise BadInputError(f"unknown format {name!r}; use one of: {', '.join(FORMAT_NAMES)}")


def _json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_RENDERERS: dict[str, Callable[[RecordPage, Mapping[str, Any]], str]] = {
    "html": lambda page, _bundle: render_html(page),
    "md": lambda page, _bundle: render_markdown(page),
    "jsonresume": lambda page, _bundle: _json(render_json_resume(page)),
    "ler-rs": lambda page, bundle: _json(render_ler_rs(page, bundle)),
}


def render(name: str, page: RecordPage, bundle: Mapping[str, Any]) -> bytes:
    """The file content (UTF-8) of one derived format (every format but the bundle)."""
    output_format(name)
    renderer = _RENDERERS.get(name)
    if renderer is None:
        raise BadInputError(f"{name!r} is written by signing, not rendered")
    return renderer(page, bundle).encode("utf-8")
