"""``ler training``: the training catalogue a coach keeps (programs and what they teach)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import print_json
from lerkit.cli.state import lerkit_from

app = typer.Typer(help="Training programs and what they teach: import a catalogue, list it.",
                  no_args_is_help=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A catalogue: .yaml or .csv (see docs).")],
) -> None:
    """Import a training catalogue, in place of an earlier one of the same name."""
    from lerkit.services import training

    catalogue = training.import_catalogue(lerkit_from(ctx), path)
    example = " (an example catalogue)" if catalogue.example else ""
    typer.echo(f"Catalogue {catalogue.name!r}{example}: {len(catalogue.programs)} programs "
               "imported.")


@app.command("list")
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
        typer.echo("No training catalogue yet: ler training import FILE "
                   "(ler training example prints one to start from).")
    for c in found:
        typer.echo(f"{c.name}{' (example)' if c.example else ''}:")
        for p in c.programs:
            facts = ", ".join(x for x in (p.provider, p.place, p.cost, p.length) if x)
            typer.echo(f"  {p.id}: {p.program} ({facts})")


@app.command("example")
def example() -> None:
    """Print the example catalogue that ships with lerkit, to start one from."""
    from lerkit.services import training

    typer.echo(training.example_path().read_text(encoding="utf-8"), nl=False)
