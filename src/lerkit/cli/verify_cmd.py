"""``ler verify``: check a bundle's structure, signatures, issuers, dates and evidence."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import print_json
from lerkit.core.credentials.report import BundleReport
from lerkit.core.errors import EXIT_CHECK_FAILED
from lerkit.core.files import read_bytes
from lerkit.services import bundles


def _claims_json(report: BundleReport) -> list[dict[str, object]]:
    return [
        {"id": c.credential_id, "skill": c.skill, "valid": c.valid, "tier": c.tier,
         "endorsements": [{"id": e.credential_id, "endorser": e.endorser,
                           "endorser_name": e.endorser_name, "valid": e.valid}
                          for e in c.endorsements],
         "errors": c.errors}
        for c in report.claims
    ]


def _print_report(report: BundleReport) -> None:
    verdict = "VALID" if report.valid else "NOT VALID"
    typer.echo(f"Bundle {report.bundle_id or '(no id)'}: {verdict}")
    typer.echo(f"Holder: {report.holder or '(unknown)'}")
    typer.echo(f"Claims: {len(report.claims)}")
    for c in report.claims:
        mark = "ok  " if c.valid else "FAIL"
        typer.echo(f"  [{mark}] {c.skill or c.credential_id} ({c.tier})")
        for e in c.endorsements:
            who = e.endorser_name or e.endorser or "unknown endorser"
            typer.echo(f"         endorsed by {who}: {'valid' if e.valid else 'NOT valid'}")
        for error in c.errors:
            typer.echo(f"         problem: {error}")
    for error in report.errors:
        typer.echo(f"Problem: {error}")


def verify(
    file: Annotated[Path, typer.Argument(help="The bundle (or a single credential) to check.")],
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", help="Folder with the evidence files, to check their digests.")] = None,
    expect_digest: Annotated[str | None, typer.Option(
        "--expect-digest", help="The SHA-256 printed on a skills record (sha256:HEX).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Verify a bundle offline. Exit 0: all valid; 1: a check failed; 2: unreadable."""
    report = bundles.verify_file(file, evidence)
    errors = report.all_errors()
    valid = report.valid
    if expect_digest is not None:
        actual = hashlib.sha256(read_bytes(file, bundles.BUNDLE_LIMIT)).hexdigest()
        wanted = expect_digest.lower().removeprefix("sha256:").strip()
        if actual != wanted:
            valid = False
            errors.append(f"file digest is sha256:{actual}, not the expected sha256:{wanted}")
            report.errors.append(errors[-1])
    if as_json:
        print_json({"valid": valid, "holder": report.holder, "bundle": report.bundle_id,
                    "claims": _claims_json(report), "errors": errors})
    else:
        _print_report(report)
    if not valid:
        raise typer.Exit(EXIT_CHECK_FAILED)
