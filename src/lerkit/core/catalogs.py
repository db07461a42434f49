"""Compile and inspect gettext catalogs (Babel): the ``.po`` files of a language, merged.

Used at build time (``hatch_build.py`` writes ``LC_MESSAGES/lerkit.mo``), by a source
checkout whose compiled catalog is older than its ``.po`` files, and by the tests that
check every marked message has a translation.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from lerkit.core.errors import BadInputError


def merged_catalog(sources: Iterable[Path], language: str | None = None) -> Catalog:
    """One catalog holding every message of ``sources`` (a message twice is an error)."""
    merged = Catalog(locale=language, domain="lerkit")
    headers_taken = False
    for source in sources:
        with source.open("rb") as handle:
            try:
                part = read_po(handle, locale=language)
            except Exception as error:  # Babel raises several types for a broken file
                raise BadInputError(f"{source.name}: not a readable .po file ({error})") from error
        if not headers_taken:  # the files' own Plural-Forms, not the locale's CLDR count
            merged.mime_headers = part.mime_headers
            headers_taken = True
        for message in part:
            if not message.id:
                continue
            if message.id in merged:
                raise BadInputError(f"{source.name}: {message.id!r} is translated twice")
            merged[message.id] = message
    return merged


def compile_catalog(sources: Iterable[Path], language: str | None = None) -> io.BytesIO:
    """The ``.mo`` bytes for ``sources``; fuzzy or empty translations are left out."""
    catalog = merged_catalog(sources, language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return buffer


def write_compiled(folder: Path, domain: str = "lerkit") -> Path:
    """Compile ``folder/*.po`` into ``folder/LC_MESSAGES/<domain>.mo``; the path written."""
    target = folder / "LC_MESSAGES" / f"{domain}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(compile_catalog(sorted(folder.glob("*.po")), folder.name).getvalue())
    return target


MARKERS = frozenset({"_", "N_", "ngettext"})


def _marker_calls(package_dir: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(marker, ``path:line``, its leading string arguments) for every call of ``_``,
    ``N_`` or ``ngettext`` in ``package_dir``'s Python files."""
    import ast

    for path in sorted(package_dir.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS):
                continue
            texts = []
            for argument in node.args:
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    break
                texts.append(argument.value)
            yield node.func.id, f"{path.relative_to(package_dir.parent)}:{node.lineno}", texts


def marked_messages(package_dir: Path) -> dict[str, list[str]]:
    """Every message marked with ``_``, ``N_`` or ``ngettext`` in ``package_dir``'s Python
    files -> where it is marked (``path:line``); a plural's entry is its singular."""
    found: dict[str, list[str]] = {}
    for _marker, where, texts in _marker_calls(package_dir):
        if texts:
            found.setdefault(texts[0], []).append(where)
    return found


def marked_plurals(package_dir: Path) -> dict[str, str]:
    """Every ``ngettext(singular, plural, n)`` in ``package_dir``: singular -> plural."""
    return {texts[0]: texts[1] for marker, _where, texts in _marker_calls(package_dir)
            if marker == "ngettext" and len(texts) >= 2}
