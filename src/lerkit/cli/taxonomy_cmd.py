"""``ler taxonomy``: import, list, show and search competency taxonomies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from

app = typer.Typer(help="Competency taxonomies: import, list, show, search, default.",
                  no_args_is_help=True)


@app.command("import")
def import_(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Argument(metavar="FORMAT", help="onet, esco, case, rsd, yaml, csv or jsonl.")
    ],
    path: Annotated[Path, typer.Argument(help="The file or folder to import.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Name to store it under (imports of one taxonomy).")
    ] = None,
) -> None:
    """Import (or update) taxonomies; re-importing never duplicates entries."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from lerkit.services import taxonomies

    ler = lerkit_from(ctx)
    note(f"Reading {path} ...")
    parsed = taxonomies.parse(fmt.lower(), path, name)
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        tasks: dict[str, object] = {}

        def step(tax_name: str, done: int, total: int) -> None:
            if tax_name not in tasks:
                tasks[tax_name] = bar.add_task(f"saving {tax_name}", total=total)
            bar.update(tasks[tax_name], completed=done)  # type: ignore[arg-type]

        results = taxonomies.store(ler, parsed, fmt.lower(), step)
    for r in results:
        change = "unchanged" if r.unchanged_hash else f"{r.added} new, {r.removed} removed"
        typer.echo(f"{r.name}: {r.total} entries ({change})")
    from lerkit.services import matching

    for r in results:  # the match indexes are built now, not at the first suggestion
        note(f"Building the match index of {r.name} ...")
        matching.prepare(ler, r.name)


@app.command("list")
def list_(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List stored taxonomies."""
    from lerkit.services import taxonomies

    found = taxonomies.list_taxonomies(lerkit_from(ctx))
    if as_json:
        print_json([t.to_dict() for t in found])
        return
    for t in found:
        mark = "  [default search]" if t.in_default_search else ""
        typer.echo(f"{t.name:<20} {t.size:>7} entries  {t.title} ({t.format}){mark}")


@app.command("default")
def default(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Taxonomy name.")],
    off: Annotated[bool, typer.Option("--off", help="Take it out of the default search.")] = False,
) -> None:
    """Search a taxonomy by default (interview suggestions, `ler match`), e.g. ESCO."""
    from lerkit.services import taxonomies

    taxonomies.set_default(lerkit_from(ctx), name, on=not off)
    typer.echo(f"{name}: {'not ' if off else ''}in the default search")


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Taxonomy name.")],
    competency_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="An entry to show in full.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show a taxonomy's header and first entries, or one entry in full."""
    from lerkit.services import taxonomies

    ler = lerkit_from(ctx)
    if competency_id is None:
        tax = taxonomies.load(ler, name)
        if as_json:
            print_json(
                {
                    "name": tax.name,
                    "title": tax.title,
                    "framework": tax.framework,
                    "size": len(tax.competencies),
                    "categories": [c.__dict__ for c in tax.categories],
                }
            )
            return
        typer.echo(f"{tax.title} ({tax.name}), {len(tax.competencies)} entries")
        for comp in tax.competencies[:20]:
            typer.echo(f"  {comp.id}  {comp.label}")
        if len(tax.competencies) > 20:
            typer.echo(f"  ... and {len(tax.competencies) - 20} more")
        return
    tax, comp = taxonomies.competency(ler, name, competency_id)
    if as_json:
        print_json({**comp.__dict__, "url": tax.competency_url(comp)})
        return
    typer.echo(f"{comp.label} ({comp.id})")
    typer.echo(f"  {comp.description}")
    for title, items in (("Also called", comp.alt_labels), ("Everyday words", comp.phrasings)):
        if items:
            typer.echo(f"  {title}: " + "; ".join(items))
    for scheme, ids in comp.crosswalk.items():
        typer.echo(f"  {scheme}: {', '.join(ids)}")


@app.command("search")
def search(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Taxonomy name.")],
    text: Annotated[str, typer.Argument(help="Words to look for.")],
    top: Annotated[int, typer.Option("--top", min=1, max=200)] = 10,
    as_json: JsonOption = False,
) -> None:
    """Search one taxonomy (by words and by meaning) and say why each entry matched."""
    from lerkit.services import matching

    found = matching.matcher_for(lerkit_from(ctx), name, bridged=False).match(text, top=top)
    if as_json:
        print_json(
            [
                {"id": m.competency_id, "label": m.label, "score": round(m.score, 1), "why": m.why}
                for m in found
            ]
        )
        return
    for m in found:
        typer.echo(f"{m.score:5.1f}  {m.competency_id}  {m.label}")
