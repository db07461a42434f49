"""Getting a passphrase: ``LER_PASSPHRASE`` for scripts, else a hidden prompt."""

from __future__ import annotations

import os

import typer

from lerkit.cli.output import interactive
from lerkit.core.errors import PassphraseError


def get_passphrase(prompt: str = "Passphrase", *, confirm: bool = False,
                   env: str = "LER_PASSPHRASE") -> str:
    """The passphrase from the environment or typed (never echoed)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not interactive():
        raise PassphraseError(f"a passphrase is needed: run at a terminal or set {env}")
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))
