"""Every message lerkit marks for translation has a Spanish translation, and the catalogs
are well formed: placeholders kept, no message translated twice, none left unused."""

from __future__ import annotations

import gettext
import re
import string

import pytest

from lerkit.core import i18n
from lerkit.core.catalogs import (
    compile_catalog,
    marked_messages,
    marked_plurals,
    merged_catalog,
)
from lerkit.core.errors import BadInputError
from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "lerkit"
LANGUAGES = [code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE]


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_message_is_translated(language: str) -> None:
    catalog = merged_catalog(sorted((i18n.LOCALE_DIR / language).glob("*.po")), language)
    untranslated = []
    for message, places in sorted(marked_messages(PACKAGE).items()):
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            untranslated.append(f"{places[0]}: {message!r}")
    assert not untranslated, (
        f"{len(untranslated)} messages have no {language} translation "
        "(python scripts/translations.py prints them as .po entries):\n"
        + "\n".join(untranslated[:40])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_has_its_forms(language: str) -> None:
    catalog = merged_catalog(sorted((i18n.LOCALE_DIR / language).glob("*.po")), language)
    wrong = []
    for singular, plural in sorted(marked_plurals(PACKAGE).items()):
        entry = catalog.get(singular)
        ids = list(entry.id) if entry is not None and isinstance(entry.id, (tuple, list)) else []
        forms = list(entry.string) if entry is not None and isinstance(
            entry.string, (tuple, list)) else []
        if ids != [singular, plural] or len(forms) != catalog.num_plurals or not all(forms):
            wrong.append(f"{singular!r} / {plural!r}")
    assert not wrong, "plurals without msgid_plural and every msgstr[n]:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_are_used(language: str) -> None:
    catalog = merged_catalog(sorted((i18n.LOCALE_DIR / language).glob("*.po")), language)
    marked = marked_messages(PACKAGE)
    wrong, unused = [], []
    for entry in catalog:
        if not entry.id:
            continue
        ids = tuple(entry.id) if isinstance(entry.id, (tuple, list)) else (entry.id,)
        strings = (
            tuple(entry.string) if isinstance(entry.string, (tuple, list)) else (entry.string,)
        )
        if ids[0] not in marked:
            unused.append(ids[0])
        for translated in strings:
            if translated and _fields(translated) - _fields(ids[-1]) - {"n"}:
                wrong.append(f"{ids[0]!r} -> {translated!r}")
            if translated and len(ids) == 1 and _fields(translated) != _fields(ids[0]):
                wrong.append(f"{ids[0]!r} -> {translated!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)
    assert not unused, "translated but no longer marked in the code:\n" + "\n".join(unused)


def test_same_message_twice_is_refused(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for name in ("a.po", "b.po"):
        (folder / name).write_text('msgid "Save"\nmsgstr "Guardar"\n', encoding="utf-8")
    with pytest.raises(BadInputError, match="twice"):
        merged_catalog(sorted(folder.glob("*.po")))


def test_catalog_switches_language_and_back() -> None:
    catalog = compile_catalog(sorted((i18n.LOCALE_DIR / "es").glob("*.po")), "es")
    assert catalog.getvalue()[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
    compiled = gettext.GNUTranslations(catalog)  # Spanish has two forms here, as the files say
    assert compiled.ngettext("{n} skill found.", "{n} skills found.", 3).startswith("{n} habil")
    assert compiled.ngettext("{n} skill found.", "{n} skills found.", 1) != "{n} skill found."
    try:
        i18n.set_language("es")
        assert i18n._("English") == "Inglés"
        assert i18n.translate_in("en", "English") == "English"
    finally:
        i18n.set_language("en")
    assert i18n._("English") == "English"


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        (None, {}, "en"),
        ("es", {}, "es"),
        (None, {"LER_LANG": "es"}, "es"),
        (None, {"LANG": "es_US.UTF-8"}, "es"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        ("en", {"LER_LANG": "es"}, "en"),
        ("Español", {}, "es"),
    ],
)
def test_language_is_resolved(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert i18n.resolve_language(explicit, environ) == expected


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(BadInputError, match=re.escape("unknown language 'xx'")):
        i18n.resolve_language("xx", {})
