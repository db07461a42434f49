"""``ler keys``: a person's signing key (Ed25519, did:key), sealed under a passphrase."""

from __future__ import annotations

import os

import typer

from lerkit.cli.options import JsonOption, PersonOption
from lerkit.cli.output import interactive, note, print_json
from lerkit.cli.passphrase import get_passphrase, new_passphrase
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _

app = typer.Typer(help=_("Signing keys: create, show, rotate."), no_args_is_help=True)


@app.command("init", help=_("Create the person's signing key; prints the DID."))
def init(ctx: typer.Context, person: PersonOption) -> None:
    """Create the person's signing key; prints the DID."""
    from lerkit.services import keys, people

    ler = lerkit_from(ctx)
    people.require_person(ler, person)  # the person, and that they have no key, before the prompt
    try:
        did = keys.show_key(ler, person).did
    except NotFoundError:
        pass
    else:
        raise BadInputError(_("person {id} already has a key ({did}); use: ler keys rotate").format(
            id=person, did=did))
    passphrase = new_passphrase()
    typer.echo(keys.init_key(ler, person, passphrase))


@app.command("show", help=_("Print the person's DID (and, with --json, the retired ones)."))
def show(
    ctx: typer.Context,
    person: PersonOption,
    as_json: JsonOption = False,
) -> None:
    """Print the person's DID (and, with --json, the retired ones)."""
    from lerkit.services import keys

    info = keys.show_key(lerkit_from(ctx), person)
    if as_json:
        print_json({"person": info.person_id, "did": info.did, "retired": info.retired})
        return
    typer.echo(info.did)


@app.command("rotate", help=_(
    "Replace the key with a new one; old public keys are kept for old bundles."))
def rotate(ctx: typer.Context, person: PersonOption) -> None:
    """Replace the key with a new one; old public keys are kept for old bundles."""
    from lerkit.services import keys

    ler = lerkit_from(ctx)
    keys.show_key(ler, person)  # the person and their key exist: checked before the prompts
    passphrase = get_passphrase(_("Current passphrase"))
    new = (new_passphrase(env="LER_NEW_PASSPHRASE", optional=True) if _wants_new() else None)
    did = keys.rotate_key(ler, person, passphrase, new or None)
    note(_("Old public keys are kept; bundles signed before still verify."))
    typer.echo(did)


def _wants_new() -> bool:
    return "LER_NEW_PASSPHRASE" in os.environ or interactive()
