"""``ler interview`` (TUI, plain dialogue, or a scripted answers file) and ``ler demo``."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lerkit.cli.options import PersonOption, command_help
from lerkit.cli.output import note
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _

if TYPE_CHECKING:
    from lerkit.services.context import Lerkit

EXIT_INTERRUPTED = 128 + signal.SIGINT  # 130, as a shell reports Ctrl+C


@command_help(_(
    "Interview a person: resumes where they stopped; every answer is saved at once."))
def interview_command(
    ctx: typer.Context,
    person: PersonOption,
    plain: Annotated[
        bool,
        typer.Option("--plain",
                     help=_("A line-by-line dialogue (screen readers, simple terminals).")),
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option("--answers",
                     help=_("Replay a scripted answers file (YAML) without a terminal.")),
    ] = None,
    accept_top: Annotated[
        int | None,
        typer.Option(
            "--accept-top",
            min=1,
            max=20,
            help=_("With --answers: also accept the top N suggestions of each answer."),
        ),
    ] = None,
    parts: Annotated[
        str | None,
        typer.Option(
            "--parts", help=_("Only these parts, comma-separated (e.g. military,caregiving).")
        ),
    ] = None,
    new: Annotated[
        bool, typer.Option(
            "--new", help=_("Start a new interview instead of resuming the open one."))
    ] = False,
) -> None:
    """Interview a person: resumes where they stopped; every answer is saved at once."""
    from lerkit.services import interview

    ler = lerkit_from(ctx)
    if answers is not None:
        result = interview.replay_answers(ler, person, answers, accept_top)
        for warning in result.warnings:
            note(_("warning: {text}").format(text=warning))
        note(_("Stored {experiences} experiences and {accepted} accepted skills.").format(
            experiences=result.experiences, accepted=result.accepted))
        return
    modules = [p.strip() for p in parts.split(",") if p.strip()] if parts else None
    if plain:
        _plain(ler, person, modules, new)
        return
    from lerkit.tui.app import make_app

    make_app(ler, person_id=person, start_interview=True, modules=modules, new=new).run()


def _plain(ler: Lerkit, person: str, modules: list[str] | None, new: bool) -> None:
    """The line-by-line dialogue; Ctrl+C stops it (exit 130) saying how to go on."""
    from lerkit.cli.plain_interview import choose_parts, resume_hint, run_plain
    from lerkit.services import interview

    try:
        if modules is None and not new:
            returning = interview.returning(ler, person)
            if returning or interview.first_time(ler, person):
                modules, new = choose_parts(interview.parts(), first=not returning), True
                if modules is None:
                    note(_("Nothing started."))
                    return
        live = interview.LiveInterview.open(ler, person, modules, new=new)
    except KeyboardInterrupt:
        note("\n" + _("Stopped. Nothing new was started."))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    try:
        run_plain(live, _("Stopped. {how_to_go_on}").format(how_to_go_on=resume_hint(person)))
    except KeyboardInterrupt:
        typer.echo("\n\n" + _("Stopped (Ctrl+C). {how_to_go_on}").format(
            how_to_go_on=resume_hint(person)))
        raise typer.Exit(EXIT_INTERRUPTED) from None


@command_help(_(
    "Create a sample person (a veteran and caregiver) with accepted, evidenced skills."))
def demo(ctx: typer.Context) -> None:
    """Create a sample person (a veteran and caregiver) with accepted, evidenced skills."""
    from lerkit.services import interview

    typer.echo(interview.create_demo(lerkit_from(ctx)))
