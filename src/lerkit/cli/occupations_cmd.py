"""``ler occupations``: O*NET's work activities and occupations that lerkit ships."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _

app = typer.Typer(help=_("O*NET work activities and occupations: which release, refresh it."),
                  no_args_is_help=True)


@app.command("import", help=_(
    "Use a newer O*NET release for the work activities and occupations lerkit ships."))
def import_(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help="onet")],
    path: Annotated[Path, typer.Argument(
        help=_("The folder of an O*NET text release, or a folder that holds it (one or two "
        "levels down, as O*NET's download unzips)."))],
) -> None:
    """Use a newer O*NET release for the work activities and occupations lerkit ships."""
    from lerkit.services import occupations

    if fmt.lower() != "onet":
        raise BadInputError(_("unknown format {value}; use onet").format(value=repr(fmt)))
    if not path.is_dir():
        raise BadInputError(_("{path}: an O*NET import needs the folder of O*NET text files"
                              ).format(path=path))
    note(_("Reading {path} ...").format(path=path))
    info = occupations.import_onet(lerkit_from(ctx), path)
    if info.source is not None and info.source != path:
        note(_("Read the O*NET files in {folder}").format(folder=info.source))
    if info.skills_file is not None:
        note(_("Skill ratings from {file}").format(file=info.skills_file))
    typer.echo(_("O*NET {release}: {activities} work activities, {occupations} occupations, "
                 "in use from now on ({path})").format(
        release=info.release, activities=info.activities, occupations=info.occupations,
        path=info.path))


@app.command("info", help=_("Which O*NET release lerkit uses, and its attribution."))
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
    where = (_("shipped with lerkit") if found.shipped
             else _("imported ({path})").format(path=found.path))
    typer.echo(_("O*NET {release}, {where}: {activities} work activities, {occupations} "
                 "occupations.").format(release=found.release, where=where,
                                        activities=found.activities,
                                        occupations=found.occupations))
    typer.echo(found.attribution)
