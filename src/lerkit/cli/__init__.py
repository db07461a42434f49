"""The ``ler`` command: a Typer application, one module per command group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lerkit.cli.main import main, make_cli

if TYPE_CHECKING:
    import typer

    app: typer.Typer

__all__ = ["app", "main", "make_cli"]


def __getattr__(name: str) -> Any:
    """``app``: the whole ``ler`` application with every command (built on first use)."""
    if name == "app":
        built = make_cli()
        globals()["app"] = built
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
