"""Options that many commands share, defined once so they read the same everywhere."""

from __future__ import annotations

from typing import Annotated

import typer

PERSON_FLAGS = ("--person", "-p")
PERSON_HELP = "The person's id."

PersonOption = Annotated[str, typer.Option(*PERSON_FLAGS, help=PERSON_HELP)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
