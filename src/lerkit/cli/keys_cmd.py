"""``ler keys``: a person's signing key (Ed25519, did:key), sealed under a passphrase."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from lerkit.cli.output import interactive, note, print_json
from lerkit.cli.passphrase import get_passphrase
from lerkit.cli.state import lerkit_from

app = typer.Typer(help="Signing keys: create, show, rotate.", no_args_is_help=True)

PersonOption = Annotated[str, typer.Option("--person", "-p", help="The person's id.")]


@app.command("init")
def init(ctx: typer.Context, person: PersonOption) -> None:
    """Create the person's signing key; prints the DID."""
    from lerkit.services import keys

    ler = lerkit_from(ctx)
    passphrase = get_passphrase("New passphrase (at least 8 characters)", confirm=True)
    typer.echo(keys.init_key(ler, person, passphrase))


@app.command("show")
def show(
    ctx: typer.Context,
    person: PersonOption,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the person's DID (and, with --json, the retired ones)."""
    from lerkit.services import keys

    info = keys.show_key(lerkit_from(ctx), person)
    if as_json:
        print_json({"person": info.person_id, "did": info.did, "retired": info.retired})
        return
    typer.echo(info.did)


@app.command("rotate")
def rotate(ctx: typer.Context, person: PersonOption) -> None:
    """Replace the key with a new one; old public keys are kept for old bundles."""
    from lerkit.services import keys

    ler = lerkit_from(ctx)
    passphrase = get_passphrase("Current passphrase")
    new = (
        get_passphrase(
            "New passphrase (Enter to keep the same)", confirm=True, env="LER_NEW_PASSPHRASE"
        )
        if _wants_new()
        else None
    )
    did = keys.rotate_key(ler, person, passphrase, new or None)
    note("Old public keys are kept; bundles signed before still verify.")
    typer.echo(did)


def _wants_new() -> bool:
    return "LER_NEW_PASSPHRASE" in os.environ or interactive()
