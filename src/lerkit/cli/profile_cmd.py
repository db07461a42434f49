"""``ler profile``: a person's whole record in one encrypted, portable file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lerkit.cli.options import PersonOption
from lerkit.cli.output import note
from lerkit.cli.passphrase import get_passphrase, new_passphrase, readable, writable
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _

if TYPE_CHECKING:
    from lerkit.services.profiles import ProfileResult

app = typer.Typer(help=_("Portable profiles: save a person's record to one encrypted file, "
                    "load it into any lerkit."), no_args_is_help=True)

PROFILE_ENV = "LER_PROFILE_PASSPHRASE"


def profile_passphrase(prompt: str, *, new: bool = False) -> str:
    """``LER_PROFILE_PASSPHRASE``, else ``LER_PASSPHRASE``, else a hidden prompt."""
    if PROFILE_ENV in os.environ:
        return os.environ[PROFILE_ENV]
    return new_passphrase(prompt) if new else get_passphrase(prompt)



@app.command("save", help=_(
    "Seal the person's whole record (and their sealed signing keys) into FILE."))
def save(
    ctx: typer.Context,
    person: PersonOption,
    file: Annotated[Path, typer.Argument(
        help=_("The profile file to write (NAME.lerprofile, as ler kiosk names them)."))],
) -> None:
    """Seal the person's whole record (and their sealed signing keys) into FILE."""
    from lerkit.services import people, profiles

    ler = lerkit_from(ctx)
    people.require_person(ler, person)  # checked before the prompt
    writable(file)
    passphrase = profile_passphrase(_("Passphrase for the profile"), new=True)
    result = profiles.save_profile(ler, person, file, passphrase)
    _describe(result)
    note(_("Saved the profile of {name} to {path}. Keep the passphrase: without it the file "
           "cannot be opened.").format(name=result.name, path=result.path))
    typer.echo(result.person_id)


@app.command("load", help=_(
    "Restore a profile (one transaction); a wrong passphrase or damaged file changes nothing."))
def load(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=_("The profile file to read (a .lerprofile file)."))],
    replace: Annotated[bool, typer.Option(
        "--replace", help=_("If the person is already here, replace their whole record."))
    ] = False,
) -> None:
    """Restore a profile (one transaction); a wrong passphrase or damaged file changes nothing."""
    from lerkit.services import profiles

    readable(file)
    profiles.check_profile_file(file)  # refused before the prompt, and no key derived
    ler = lerkit_from(ctx)
    passphrase = profile_passphrase(_("Passphrase of the profile"))
    result = profiles.load_profile(ler, file, passphrase, replace=replace)
    _describe(result)
    said = _("Replaced the record of {name} ({id}).") if result.replaced else _(
        "Loaded {name} ({id}).")
    note(said.format(name=result.name, id=result.person_id))
    typer.echo(result.person_id)


def _describe(result: ProfileResult) -> None:

    c = result.counts
    note(_("{experiences} experiences, {claims} claims, {evidence} evidence items, "
           "{endorsements} endorsements, {keys} signing keys, {interviews} interviews").format(
        experiences=c.get("experience", 0), claims=c.get("claim", 0),
        evidence=c.get("evidence", 0), endorsements=c.get("endorsement", 0),
        keys=c.get("signingkey", 0), interviews=c.get("interviewsession", 0)))
    if result.did:
        note(f"DID: {result.did}")
