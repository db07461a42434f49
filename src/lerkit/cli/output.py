"""Writing results: data to stdout, messages to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer


def print_json(data: Any) -> None:
    """Write data as indented JSON on stdout."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def note(message: str) -> None:
    """A message for the person, on stderr (stdout stays clean for data)."""
    typer.echo(message, err=True)


def interactive() -> bool:
    """True when a person can answer a question at the terminal."""
    return sys.stdin is not None and sys.stdin.isatty()
