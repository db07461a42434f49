"""Which marked messages lack a translation, as ``.po`` entries ready to fill in.

    python scripts/translations.py [--language es] [--under src/lerkit/tui]

Prints a ``msgid``/empty ``msgstr`` pair for every message marked with ``_()``, ``N_()``
or ``ngettext()`` under the folder (default: the whole package) that the language's
catalogs (``src/lerkit/locale/<lang>/*.po``) do not translate. Exit code 1 when any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from lerkit.core.catalogs import marked_messages, merged_catalog
from lerkit.core.i18n import LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "lerkit"


def missing(language: str, under: Path) -> dict[str, list[str]]:
    """Marked messages under ``under`` with no translation in ``language``."""
    catalog = merged_catalog(sorted((LOCALE_DIR / language).glob("*.po")), language)
    marked = marked_messages(PACKAGE)
    prefix = str(under.resolve().relative_to(PACKAGE.parent))
    result = {}
    for message, places in marked.items():
        if not any(place.startswith(prefix) for place in places):
            continue
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            result[message] = places
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", default="es")
    parser.add_argument("--under", type=Path, default=PACKAGE)
    args = parser.parse_args()
    gaps = missing(args.language, args.under)
    stub = Catalog(locale=args.language)
    for message, places in gaps.items():
        locations = [(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1])) for p in places]
        stub.add(message, "", locations=locations)
    write_po(sys.stdout.buffer, stub, omit_header=True, width=88)
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
