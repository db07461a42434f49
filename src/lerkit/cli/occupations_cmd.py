"""``ler occupations``: O*NET's work activities and occupations that lerkit ships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError

app = typer.Typer(help="O*NET work activities and occupations: which release, refresh it.",
                  no_args_is_help=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="onet")],
    path: Annotated[Path, typer.Argument(help="The folder of an O*NET text release.")],
) -> None:
    """Use a newer O*NET release for the work activities and occupations lerkit ships."""
    from lerkit.services import occupations

    if fmt.lower() != "onet":
        raise BadInputError(f"unknown format {fmt!r}; use onet")
    if not path.is_dir():
        raise BadInputError(f"{path}: an O*NET import needs the folder of O*NET text files")
    note(f"Reading {path} ...")
    info = occupations.import_onet(lerkit_from(ctx), path)
    typer.echo(f"O*NET {info.release}: {info.activities} work activities, "
               f"{info.occupations} occupations, in use from now on ({info.path})")


@app.command("info")
def info(ctx: typer.Context,
         as_json: JsonOption = False) -> None:
    """Which O*NET release lerkit uses, and its attribution."""
    from lerkit.services import occupations

    found = occupations.current(lerkit_from(ctx))
    if as_json:
        print_json({"release": found.release, "path": str(found.path),
                    "shipped": found.shipped, "activities": found.activities,
                    "occupations": found.occupations, "attribution": found.attribution})
        return
    where = "shipped with lerkit" if found.shipped else f"imported ({found.path})"
    typer.echo(f"O*NET {found.release}, {where}: {found.activities} work activities, "
               f"{found.occupations} occupations.")
    typer.echo(found.attribution)
