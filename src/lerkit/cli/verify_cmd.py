"""``ler verify``: check a bundle's structure, signatures, issuers, dates, evidence, endorsements.

With ``--trust FILE``, each claim's tier says whether its endorsers are unknown,
trusted or accredited according to that trust list.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import print_json
from lerkit.core.credentials.report import (
    KIND_ENDORSEMENTS,
    TIER_WORDS,
    BundleReport,
    EndorsementEntry,
)
from lerkit.core.errors import EXIT_CHECK_FAILED
from lerkit.core.files import read_bytes


def _endorsement_json(e: EndorsementEntry) -> dict[str, object]:
    return {"id": e.credential_id, "endorses": e.subject_id, "endorser": e.endorser,
            "endorser_name": e.endorser_name,
            "relationship": e.relationship, "organization": e.organization,
            "standing": e.standing, "trusted_as": e.trusted_as, "valid": e.valid,
            "errors": e.errors}


def _claims_json(report: BundleReport) -> list[dict[str, object]]:
    return [
        {"id": c.credential_id, "skill": c.skill, "valid": c.valid, "tier": c.tier,
         "tier_words": TIER_WORDS.get(c.tier, c.tier),
         "endorsers": [e.endorser_name or e.endorser for e in c.endorsements if e.valid],
         "endorsements": [_endorsement_json(e) for e in c.endorsements],
         "errors": c.errors}
        for c in report.claims
    ]


def _standing(e: EndorsementEntry) -> str:
    if not e.valid:
        return "NOT valid"
    if e.trusted_as:
        return f"valid; {e.standing}: {e.trusted_as}"
    return "valid; unknown endorser"


def _print_endorsements(report: BundleReport) -> None:
    verdict = "VALID" if report.valid else "NOT VALID"
    typer.echo(f"Endorsements: {len(report.endorsements)}, {verdict}")
    typer.echo("(Each one's link to the claim it endorses is checked with the bundle that "
               "holds the claim.)")
    for e in report.endorsements:
        mark = "ok  " if e.valid else "FAIL"
        typer.echo(f"  [{mark}] by {e.who} [{e.endorser}]: {_standing(e)}")
        typer.echo(f"         endorses: {e.subject_id}")
        if e.comment:
            typer.echo(f"         says: {e.comment}")
        for error in e.errors:
            typer.echo(f"         problem: {error}")
    for error in report.errors:
        typer.echo(f"Problem: {error}")


def _print_report(report: BundleReport) -> None:
    if report.kind == KIND_ENDORSEMENTS:
        _print_endorsements(report)
        return
    verdict = "VALID" if report.valid else "NOT VALID"
    typer.echo(f"Bundle {report.bundle_id or '(no id)'}: {verdict}")
    typer.echo(f"Holder: {report.holder or '(unknown)'}")
    typer.echo(f"Claims: {len(report.claims)}")
    for c in report.claims:
        mark = "ok  " if c.valid else "FAIL"
        typer.echo(f"  [{mark}] {c.skill or c.credential_id}: {TIER_WORDS.get(c.tier, c.tier)}")
        typer.echo(f"         id: {c.credential_id}")
        for e in c.endorsements:
            typer.echo(f"         endorsed by {e.who} [{e.endorser}]: {_standing(e)}")
        for error in c.errors:
            typer.echo(f"         problem: {error}")
    for e in report.endorsements:
        typer.echo(f"Endorsement of the person by {e.who}: {_standing(e)}")
    for error in report.errors:
        typer.echo(f"Problem: {error}")


def verify(
    file: Annotated[Path, typer.Argument(
        help="The bundle, a single credential, or an endorser's file to check.")],
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", help="Folder with the evidence files, to check their digests.")] = None,
    expect_digest: Annotated[str | None, typer.Option(
        "--expect-digest", help="The SHA-256 printed on a skills record (sha256:HEX; "
        "spaces are ignored).")] = None,
    trust: Annotated[Path | None, typer.Option(
        "--trust", help="A trust list (YAML) naming known and accredited endorsers.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Verify a bundle offline. Exit 0: all valid; 1: a check failed; 2: unreadable.

    Also takes a single claim credential, or an endorser's file of endorsements.
    """
    from lerkit.services import bundles

    report = bundles.verify_file(file, evidence, trust)
    errors = report.all_errors()
    valid = report.valid
    if expect_digest is not None:
        actual = hashlib.sha256(read_bytes(file, bundles.BUNDLE_LIMIT)).hexdigest()
        # as printed on a page: "sha256:HEX", or the hex in groups ("sha256: 1a2b3c4d 5e6f…")
        wanted = "".join(expect_digest.split()).lower().removeprefix("sha256:")
        if actual != wanted:
            valid = report.valid = False
            errors.append(f"file digest is sha256:{actual}, not the expected sha256:{wanted}")
            report.errors.append(errors[-1])
    if as_json:
        print_json({"valid": valid, "kind": report.kind, "holder": report.holder,
                    "bundle": report.bundle_id, "claims": _claims_json(report),
                    "endorsements": [_endorsement_json(e) for e in report.endorsements],
                    "errors": errors})
    else:
        _print_report(report)
    if not valid:
        raise typer.Exit(EXIT_CHECK_FAILED)
