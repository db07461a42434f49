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
from lerkit.core.i18n import N_, _

if TYPE_CHECKING:
    from lerkit.services.context import Lerkit

CHOICES = ("ask", "keep", "omit")
ANSWERS = {"k": "keep", "keep": "keep", "": "keep", "o": "omit", "omit": "omit",
           "leave out": "omit", "r": "reword", "reword": "reword",
           # the Spanish prompt's letters and words (Conservar, Quitar, Reescribir)
           "c": "keep", "conservar": "keep", "q": "omit", "quitar": "omit",
           "reescribir": "reword"}
FIELD_NAMES = {"title": N_("title"), "organization": N_("organization"), "place": N_("place"),
               "narrative": N_("story"), "name": N_("name")}


def privacy_step(ler: Lerkit, person_id: str, claim_ids: Sequence[str] | None,
                 flagged: str) -> dict[str, frozenset[str]]:
    """Run the check; ``flagged`` says what to do with each passage found: ``ask``
    (at a terminal; elsewhere they are kept and listed), ``keep`` or ``omit``. Returns
    what the export must leave out."""
    from lerkit.services import privacy

    if flagged not in CHOICES:
        raise BadInputError(_("--flagged {value}: use one of {choices}").format(
            value=repr(flagged), choices=", ".join(CHOICES)))
    found = privacy.check(ler, person_id, claim_ids)
    if not found:
        return {}
    if flagged == "ask" and not interactive():
        note(_("Privacy check: {count} passages name health, disability, a child or a "
               "religion and are kept (see: ler privacy --person ID; --flagged omit leaves "
               "them out).").format(count=len(found)))
        return {}
    choices = []
    for number, passage in enumerate(found, start=1):
        action = flagged
        if flagged == "ask":
            if number == 1:
                note(_("Before signing: {count} passages of your record name something "
                       "private. For each: Keep it, leave it Out, or Reword it.").format(
                    count=len(found)))
            note(f"\n{number}. ({', '.join(passage.kinds)}: {', '.join(passage.words)})")
            note(_wrapped(passage.sentence))
            action = _ask()
            if action == "omit":
                note(_left_out(passage.entity, passage.field))
        text = ""
        if action == "reword":
            text = typer.prompt(_("   New wording (empty to drop the sentence)"), default="",
                                show_default=False)
        choices.append((passage, privacy.Choice(privacy.Action(action), text)))
    return privacy.apply(ler, person_id, choices, claim_ids)


def _left_out(entity: str, field: str) -> str:
    """What leaving a passage out removes from this export."""
    if entity == "evidence":
        return _("   Left out: the whole piece of evidence this sentence is in, in this export.")
    return _("   Left out: the whole {field} this sentence is in, in this export.").format(
        field=_(FIELD_NAMES.get(field, field)))


def _wrapped(text: str) -> str:
    """A passage indented and wrapped between words to the terminal's width."""
    width = max(min(shutil.get_terminal_size((80, 24)).columns, 100) - 1, 40)
    return textwrap.fill(text, width=width, initial_indent="   ", subsequent_indent="   ",
                         break_long_words=False, break_on_hyphens=False)


def _ask() -> str:
    while True:
        said = typer.prompt(_("   Keep, Out or Reword? [K/o/r]"), default="",
                            show_default=False).strip().lower()
        if said in ANSWERS:
            return ANSWERS[said]
        note(_("   Type k to keep it, o to leave it out, or r to reword it."))
