"""Options that many commands share, defined once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer

from lerkit.core.i18n import _

# read when a command module is imported: after ``ler`` has chosen the language
PERSON_FLAGS = ("--person", "-p")
PERSON_HELP = _("The person's id.")

PersonOption = Annotated[str, typer.Option(*PERSON_FLAGS, help=PERSON_HELP)]
JsonOption = Annotated[bool, typer.Option("--json", help=_("Print JSON."))]

Command = TypeVar("Command", bound=Callable[..., object])


def command_help(text: str) -> Callable[[Command], Command]:
    """The help ``ler --help`` and ``ler NAME --help`` show for a command that ``main``
    registers (in the language chosen; the docstring stays for developers)."""

    def attach(command: Command) -> Command:
        command.__dict__["ler_help"] = text
        return command

    return attach
