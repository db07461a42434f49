"""``ler endorser``: the endorser's own profile and key, in the endorser's lerkit home."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.passphrase import new_passphrase
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import N_, _

if TYPE_CHECKING:
    from lerkit.services.context import Lerkit

app = typer.Typer(help=_("Your endorser profile: create it once, then endorse bundles."),
                  no_args_is_help=True)


@app.command("init", help=_("Create your endorser profile and signing key; prints your DID."))
def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help=_("Your name, as workers will see it."))],
    organization: Annotated[str, typer.Option(
        "--organization", help=_("Your organization (employer, center, church, unit)."))
    ] = "",
    role: Annotated[str, typer.Option("--role", help=_("Your role there."))] = "",
    url: Annotated[str | None, typer.Option("--url", help=_("A web page about you."))] = None,
    email: Annotated[str | None, typer.Option("--email", help=_("Your email address."))
                     ] = None,
) -> None:
    """Create your endorser profile and signing key; prints your DID."""
    from lerkit.services import endorsers

    ler = lerkit_from(ctx)
    _check_none_yet(ler)
    passphrase = new_passphrase()
    info = endorsers.init_endorser(ler, passphrase, name=name, organization=organization,
                                   role=role, url=url, email=email)
    note(_("Endorser profile for {name} created in {home}").format(
        name=info.profile.name, home=ler.settings.home))
    typer.echo(info.profile.did)


def _check_none_yet(ler: Lerkit) -> None:
    """Before the prompt: this home has no endorser profile yet."""
    from lerkit.services import endorsers

    try:
        endorsers.show_endorser(ler)
    except NotFoundError:
        return
    raise BadInputError(_("this lerkit home already has an endorser profile "
                          "(see: ler endorser show)"))


@app.command("show", help=_("Print your endorser profile."))
def show(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """Print your endorser profile."""
    from lerkit.services import endorsers

    profile = endorsers.show_endorser(lerkit_from(ctx)).profile
    if as_json:
        print_json(profile.profile())
        return
    typer.echo(f"{profile.name}")
    for label, value in ((N_("Organization"), profile.organization), (N_("Role"), profile.role),
                         ("URL", profile.url), (N_("Email"), profile.email),
                         ("DID", profile.did)):
        if value:
            typer.echo(f"{_(label)}: {value}")
