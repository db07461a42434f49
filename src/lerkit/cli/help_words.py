"""The words Typer puts around every help page (panel titles, ``[default: …]``), in the
language ``ler`` speaks.

Typer's help reads these names of ``typer.rich_utils`` each time it draws a page or a
usage error; in English they are left as Typer writes them.
"""

from __future__ import annotations

from lerkit.core.i18n import DEFAULT_LANGUAGE, N_, _, current_language

WORDS = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}


def translate_help_words() -> None:
    """Give Typer's help pages the current language's words (not needed in English;
    elsewhere this loads Typer's help module, which Rich makes slow to load, at start)."""
    if current_language() == DEFAULT_LANGUAGE:
        return
    try:
        from typer import rich_utils
    except ImportError:  # Typer without Rich: its plain help stays as Typer writes it
        return
    for name, text in WORDS.items():
        if isinstance(getattr(rich_utils, name, None), str):
            setattr(rich_utils, name, _(text))
