"""The privacy check of ``ler export``: passages naming health, disability, a child or
a religion, each kept, left out or reworded before anything is signed."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer

from lerkit.cli.output import interactive, note
from lerkit.core.errors import BadInputError

if TYPE_CHECKING:
    from lerkit.services.context import Lerkit

CHOICES = ("ask", "keep", "omit")
ANSWERS = {"k": "keep", "keep": "keep", "": "keep", "o": "omit", "omit": "omit",
           "leave out": "omit", "r": "reword", "reword": "reword"}


def privacy_step(ler: Lerkit, person_id: str, claim_ids: Sequence[str] | None,
                 flagged: str) -> dict[str, frozenset[str]]:
    """Run the check; ``flagged`` says what to do with each passage found: ``ask``
    (at a terminal; elsewhere they are kept and listed), ``keep`` or ``omit``. Returns
    what the export must leave out."""
    from lerkit.services import privacy

    if flagged not in CHOICES:
        raise BadInputError(f"--flagged {flagged!r}: use one of {', '.join(CHOICES)}")
    found = privacy.check(ler, person_id, claim_ids)
    if not found:
        return {}
    if flagged == "ask" and not interactive():
        note(f"Privacy check: {len(found)} passages name health, disability, a child or "
             "a religion and are kept (see: ler privacy --person ID; --flagged omit "
             "leaves them out).")
        return {}
    choices = []
    for number, passage in enumerate(found, start=1):
        action = flagged
        if flagged == "ask":
            if number == 1:
                note(f"Before signing: {len(found)} passages of your record name "
                     "something private. For each: Keep it, leave it Out, or Reword it.")
            note(f"\n{number}. ({', '.join(passage.kinds)}: {', '.join(passage.words)})")
            note(_wrapped(passage.sentence))
            action = _ask()
            if action == "omit":
                note("   Left out: the whole " + ("piece of evidence" if passage.entity
                     == "evidence" else passage.field.replace("narrative", "story"))
                     + " this sentence is in, in this export.")
        text = ""
        if action == "reword":
            text = typer.prompt("   New wording (empty to drop the sentence)", default="",
                                show_default=False)
        choices.append((passage, privacy.Choice(privacy.Action(action), text)))
    return privacy.apply(ler, person_id, choices, claim_ids)


def _wrapped(text: str) -> str:
    """A passage indented and wrapped between words to the terminal's width."""
    width = max(min(shutil.get_terminal_size((80, 24)).columns, 100) - 1, 40)
    return textwrap.fill(text, width=width, initial_indent="   ", subsequent_indent="   ",
                         break_long_words=False, break_on_hyphens=False)


def _ask() -> str:
    while True:
        said = typer.prompt("   Keep, Out or Reword? [K/o/r]", default="",
                            show_default=False).strip().lower()
        if said in ANSWERS:
            return ANSWERS[said]
        note("   Type k to keep it, o to leave it out, or r to reword it.")
