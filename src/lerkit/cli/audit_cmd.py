"""``ler audit``: the log of who did what, and when (a coach sees their caseload's)."""

from __future__ import annotations

from typing import Annotated

import typer

from lerkit.cli.options import PERSON_FLAGS, JsonOption, command_help
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _


@command_help(_("Show the audit log, newest first: changes, reads, exports and backups."))
def audit(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(
        *PERSON_FLAGS, help=_("Only this person's events."))] = None,
    limit: Annotated[int, typer.Option(
        "--limit", min=1, help=_("At most this many events, newest first."))] = 1000,
    as_json: JsonOption = False,
) -> None:
    """Show the audit log, newest first: changes, reads, exports and backups."""
    from lerkit.services import audit_log

    found = audit_log.events(lerkit_from(ctx), person, limit)
    if as_json:
        print_json([e.to_dict() for e in found])
        return
    if not found:
        note(_("No events."))
        return
    for event in found:
        typer.echo(event.line())
