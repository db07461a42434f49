"""``ler backup`` and ``ler restore``: the whole database, for coaches and centers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import note
from lerkit.cli.state import lerkit_from


def _rows(counts: dict[str, int]) -> str:
    keep = ("person", "experience", "claim", "evidence", "endorsement", "auditevent")
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in keep)


def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The backup file to write.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="sqlite (a consistent copy of a SQLite database), dump (lerkit's "
        "logical export, any database) or auto (sqlite on SQLite, dump on PostgreSQL).")
    ] = "auto",
) -> None:
    """Back up the whole database while lerkit goes on being used."""
    from lerkit.services import backup as backups

    result = backups.backup(lerkit_from(ctx), file, fmt)
    note(f"Wrote a {result.format} backup (schema {result.schema_version}) to {result.path}: "
         f"{_rows(result.rows)}.")
    note("It holds personal data: keep it as safe as the database itself.")


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A file written by ler backup.")],
    replace: Annotated[bool, typer.Option(
        "--replace", help="Delete everything in the target database first (its audit log "
        "included) instead of refusing a database that is not empty.")] = False,
) -> None:
    """Restore a backup into an empty database (one transaction: all or nothing)."""
    from lerkit.services import restore as restores

    result = restores.restore(lerkit_from(ctx), file, replace=replace)
    verb = "Replaced the database with" if result.replaced else "Restored"
    note(f"{verb} the {result.format} backup {result.path} (schema {result.schema_version}): "
         f"{_rows(result.rows)}.")
