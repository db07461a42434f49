"""The root ``ler`` command: global options, sub-command groups, the TUI by default."""

from __future__ import annotations

from typing import Annotated

import typer

from lerkit import __version__
from lerkit.cli import (
    backup_cmd,
    db_cmd,
    endorse_cmd,
    endorsements_cmd,
    endorser_cmd,
    export_cmd,
    interview_cmd,
    keys_cmd,
    kiosk_cmd,
    match_cmd,
    person_cmd,
    process,
    profile_cmd,
    taxonomy_cmd,
    verify_cmd,
)
from lerkit.cli.errors import LerGroup
from lerkit.cli.state import CliState, lerkit_from

app = typer.Typer(
    cls=LerGroup,
    name="ler",
    help="lerkit: interview, match, sign and verify Learning and Employment Records.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(person_cmd.app, name="person")
app.add_typer(db_cmd.app, name="db")
app.add_typer(taxonomy_cmd.app, name="taxonomy")
app.add_typer(keys_cmd.app, name="keys")
app.add_typer(endorser_cmd.app, name="endorser")
app.add_typer(endorsements_cmd.app, name="endorsements")
app.command("endorse")(endorse_cmd.endorse)
app.command("match")(match_cmd.match)
app.command("export")(export_cmd.export)
app.command("verify")(verify_cmd.verify)
app.command("interview")(interview_cmd.interview_command)
app.command("demo")(interview_cmd.demo)
app.add_typer(profile_cmd.app, name="profile")
app.command("backup")(backup_cmd.backup)
app.command("restore")(backup_cmd.restore)
app.command("kiosk")(kiosk_cmd.kiosk_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lerkit {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="LER_DB", help="Database URL (SQLAlchemy). Default: SQLite in LER_HOME."
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Start the TUI when no command is given."""
    ctx.obj = CliState(db_url=db)
    if ctx.invoked_subcommand is None:
        from lerkit.tui.app import make_app

        ler = lerkit_from(ctx)
        make_app(ler).run()


def main(args: list[str] | None = None) -> None:
    """Console-script entry point (one command per process)."""
    process.start()
    try:
        app(args=args, prog_name="ler")
    finally:
        process.finish()
