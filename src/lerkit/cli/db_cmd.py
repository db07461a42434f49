"""``ler db``: where the data is, and schema upgrades."""

from __future__ import annotations

import shlex

import typer

from lerkit.cli.options import JsonOption
from lerkit.cli.output import note, print_json
from lerkit.cli.state import CliState
from lerkit.core.i18n import _

app = typer.Typer(help=_("The database: information and upgrades."), no_args_is_help=True)


def _url(ctx: typer.Context) -> str | None:
    state = ctx.find_object(CliState)
    return state.db_url if state else None


@app.command("info", help=_("Show the database URL, backend, schema version and row counts."))
def info(
    ctx: typer.Context,
    as_json: JsonOption = False,
) -> None:
    """Show the database URL, backend, schema version and row counts."""
    from lerkit.services import database

    data = database.info(_url(ctx))
    exposed = list(data["readable_by_others"])
    if exposed:
        note(_("warning: {files}: other users of this computer can read this database of "
               "personal records; make it private with: chmod 600 {quoted}").format(
            files=", ".join(exposed), quoted=" ".join(map(shlex.quote, exposed))))
    if as_json:
        print_json(data)
        return
    typer.echo(_("database: {url}").format(url=data["url"]))
    typer.echo(_("backend:  {backend}").format(backend=data["backend"]))
    typer.echo(_("home:     {home}").format(home=data["home"]))
    typer.echo(_("schema:   version {version} (latest {latest})").format(
        version=data["schema_version"], latest=data["latest_version"]))
    for table, n in dict(data["rows"]).items():
        typer.echo(f"  {table}: {n}")


@app.command("upgrade", help=_(
    "Apply pending schema migrations (on SQLite lerkit also does this on start; on "
    "PostgreSQL only this command and ler center init change the schema)."))
def upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (on start too, on SQLite only)."""
    from lerkit.services import database

    ran = database.upgrade(_url(ctx))
    typer.echo(_("applied: {migrations}").format(migrations=", ".join(map(str, ran))) if ran
               else _("schema is up to date"))
