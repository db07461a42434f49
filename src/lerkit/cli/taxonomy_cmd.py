"""``ler taxonomy``: import, list, show and search competency taxonomies."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import N_, _

app = typer.Typer(help=_("Competency taxonomies: import, list, show, search, default."),
                  no_args_is_help=True)


@app.command("import", help=_(
    "Import (or update) taxonomies; re-importing never duplicates entries."))
def import_(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Argument(metavar="FORMAT",
                            help=_("onet, esco, case, rsd, yaml, csv or jsonl."))
    ],
    path: Annotated[Path, typer.Argument(help=_("The file or folder to import."))],
    name: Annotated[
        str | None,
        typer.Option("--name", help=_("Name to store it under (imports of one taxonomy)."))
    ] = None,
    language: Annotated[
        str,
        typer.Option("--language", help=_(
            "Language of the files (esco): another than en adds its labels beside the "
            "English ones."))
    ] = "en",
) -> None:
    """Import (or update) taxonomies; re-importing never duplicates entries."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from lerkit.services import taxonomies

    ler = lerkit_from(ctx)
    note(_("Reading {path} ...").format(path=path))
    parsed = taxonomies.beside_stored(
        ler, taxonomies.parse(fmt.lower(), path, name, language.lower()), fmt.lower(),
        language.lower())
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
                tasks[tax_name] = bar.add_task(_("saving {name}").format(name=tax_name),
                                               total=total)
            bar.update(tasks[tax_name], completed=done)  # type: ignore[arg-type]

        results = taxonomies.store(ler, parsed, fmt.lower(), step)
    for r in results:
        change = (_("unchanged") if r.unchanged_hash
                  else _("{added} new, {removed} removed").format(added=r.added,
                                                                  removed=r.removed))
        typer.echo(_("{name}: {count} entries ({change})").format(
            name=r.name, count=r.total, change=change))
    from lerkit.services import matching

    for r in results:  # the match indexes are built now, not at the first suggestion
        note(_("Building the match index of {name} ...").format(name=r.name))
        matching.prepare(ler, r.name)


@app.command("list", help=_("List stored taxonomies."))
def list_(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List stored taxonomies."""
    from lerkit.services import taxonomies

    found = taxonomies.list_taxonomies(lerkit_from(ctx))
    if as_json:
        print_json([t.to_dict() for t in found])
        return
    for t in found:
        mark = "  " + _("[default search]") if t.in_default_search else ""
        typer.echo(_("{name} {count} entries  {title} ({format}){mark}").format(
            name=f"{t.name:<20}", count=f"{t.size:>7}", title=t.title, format=t.format,
            mark=mark))


@app.command("default", help=_(
    "Search a taxonomy by default (interview suggestions, `ler match`), e.g. ESCO."))
def default(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("Taxonomy name."))],
    off: Annotated[bool, typer.Option("--off", help=_("Take it out of the default search."))
                   ] = False,
) -> None:
    """Search a taxonomy by default (interview suggestions, `ler match`), e.g. ESCO."""
    from lerkit.services import taxonomies

    taxonomies.set_default(lerkit_from(ctx), name, on=not off)
    said = _("{name}: not in the default search") if off else _("{name}: in the default search")
    typer.echo(said.format(name=name))


@app.command("show", help=_("Show a taxonomy's header and first entries, or one entry in full."))
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("Taxonomy name."))],
    competency_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help=_("An entry to show in full."))
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
        typer.echo(_("{title} ({name}), {count} entries").format(
            title=tax.title, name=tax.name, count=len(tax.competencies)))
        for comp in tax.competencies[:20]:
            typer.echo(f"  {comp.id}  {comp.label}")
        if len(tax.competencies) > 20:
            typer.echo(_("  ... and {count} more").format(count=len(tax.competencies) - 20))
        return
    tax, comp = taxonomies.competency(ler, name, competency_id)
    if as_json:
        print_json({**comp.__dict__, "url": tax.competency_url(comp)})
        return
    typer.echo(f"{comp.label} ({comp.id})")
    typer.echo(f"  {comp.description}")
    for title, items in ((N_("Also called"), comp.alt_labels),
                         (N_("Everyday words"), comp.phrasings)):
        if items:
            typer.echo(f"  {_(title)}: " + "; ".join(items))
    for scheme, ids in comp.crosswalk.items():
        typer.echo(f"  {scheme}: {', '.join(ids)}")


@app.command("search", help=_(
    "Search one taxonomy (by words and by meaning) and say why each entry matched."))
def search(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("Taxonomy name."))],
    text: Annotated[str, typer.Argument(help=_("Words to look for."))],
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
