"""``ler evidence``: list, edit and delete what backs a person's skills; ``ler evidence
dates`` corrects when an experience happened."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption, PersonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _

app = typer.Typer(help=_("Evidence: notes, links and files behind a person's skills."),
                  no_args_is_help=True)
EvidenceId = Annotated[str, typer.Argument(help=_("The evidence id (see: ler evidence list)."))]


@app.command("list", help=_("List a person's evidence with the skill or experience each backs."))
def list_(ctx: typer.Context, person: PersonOption, as_json: JsonOption = False) -> None:
    """List a person's evidence with the skill or experience each backs."""
    from lerkit.services import evidence

    found = evidence.list_evidence(lerkit_from(ctx), person)
    if as_json:
        print_json([asdict(item) for item in found])
        return
    if not found:
        note(_("No evidence yet. Add some in the interview or on the review screen."))
        return
    for item in found:
        what = item.url or item.file_name or item.narrative or item.name
        backs = item.skill or item.experience or _("the record")
        when = f" ({item.dated})" if item.dated else ""
        typer.echo(f"{item.id}  {item.kind:<4}  {backs}: {what[:60]}{when}")


@app.command("edit", help=_(
    "Change a piece of evidence; each value is checked before anything is saved."))
def edit(
    ctx: typer.Context,
    evidence_id: EvidenceId,
    name: Annotated[str | None, typer.Option(help=_("A short title."))] = None,
    note_text: Annotated[str | None, typer.Option("--note", help=_("What it shows."))] = None,
    url: Annotated[str | None, typer.Option(help=_("A new web address (links only)."))] = None,
    date: Annotated[str | None, typer.Option(
        help=_('When: "2019", "May 2019", "spring 2019" or "ongoing"; "" clears it.'))] = None,
) -> None:
    """Change a piece of evidence; each value is checked before anything is saved."""
    from lerkit.services import evidence

    changed = evidence.edit_evidence(lerkit_from(ctx), evidence_id, name=name,
                                     note=note_text, url=url, dated=date)
    note(_("Changed: {fields}.").format(fields=", ".join(changed)) if changed
         else _("Nothing changed."))


@app.command("delete", help=_("Delete a piece of evidence."))
def delete(ctx: typer.Context, evidence_id: EvidenceId) -> None:
    """Delete a piece of evidence."""
    from lerkit.services import evidence

    evidence.delete_evidence(lerkit_from(ctx), evidence_id)
    note(_("Deleted evidence {id}.").format(id=evidence_id))


@app.command("dates", help=_("Correct when an experience happened."))
def dates(
    ctx: typer.Context,
    experience_id: Annotated[str, typer.Argument(
        help=_("The experience id (see: ler person show --person ID)."))],
    start: Annotated[str | None, typer.Option("--from", help=_("When it began."))] = None,
    end: Annotated[str | None, typer.Option("--to", help=_('When it ended, or "ongoing".'))
                   ] = None,
    ongoing: Annotated[bool | None, typer.Option(
        "--ongoing/--ended", help=_("Whether it still goes on."))] = None,
) -> None:
    """Correct when an experience happened."""
    from lerkit.services import evidence

    changed = evidence.edit_experience_dates(lerkit_from(ctx), experience_id, started=start,
                                             ended=end, ongoing=ongoing)
    note(_("Dates saved.") if changed else _("Nothing changed."))
