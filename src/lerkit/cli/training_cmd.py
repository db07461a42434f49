"""``ler training``: the training catalogue a coach keeps (programs and what they teach)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _

app = typer.Typer(help=_("Training programs and what they teach: import a catalogue, list it."),
                  no_args_is_help=True)


@app.command("import", help=_(
    "Import a training catalogue, in place of an earlier one of the same name."))
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help=_("A catalogue: .yaml or .csv (see docs)."))],
) -> None:
    """Import a training catalogue, in place of an earlier one of the same name."""
    from lerkit.services import training

    catalogue = training.import_catalogue(lerkit_from(ctx), path)
    said = (_("Catalogue {name} (an example catalogue): {count} programs imported.")
            if catalogue.example else _("Catalogue {name}: {count} programs imported."))
    typer.echo(said.format(name=repr(catalogue.name), count=len(catalogue.programs)))


@app.command("list", help=_("The imported programs, catalogue by catalogue."))
def list_(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The imported programs, catalogue by catalogue."""
    from lerkit.services import training

    found = training.catalogues(lerkit_from(ctx))
    if as_json:
        print_json([{"catalogue": c.name, "example": c.example,
                     "programs": [{"id": p.id, "program": p.program, "provider": p.provider,
                                   "place": p.place, "cost": p.cost, "length": p.length,
                                   "occupations": list(p.occupations),
                                   "activities": list(p.activities),
                                   "competencies": list(p.competencies)}
                                  for p in c.programs]} for c in found])
        return
    if not found:
        typer.echo(_("No training catalogue yet: ler training import FILE (ler training "
                     "example prints one to start from)."))
    for c in found:
        typer.echo((_("{name} (example):") if c.example else "{name}:").format(name=c.name))
        for p in c.programs:
            facts = ", ".join(x for x in (p.provider, p.place, p.cost, p.length) if x)
            typer.echo(f"  {p.id}: {p.program} ({facts})")


@app.command("example", help=_(
    "Print the example catalogue that ships with lerkit, to start one from."))
def example() -> None:
    """Print the example catalogue that ships with lerkit, to start one from."""
    from lerkit.services import training

    typer.echo(training.example_path().read_text(encoding="utf-8"), nl=False)
