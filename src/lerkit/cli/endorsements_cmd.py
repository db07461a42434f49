"""``ler endorsements``: import an endorser's file into a person's record; list them."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption, PersonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _
from lerkit.core.text_safety import visible

app = typer.Typer(help=_("Endorsements a person received: import and list."),
                  no_args_is_help=True)


@app.command("import", help=_(
    "Verify each endorsement against the person's exported claims, then store them."))
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The endorser's file (from ler endorse)."))],
    person: PersonOption,
) -> None:
    """Verify each endorsement against the person's exported claims, then store them."""
    from lerkit.services import endorsements

    result = endorsements.import_endorsements(lerkit_from(ctx), file, person)
    if result.already_held:
        note(_("{count} endorsements were already held.").format(count=result.already_held))
    note(_("Imported {count} endorsements; later exports carry them.").format(
        count=result.imported))
    typer.echo(str(result.imported))


@app.command("list", help=_("Each accepted claim with its endorsements and tier."))
def list_(
    ctx: typer.Context,
    person: PersonOption,
    trust: Annotated[Path | None, typer.Option(
        "--trust", help=_("A trust list (YAML) to rate the endorsers."))] = None,
    as_json: JsonOption = False,
) -> None:
    """Each accepted claim with its endorsements and tier."""
    from lerkit.core.credentials.report import TIER_WORDS
    from lerkit.core.credentials.trust import load_trust_list
    from lerkit.services import endorsements

    trusted = load_trust_list(trust) if trust is not None else None
    found = endorsements.claim_endorsements(lerkit_from(ctx), person, trusted)
    if as_json:
        print_json([asdict(claim) for claim in found])
        return
    for claim in found:
        typer.echo(f"{visible(claim.skill)} [{claim.claim_id}]: "
                   f"{TIER_WORDS.get(claim.tier, claim.tier)}")
        for e in claim.endorsements:
            standing = f"; {e.standing}: {e.trusted_as}" if e.trusted_as else ""
            who = visible(f"{e.endorser_name or e.endorser_did} ({e.relationship}{standing})")
            typer.echo(_("    by {endorser}").format(endorser=who))
