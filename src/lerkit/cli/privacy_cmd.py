"""``ler privacy``: what in a person's record names health, a disability, a child or a
religion, as an export's privacy check would show it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption, PersonOption, command_help
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _


@command_help(_("List the passages an export's privacy check would ask about."))
def privacy(
    ctx: typer.Context,
    person: PersonOption,
    words: Annotated[Path | None, typer.Option(
        "--words", help=_("A coach's own word lists (see docs/privacy-check.md)."))] = None,
    as_json: JsonOption = False,
) -> None:
    """List the passages an export's privacy check would ask about."""
    from lerkit.services import privacy as check

    found = check.check(lerkit_from(ctx), person, words=words)
    if as_json:
        print_json([{"where": p.where, "kinds": list(p.kinds), "words": list(p.words),
                     "sentence": p.sentence} for p in found])
        return
    if not found:
        note(_("Nothing in this record names health, a disability, a child or a religion."))
        return
    for number, passage in enumerate(found, start=1):
        typer.echo(_("{number}. {kinds} ({words}) in {where}:").format(
            number=number, kinds=", ".join(passage.kinds), words=", ".join(passage.words),
            where=passage.where))
        typer.echo(f"   {passage.sentence}")
