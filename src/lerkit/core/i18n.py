"""The language lerkit speaks: gettext catalogs, chosen by ``--lang``, ``LER_LANG`` or the locale.

Messages are written in English in the code and marked for translation:

* ``_("text")`` translates now, in the current language (use it where the text is shown:
  in ``compose``, when a message is built, in a command's output);
* ``N_("text")`` only marks a text kept in a constant (a binding, a table of labels); the
  code translates it with ``_()`` where it shows it, so a change of language shows;
* ``ngettext("one file", "{n} files", n)`` for plurals.

Catalogs are ``lerkit/locale/<lang>/*.po`` (one per part of lerkit, merged), compiled at
build time into ``lerkit/locale/<lang>/LC_MESSAGES/lerkit.mo``. A source checkout whose
``.po`` files are newer than the compiled catalog reads the ``.po`` files directly.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from lerkit.core.errors import BadInputError

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
DOMAIN = "lerkit"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_current: list[str] = [DEFAULT_LANGUAGE]


def normalize_language(value: str) -> str | None:
    """``"es"``, ``"es_US.UTF-8"``, ``"ES"`` or ``"Español"`` -> ``"es"``; None if unknown."""
    text = value.strip()
    for code, name in LANGUAGES.items():
        if text.casefold() == name.casefold():
            return code
    code = text.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].casefold()
    return code if code in LANGUAGES else None


def language_from_locale(environ: Mapping[str, str]) -> str | None:
    """The language named by the POSIX locale variables, if lerkit speaks it."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalize_language(value)
    return None


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``explicit`` (``--lang``), then ``LER_LANG``, then the locale.

    An unknown ``--lang`` or ``LER_LANG`` is an error; an unknown locale falls back to
    English.
    """
    env = os.environ if environ is None else environ
    for source, value in (("--lang", explicit), ("LER_LANG", env.get("LER_LANG"))):
        if value:
            code = normalize_language(value)
            if code is None:
                choices = ", ".join(LANGUAGES)
                raise BadInputError(f"{source}: unknown language {value!r} (choose {choices})")
            return code
    return language_from_locale(env) or DEFAULT_LANGUAGE


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog for ``language`` (English: the messages as written)."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    folder = LOCALE_DIR / language
    compiled = folder / "LC_MESSAGES" / f"{DOMAIN}.mo"
    sources = sorted(folder.glob("*.po"))
    newest_source = max((p.stat().st_mtime for p in sources), default=0.0)
    if compiled.is_file() and compiled.stat().st_mtime >= newest_source:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if sources:
        from lerkit.core.catalogs import compile_catalog

        return gettext.GNUTranslations(compile_catalog(sources))
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Speak ``language`` from now on (a code from :data:`LANGUAGES`)."""
    if language not in LANGUAGES:
        raise BadInputError(f"unknown language {language!r} (choose {', '.join(LANGUAGES)})")
    _current[0] = language


def current_language() -> str:
    """The language lerkit speaks now."""
    return _current[0]


def _(message: str) -> str:
    """``message`` in the current language."""
    if not message:
        return message
    return translations(_current[0]).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (see the module docs)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for ``count``, in the current language."""
    return translations(_current[0]).ngettext(singular, plural, count)


_NAMES = {"en": N_("English"), "es": N_("Spanish")}


def language_name(code: str) -> str:
    """The name of language ``code`` in the current language (``"es"`` -> "Spanish")."""
    return _(_NAMES.get(code, code))


def translate_in(language: str, message: str) -> str:
    """``message`` in ``language``, whatever the current language (for records)."""
    return translations(language).gettext(message) if message else message
