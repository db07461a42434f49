"""``ler evidence``: list, edit and delete what backs a person's skills; ``ler evidence
dates`` corrects when an experience happened."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption, PersonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from

app = typer.Typer(help="Evidence: notes, links and files behind a person's skills.",
                  no_args_is_help=True)
EvidenceId = Annotated[str, typer.Argument(help="The evidence id (see: ler evidence list).")]


@app.command("list")
def list_(ctx: typer.Context, person: PersonOption, as_json: JsonOption = False) -> None:
    """List a person's evidence with the skill or experience each backs."""
    from lerkit.services import evidence

    found = evidence.list_evidence(lerkit_from(ctx), person)
    if as_json:
        print_json([asdict(item) for item in found])
        return
    if not found:
        note("No evidence yet. Add some in the interview or on the review screen.")
        return
    for item in found:
        what = item.url or item.file_name or item.narrative or item.name
        backs = item.skill or item.experience or "the record"
        when = f" ({item.dated})" if item.dated else ""
        typer.echo(f"{item.id}  {item.kind:<4}  {backs}: {what[:60]}{when}")


@app.command("edit")
def edit(
    ctx: typer.Context,
    evidence_id: EvidenceId,
    name: Annotated[str | None, typer.Option(help="A short title.")] = None,
    note_text: Annotated[str | None, typer.Option("--note", help="What it shows.")] = None,
    url: Annotated[str | None, typer.Option(help="A new web address (links only).")] = None,
    date: Annotated[str | None, typer.Option(
        help='When: "2019", "May 2019", "spring 2019" or "ongoing"; "" clears it.')] = None,
) -> None:
    """Change a piece of evidence; each value is checked before anything is saved."""
    from lerkit.services import evidence

    changed = evidence.edit_evidence(lerkit_from(ctx), evidence_id, name=name,
                                     note=note_text, url=url, dated=date)
    note(f"Changed: {', '.join(changed)}." if changed else "Nothing changed.")


@app.command("delete")
def delete(ctx: typer.Context, evidence_id: EvidenceId) -> None:
    """Delete a piece of evidence."""
    from lerkit.services import evidence

    evidence.delete_evidence(lerkit_from(ctx), evidence_id)
    note(f"Deleted evidence {evidence_id}.")


@app.command("dates")
def dates(
    ctx: typer.Context,
    experience_id: Annotated[str, typer.Argument(
        help="The experience id (see: ler person show --person ID).")],
    start: Annotated[str | None, typer.Option("--from", help="When it began.")] = None,
    end: Annotated[str | None, typer.Option("--to", help='When it ended, or "ongoing".')
                   ] = None,
    ongoing: Annotated[bool | None, typer.Option(
        "--ongoing/--ended", help="Whether it still goes on.")] = None,
) -> None:
    """Correct when an experience happened."""
    from lerkit.services import evidence

    changed = evidence.edit_experience_dates(lerkit_from(ctx), experience_id, started=start,
                                             ended=end, ongoing=ongoing)
    note("Dates saved." if changed else "Nothing changed.")
