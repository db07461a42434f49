"""The root ``ler`` command: global options, sub-command groups, the TUI by default."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from lerkit import __version__
from lerkit.cli import process
from lerkit.cli.errors import LerGroup, flush_stdout, say_error
from lerkit.cli.help_words import translate_help_words
from lerkit.cli.state import CliState, lerkit_from
from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, resolve_language, set_language

# translated when the application is built, after the language is chosen
HELP = N_("lerkit: interview, match, sign and verify Learning and Employment Records.")

# name -> (module, attribute, is a group of sub-commands); listed in `ler --help` order
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "person": ("person_cmd", "app", True),
    "db": ("db_cmd", "app", True),
    "taxonomy": ("taxonomy_cmd", "app", True),
    "occupations": ("occupations_cmd", "app", True),
    "jobs": ("jobs_cmd", "jobs", False), "gap": ("gap_cmd", "gap", False), "training": ("training_cmd", "app", True),  # noqa: E501
    "evidence": ("evidence_cmd", "app", True),
    "keys": ("keys_cmd", "app", True),
    "endorser": ("endorser_cmd", "app", True),
    "endorsements": ("endorsements_cmd", "app", True),
    "endorse": ("endorse_cmd", "endorse", False),
    "match": ("match_cmd", "match", False),
    "export": ("export_cmd", "export", False),
    "privacy": ("privacy_cmd", "privacy", False),
    "verify": ("verify_cmd", "verify", False),
    "interview": ("interview_cmd", "interview_command", False),
    "demo": ("interview_cmd", "demo", False),
    "profile": ("profile_cmd", "app", True),
    "backup": ("backup_cmd", "backup", False),
    "restore": ("backup_cmd", "restore", False),
    "kiosk": ("kiosk_cmd", "kiosk_command", False),
    "center": ("center_cmd", "app", True),
    "audit": ("audit_cmd", "audit", False),
}
OPTIONS_WITH_VALUE = ("--db", "--lang")


def make_cli(only: str | None = None) -> typer.Typer:
    """The ``ler`` application; with ``only``, just that command is loaded and built.

    A process runs one command, so ``main`` loads only the one named on the command
    line (the others' modules and their option parsing cost start-up time).
    """
    cli = typer.Typer(
        cls=LerGroup,
        name="ler",
        help=_(HELP),
        no_args_is_help=False,
        pretty_exceptions_enable=False,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    cli.callback(invoke_without_command=True)(root)
    for name, (module_name, attribute, group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(f"lerkit.cli.{module_name}"), attribute)
        if group:
            cli.add_typer(target, name=name)
        else:
            cli.command(name, help=getattr(target, "ler_help", None))(target)
    return cli


def command_named(args: Sequence[str]) -> str | None:
    """The known command that ``args`` run, if any (root options may come first)."""
    rest = iter(args)
    for arg in rest:
        if arg in OPTIONS_WITH_VALUE:
            next(rest, None)
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def language_named(args: Sequence[str]) -> str | None:
    """The value of a root ``--lang`` option in ``args`` (before the command), if any."""
    rest = iter(args)
    for arg in rest:
        if arg == "--lang":
            return next(rest, None)
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg in OPTIONS_WITH_VALUE:
            next(rest, None)
        elif not arg.startswith("-"):
            return None
    return None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lerkit {__version__}")
        raise typer.Exit(0)


def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="LER_DB",
            help=_("Database URL (SQLAlchemy). Default: SQLite in LER_HOME."),
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar="LER_LANG",
            help=_("Language of screens and messages: en or es. Default: the locale."),
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version.")),
    ] = False,
) -> None:
    """Start the TUI when no command is given."""
    set_language(resolve_language(lang))  # as main() did; also when run in-process
    ctx.obj = CliState(db_url=db)
    if ctx.invoked_subcommand is None:
        from lerkit.tui.app import make_app

        ler = lerkit_from(ctx)
        make_app(ler).run()


def main(args: list[str] | None = None) -> None:
    """Console-script entry point (one command per process)."""
    process.start()
    argv = sys.argv[1:] if args is None else args
    try:
        # before any command module is imported: their help texts are translated then
        try:
            set_language(resolve_language(language_named(argv)))
        except LerError as exc:
            say_error(exc.message)
            raise SystemExit(exc.exit_code) from None
        translate_help_words()
        make_cli(command_named(argv))(args=argv, prog_name="ler")
    finally:
        process.finish()
        flush_stdout()  # here, not at interpreter exit, where a closed pipe would be noisy
