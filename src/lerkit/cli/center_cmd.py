"""``ler center``: a center's shared PostgreSQL server — set-up, coaches, who am I."""

from __future__ import annotations

from typing import Annotated

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.passphrase import new_passphrase
from lerkit.cli.state import CliState, lerkit_from
from lerkit.core.i18n import _

app = typer.Typer(help=_("A center's shared server: set-up, coaches' sign-ins."),
                  no_args_is_help=True)


def _url(ctx: typer.Context) -> str | None:
    state = ctx.find_object(CliState)
    return state.db_url if state else None


@app.command("init", help=_(
    "Create or upgrade the schema, the coaches' and supervisors' group roles, their\n"
    "grants and row-level security (the administrator, once and after each upgrade)."))
def init(ctx: typer.Context) -> None:
    """Create or upgrade the schema, the coaches' and supervisors' group roles, their
    grants and row-level security (the administrator, once and after each upgrade)."""
    from lerkit.services import center

    done = center.init(_url(ctx))
    applied = ", ".join(map(str, done.applied)) if done.applied else _("none (up to date)")
    typer.echo(_("schema: version {version} (migrations applied: {applied})").format(
        version=done.schema_version, applied=applied))
    typer.echo(_("roles: {roles}").format(roles="lerkit_coach, lerkit_supervisor"))
    typer.echo(_("row-level security: {tables}").format(tables=", ".join(sorted(done.protected))))
    note(_("Tables owned by {admin}. Add coaches with: ler center add-coach NAME").format(
        admin=done.admin))


@app.command("add-coach", help=_(
    "Create a coach's own sign-in (password from a prompt, or LER_NEW_PASSWORD)."))
def add_coach(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The coach's sign-in name (a database role)."))],
    supervisor: Annotated[bool, typer.Option(
        "--supervisor", help=_("A supervisor: sees every caseload and assigns people."))
    ] = False,
) -> None:
    """Create a coach's own sign-in (password from a prompt, or LER_NEW_PASSWORD)."""
    from lerkit.services import center

    ler = lerkit_from(ctx)
    center.check_name(ler, name)  # before the prompt: nobody types a password in vain
    password = new_passphrase(_("Password for {name}").format(name=name), env="LER_NEW_PASSWORD")
    group = center.add_coach(ler, name, password, supervisor=supervisor)
    note(_("Created {name} in {group}. The desk connects with: {url} (the password in "
           ".pgpass, never in the URL).").format(
        name=name, group=group, url=f"postgresql://{name}@HOST/DATABASE"))


@app.command("whoami", help=_("Show the database role this desk signs in as, and what it may do."))
def whoami(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show the database role this desk signs in as, and what it may do."""
    from lerkit.services import center

    found = center.who(lerkit_from(ctx))
    data = {"role": found.name, "kind": found.kind} if found else {"role": None,
                                                                  "kind": "local"}
    if as_json:
        print_json(data)
        return
    if found is None:
        typer.echo(_("local: a SQLite database on this computer (no center roles)"))
        return
    typer.echo(f"{found.name} ({found.kind})")
