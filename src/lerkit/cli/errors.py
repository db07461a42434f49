"""Turning errors into one-line messages and exit codes, never tracebacks."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import traceback
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from lerkit.core.errors import LerError
from lerkit.core.i18n import _
from lerkit.core.text_safety import visible

EXIT_INTERNAL = 3
# the reader of the output went away (`ler match ... | head -1`): the code a shell shows
# for a program stopped by SIGPIPE, as `cat` or `grep` would be
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE


def say_error(message: str) -> None:
    """Print one line on stderr, prefixed with the command name."""
    line = " ".join(message.split()) if "\n" not in message.strip() else message.strip()
    typer.echo(f"ler: error: {visible(line, multiline=True)}", err=True)  # quoted input shows


class LerGroup(TyperGroup):
    """The root command group: catches lerkit's errors and reports them plainly."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except LerError as exc:
            say_error(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
            raise  # Typer's own exits and usage errors, reported by Typer
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                _internal(exc)
            quiet_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:
            _internal(exc)


def _internal(exc: Exception) -> NoReturn:
    """Report an error lerkit did not expect, as one line (a traceback with LER_DEBUG)."""
    if os.environ.get("LER_DEBUG"):
        traceback.print_exception(exc, file=sys.stderr)
    say_error(_("unexpected {kind}: {error} (this is a bug in lerkit; set LER_DEBUG=1 to "
                "see details)").format(kind=type(exc).__name__, error=exc))
    raise typer.Exit(EXIT_INTERNAL) from None


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that output still buffered has nowhere to fail."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: no file descriptor
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def flush_stdout() -> None:
    """Write out what is buffered before exit; a reader that has gone is not an error."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        raise SystemExit(EXIT_BROKEN_PIPE) from None
    except (OSError, ValueError):  # stdout closed or unusable: nothing more to say
        pass
