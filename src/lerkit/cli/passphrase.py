"""Getting a passphrase: ``LER_PASSPHRASE`` for scripts, else a hidden prompt."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from lerkit.cli.output import interactive, note
from lerkit.core.errors import BadInputError, PassphraseError
from lerkit.core.i18n import _


def get_passphrase(prompt: str | None = None, *, env: str = "LER_PASSPHRASE") -> str:
    """The passphrase from the environment or typed (never echoed)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    _need_terminal(env)
    return str(typer.prompt(prompt or _("Passphrase"), hide_input=True))


def new_passphrase(prompt: str | None = None, *, env: str = "LER_PASSPHRASE",
                   optional: bool = False) -> str:
    """A passphrase to seal something with, typed twice; the prompt says the minimum length.

    One that is too short is refused at once and asked again. With ``optional``, Enter
    gives "" (keep the current one).
    """
    from lerkit.services.keys import MIN_PASSPHRASE

    value = os.environ.get(env)
    if value is not None:
        return value
    _need_terminal(env)
    rule = _("at least {count} characters").format(count=MIN_PASSPHRASE)
    hint = _("{rule}; Enter to keep the current one").format(rule=rule) if optional else rule
    asked = prompt or _("New passphrase")
    while True:
        first = str(typer.prompt(f"{asked} ({hint})", hide_input=True, show_default=False,
                                 default="" if optional else None))
        if optional and not first:
            return ""
        if len(first) < MIN_PASSPHRASE:
            note(_("That is too short: use {rule}.").format(rule=rule))
        elif str(typer.prompt(_("Type it again"), hide_input=True)) != first:
            note(_("The two were not the same; please try again."))
        else:
            return first


def will_prompt(env: str = "LER_PASSPHRASE") -> bool:
    """True when the passphrase is to be typed (not given in the environment)."""
    return env not in os.environ


def _need_terminal(env: str) -> None:
    if not interactive():
        raise PassphraseError(_("a passphrase is needed: run at a terminal or set {variable}"
                                ).format(variable=env))


# What a command can check before it asks for a passphrase, so that nobody types one in
# vain: the file to read exists, the folder to write into exists.

def readable(path: Path) -> Path:
    """A file that can be read."""
    if not path.exists():
        raise BadInputError(_("{path}: no such file").format(path=path))
    if path.is_dir():
        raise BadInputError(_("{path}: is a folder, not a file").format(path=path))
    if not os.access(path, os.R_OK):
        raise BadInputError(_("{path}: permission denied").format(path=path))
    return path


def writable(path: Path) -> Path:
    """A file whose folder exists (the file itself is written later)."""
    folder = path.expanduser().resolve().parent
    if not folder.is_dir():
        raise BadInputError(_("cannot write {path}: folder {folder} does not exist").format(
            path=path, folder=folder))
    if path.is_dir():
        raise BadInputError(_("cannot write {path}: it is a folder").format(path=path))
    return path
