"""``ler interview`` (TUI, plain dialogue, or a scripted answers file) and ``ler demo``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.output import note
from lerkit.cli.state import lerkit_from


def interview_command(
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", "-p", help="The person's id.")],
    plain: Annotated[
        bool,
        typer.Option("--plain", help="A line-by-line dialogue (screen readers, simple terminals)."),
    ] = False,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="Replay a scripted answers file (YAML) without a terminal."),
    ] = None,
    accept_top: Annotated[
        int | None,
        typer.Option(
            "--accept-top",
            min=1,
            max=20,
            help="With --answers: also accept the top N suggestions of each answer.",
        ),
    ] = None,
    parts: Annotated[
        str | None,
        typer.Option(
            "--parts", help="Only these parts, comma-separated (e.g. military,caregiving)."
        ),
    ] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Start a new interview instead of resuming the open one.")
    ] = False,
) -> None:
    """Interview a person: resumes where they stopped; every answer is saved at once."""
    from lerkit.cli.plain_interview import choose_parts, run_plain
    from lerkit.services import interview

    ler = lerkit_from(ctx)
    if answers is not None:
        result = interview.replay_answers(ler, person, answers, accept_top)
        for warning in result.warnings:
            note(f"warning: {warning}")
        note(f"Stored {result.experiences} experiences and {result.accepted} accepted skills.")
        return
    modules = [p.strip() for p in parts.split(",") if p.strip()] if parts else None
    if plain:
        if modules is None and not new and interview.returning(ler, person):
            modules, new = choose_parts(interview.parts()), True
            if modules is None:
                note("Nothing started.")
                return
        run_plain(interview.LiveInterview.open(ler, person, modules, new=new))
        return
    from lerkit.tui.app import make_app

    make_app(ler, person_id=person, start_interview=True, modules=modules, new=new).run()


def demo(ctx: typer.Context) -> None:
    """Create a sample person (a veteran and caregiver) with accepted, evidenced skills."""
    from lerkit.services import interview

    typer.echo(interview.create_demo(lerkit_from(ctx)))
