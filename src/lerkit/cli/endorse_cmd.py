"""``ler endorse``: review a worker's bundle and countersign some of its claims."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lerkit.cli.options import command_help
from lerkit.cli.output import interactive, note
from lerkit.cli.passphrase import get_passphrase, writable
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _, ngettext

if TYPE_CHECKING:
    from lerkit.services.endorsing import BundleReview, EndorseResult


def _wrote(review: BundleReview, result: EndorseResult) -> None:
    """What was signed, by skill name, then the file's path (the only line on stdout)."""
    from lerkit.core.credentials.endorsement import endorsed_id

    ids = {endorsed_id(e) for e in result.endorsements}
    names = [c.skill for c in review.claims if c.credential_id in ids]
    count = len(result.endorsements)
    note(ngettext("Wrote {n} endorsement ({skills}) to {path}; send this file to the person.",
                  "Wrote {n} endorsements ({skills}) to {path}; send this file to the person.",
                  count).format(n=count, skills=", ".join(names), path=result.path))
    typer.echo(str(result.path))


def _claim_id(review: BundleReview, wanted: str) -> str:
    """A claim named by its id or by its skill name (any case), as the screen shows it."""
    if review.claim(wanted) is not None:
        return wanted
    named = [c for c in review.claims if c.skill.casefold() == " ".join(wanted.split()).casefold()]
    if len(named) == 1:
        return named[0].credential_id
    if named:
        raise BadInputError(_("{count} claims are named {name}: give the claim id that "
                              "`ler verify --json` shows").format(count=len(named),
                                                                  name=repr(wanted)))
    skills = "; ".join(c.skill for c in review.claims)
    raise NotFoundError(_("not a claim in this bundle: {claim} (its skills: {skills})").format(
        claim=wanted, skills=skills))


@command_help(_(
    "Endorse claims of a bundle; writes your signed endorsements (the bundle is unchanged)."))
def endorse(
    ctx: typer.Context,
    bundle: Annotated[Path, typer.Argument(help=_("The worker's bundle (from ler export)."))],
    out: Annotated[Path, typer.Option("--out", "-o", help=_("The endorsements file to write."))],
    claim: Annotated[list[str] | None, typer.Option(
        "--claim", help=_("A claim to endorse: its skill name as `ler verify` shows it, or "
        "its id (repeatable). Without --claim, the review screen opens."))] = None,
    comment: Annotated[str | None, typer.Option(
        "--comment", help=_("What you saw the person do (one comment for every claim)."))
    ] = None,
    relationship: Annotated[str | None, typer.Option(
        "--relationship", help=_("How you know the person: supervisor, co-worker, pastor..."))
    ] = None,
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", help=_("Folder with the evidence files (default: next to the bundle)."))
    ] = None,
) -> None:
    """Endorse claims of a bundle; writes your signed endorsements (the bundle is unchanged)."""
    from lerkit.services import endorsers, endorsing

    ler = lerkit_from(ctx)
    review = endorsing.review_bundle(bundle, evidence)
    if not claim:
        if not interactive():
            raise BadInputError(_("give --claim, --comment and --relationship, or run at a "
                                  "terminal for the review screen"))
        me = endorsers.show_endorser(ler).profile  # a clear error before the screen opens
        from lerkit.tui.endorse_app import make_endorse_app

        signer = f"{me.name} ({me.organization})" if me.organization else me.name
        done = make_endorse_app(ler, review, out, signer=signer).run()
        if done is None:
            note(_("Nothing was signed."))
            return
        _wrote(review, done)
        return
    if relationship is None or comment is None:
        raise BadInputError(_("with --claim, give --comment and --relationship too"))
    endorsers.show_endorser(ler)  # checked before the passphrase is asked for
    claim_ids = [_claim_id(review, wanted) for wanted in claim]
    writable(out)
    passphrase = get_passphrase()
    result = endorsing.endorse(ler, review, out, passphrase, claim_ids=claim_ids,
                               relationship=relationship, comment=comment)
    _wrote(review, result)
