"""``ler export``: write the person's signed bundle (OB 3.0 claims in a CLR 2.0)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import note
from lerkit.cli.passphrase import get_passphrase
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError
from lerkit.services import bundles


def parse_omit(values: list[str]) -> dict[str, frozenset[str]]:
    """``CLAIM_ID:FIELD`` items -> {claim id: fields}."""
    omit: dict[str, set[str]] = {}
    for value in values:
        claim, sep, field = value.partition(":")
        if not sep or not claim or not field:
            raise BadInputError(f"--omit {value!r}: write CLAIM_ID:FIELD (e.g. ab12cd34ef56:dates)")
        omit.setdefault(claim, set()).add(field)
    return {k: frozenset(v) for k, v in omit.items()}


def export(
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", "-p", help="The person's id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The bundle file to write.")],
    claims: Annotated[str | None, typer.Option(
        "--claims", help="Only these accepted claims (comma-separated ids).")] = None,
    cryptosuite: Annotated[str, typer.Option(
        "--cryptosuite", help="eddsa-rdfc-2022 (default) or eddsa-jcs-2022.")
    ] = "eddsa-rdfc-2022",
    omit: Annotated[list[str] | None, typer.Option(
        "--omit", help="Leave a detail out: CLAIM_ID:dates|organization|place|narrative|"
        "evidence:EVIDENCE_ID (repeatable).")] = None,
) -> None:
    """Sign the accepted claims and write the bundle (atomically)."""
    ler = lerkit_from(ctx)
    chosen = [c.strip() for c in claims.split(",") if c.strip()] if claims else None
    passphrase = get_passphrase()
    result = bundles.export_bundle(
        ler, person, out, passphrase, claim_ids=chosen, cryptosuite=cryptosuite,
        omit=parse_omit(omit or []), progress=lambda text: note(f"... {text}"),
    )
    note(f"Wrote {result.claims} signed claims to {result.path}")
    note(f"Signed by {result.did}")
    typer.echo(f"sha256:{result.sha256}")
