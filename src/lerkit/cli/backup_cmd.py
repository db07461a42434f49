"""``ler backup`` and ``ler restore``: the whole database, for coaches and centers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import command_help
from lerkit.cli.output import note
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _


def _rows(counts: dict[str, int]) -> str:  # table names: the same in every language
    keep = ("person", "experience", "claim", "evidence", "endorsement", "auditevent")
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in keep)


@command_help(_("Back up the whole database while lerkit goes on being used."))
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The backup file to write."))],
    fmt: Annotated[str, typer.Option(
        "--format", help=_("sqlite (a consistent copy of a SQLite database), dump (lerkit's "
        "logical export, any database) or auto (sqlite on SQLite, dump on PostgreSQL)."))
    ] = "auto",
) -> None:
    """Back up the whole database while lerkit goes on being used."""
    from lerkit.services import backup as backups

    result = backups.backup(lerkit_from(ctx), file, fmt)
    note(_("Wrote a {format} backup (schema {version}) to {path}: {rows}.").format(
        format=result.format, version=result.schema_version, path=result.path,
        rows=_rows(result.rows)))
    note(_("It holds personal data: keep it as safe as the database itself."))


@command_help(_("Restore a backup into an empty database (one transaction: all or nothing)."))
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("A file written by ler backup."))],
    replace: Annotated[bool, typer.Option(
        "--replace", help=_("Delete everything in the target database first (its audit log "
        "included) instead of refusing a database that is not empty."))] = False,
) -> None:
    """Restore a backup into an empty database (one transaction: all or nothing)."""
    from lerkit.services import restore as restores

    result = restores.restore(lerkit_from(ctx), file, replace=replace)
    said = (_("Replaced the database with the {format} backup {path} (schema {version}): "
              "{rows}.") if result.replaced
            else _("Restored the {format} backup {path} (schema {version}): {rows}."))
    note(said.format(format=result.format, path=result.path, version=result.schema_version,
                     rows=_rows(result.rows)))
