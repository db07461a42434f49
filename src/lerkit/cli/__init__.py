"""The ``ler`` command: a Typer application, one module per command group."""

from __future__ import annotations

from lerkit.cli.main import app, main

__all__ = ["app", "main"]
