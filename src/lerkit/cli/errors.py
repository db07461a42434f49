"""Turning errors into one-line messages and exit codes, never tracebacks."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import typer
from typer.core import TyperGroup

from lerkit.core.errors import LerError

EXIT_INTERNAL = 3


def say_error(message: str) -> None:
    """Print one line on stderr, prefixed with the command name."""
    line = " ".join(message.split()) if "\n" not in message.strip() else message.strip()
    typer.echo(f"ler: error: {line}", err=True)


class LerGroup(TyperGroup):
    """The root command group: catches lerkit's errors and reports them plainly."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except LerError as exc:
            say_error(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if _is_click_exception(exc):
                raise
            if os.environ.get("LER_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            say_error(
                f"unexpected {type(exc).__name__}: {exc} "
                "(this is a bug in lerkit; set LER_DEBUG=1 to see details)"
            )
            raise typer.Exit(EXIT_INTERNAL) from None


def _is_click_exception(exc: BaseException) -> bool:
    return any(cls.__name__ in ("ClickException", "Exit", "Abort") for cls in type(exc).__mro__)
