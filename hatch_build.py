"""Build hook: compile the gettext catalogs (``src/lerkit/locale/<lang>/*.po``) into
``LC_MESSAGES/lerkit.mo`` so that wheels and editable installs carry them."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def compile_language(folder: Path) -> Path:
    """Merge ``folder/*.po`` and write ``folder/LC_MESSAGES/lerkit.mo``."""
    merged = Catalog(locale=folder.name, domain="lerkit")
    for number, source in enumerate(sorted(folder.glob("*.po"))):
        with source.open("rb") as handle:
            part = read_po(handle, locale=folder.name)
        if number == 0:  # the files' own Plural-Forms, not the locale's CLDR count
            merged.mime_headers = part.mime_headers
        for message in part:
            if message.id:
                merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged, use_fuzzy=False)
    target = folder / "LC_MESSAGES" / "lerkit.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return target


class CatalogHook(BuildHookInterface):  # type: ignore[misc]
    """Compile every language's catalog before the wheel is assembled."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        locale_dir = Path(self.root) / "src" / "lerkit" / "locale"
        for folder in sorted(p for p in locale_dir.iterdir() if p.is_dir()):
            compiled = compile_language(folder)
            relative = compiled.relative_to(Path(self.root) / "src")
            build_data["force_include"][str(compiled)] = str(relative)
