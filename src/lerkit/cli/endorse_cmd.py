"""``ler endorse``: review a worker's bundle and countersign some of its claims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import interactive, note
from lerkit.cli.passphrase import get_passphrase
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError


def endorse(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(help="The worker's bundle (from ler export).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The endorsements file to write.")],
    claim: Annotated[list[str] | None, typer.Option(
        "--claim", help="A claim to endorse: its id as `ler verify --json` shows it "
        "(repeatable). Without --claim, the review screen opens.")] = None,
    comment: Annotated[str | None, typer.Option(
        "--comment", help="What you saw the person do (one comment for every claim).")] = None,
    relationship: Annotated[str | None, typer.Option(
        "--relationship", help="How you know the person: supervisor, co-worker, pastor...")
    ] = None,
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", help="Folder with the evidence files (default: next to the bundle).")
    ] = None,
) -> None:
    """Endorse claims of a bundle; writes your signed endorsements (the bundle is unchanged)."""
    from lerkit.services import endorsers, endorsing

    ler = lerkit_from(ctx)
    review = endorsing.review_bundle(bundle, evidence)
    if not claim:
        if not interactive():
            raise BadInputError("give --claim, --comment and --relationship, "
                                "or run at a terminal for the review screen")
        endorsers.show_endorser(ler)  # a clear error before the screen opens
        from lerkit.tui.endorse_app import make_endorse_app

        done = make_endorse_app(ler, review, out).run()
        if done is None:
            note("Nothing was signed.")
            return
        note(f"Wrote {len(done.endorsements)} endorsements to {done.path}; "
             "send this file to the person.")
        typer.echo(str(done.path))
        return
    if relationship is None or comment is None:
        raise BadInputError("with --claim, give --comment and --relationship too")
    passphrase = get_passphrase()
    result = endorsing.endorse(ler, review, out, passphrase, claim_ids=claim,
                               relationship=relationship, comment=comment)
    note(f"Wrote {len(result.endorsements)} endorsements to {result.path}; "
         "send this file to the person.")
    typer.echo(str(result.path))
