"""``ler kiosk``: a session on a shared computer that leaves nothing behind.

The options live here; the session itself is in :mod:`lerkit.cli.kiosk_run`, imported
only when the command runs (other commands start faster without it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import command_help
from lerkit.core.i18n import _


@command_help(_("A session on a shared computer: nothing stays behind when it ends."))
def kiosk_command(
    resume: Annotated[Path | None, typer.Option(
        "--resume", help=_("Start from a saved portable profile, a .lerprofile file "
        "(asks its passphrase)."))] = None,
    idle_minutes: Annotated[float, typer.Option(
        "--idle-minutes", min=0.1, help=_("Wipe without saving after this long untouched."))
    ] = 15.0,
    idle_seconds: Annotated[float | None, typer.Option(
        "--idle-seconds", min=1.0, hidden=True, help=_("The idle time in seconds (tests)."))
    ] = None,
    offer_seconds: Annotated[float, typer.Option(
        "--offer-seconds", min=1.0, help=_("After SIGTERM, how long the save offer waits."))
    ] = 30.0,
    save_to: Annotated[Path | None, typer.Option(
        "--save-to", help=_("Folder to save to if the session is cut off (e.g. a USB stick).")
    )
    ] = None,
    answers: Annotated[Path | None, typer.Option(
        "--answers", help=_("Replay a scripted answers file (YAML) first."))] = None,
    plain: Annotated[bool, typer.Option(
        "--plain", help=_("A line-by-line dialogue instead of the full screen."))] = False,
    high_contrast: Annotated[bool, typer.Option(
        "--high-contrast", help=_("Start in the high-contrast theme."))] = False,
) -> None:
    """A session on a shared computer: nothing stays behind when it ends."""
    from lerkit.cli.kiosk_run import Options, resolved, run
    from lerkit.cli.passphrase import readable

    for given in (resume, answers):  # before the session starts and asks anything
        if given is not None:
            readable(given)
    options = Options(resolved(resume), resolved(answers), resolved(save_to),
                      idle_seconds if idle_seconds is not None else idle_minutes * 60,
                      offer_seconds, plain, high_contrast)
    raise typer.Exit(run(options))
