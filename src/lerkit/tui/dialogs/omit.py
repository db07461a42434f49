"""Choose which details of one skill to leave out of an export ("without the year")."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.records import ClaimRecord
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.wording import period


def omit_choices(claim: ClaimRecord) -> list[tuple[str, str]]:
    """Every detail of a claim that can be left out, as (omit key, words)."""
    exp = claim.experience
    out: list[tuple[str, str]] = []
    if exp is not None:
        none = _("none given")
        out.append(("dates", _("the dates ({dates})").format(dates=period(exp) or none)))
        out.append(("organization", _("the organization ({name})").format(
            name=exp.organization or none)))
        out.append(("place", _("the place ({place})").format(place=exp.place or none)))
        out.append(("narrative", _("the story in my own words")))
    for ev in claim.evidence:
        name = ev.name or ev.file_name or ev.url or ev.narrative[:40] or ev.kind.value
        out.append((f"evidence:{ev.id}", _("evidence: {name}").format(name=name)))
    return out


DETAIL_WORDS = {"dates": N_("dates"), "organization": N_("organization"),
                "place": N_("place"), "narrative": N_("narrative")}


def omit_words(omit: frozenset[str]) -> str:
    """"leaves out: dates, place, 1 evidence item" or ""."""
    fields: list[str] = [_(words) for key, words in DETAIL_WORDS.items() if key in omit]
    evidence = sum(1 for k in omit if k.startswith("evidence:"))
    if evidence:
        fields.append(ngettext("{n} evidence item", "{n} evidence items",
                               evidence).format(n=evidence))
    return _("leaves out: {details}").format(details=", ".join(fields)) if fields else ""


class OmitModal(ModalScreen[frozenset[str] | None]):
    """Ticked details are left out; Ctrl+S keeps the choice, Escape cancels."""

    CSS_PATH = "omit.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", N_("Done"), id="omit-done",
                tooltip=N_("Keep the ticked details out")),
        Binding("escape", "cancel", N_("Cancel"), id="omit-cancel",
                tooltip=N_("Change nothing")),
    ]

    def __init__(self, claim: ClaimRecord, omit: frozenset[str]) -> None:
        super().__init__()
        self.claim = claim
        self.omit = omit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Leave out of “{skill}”:").format(skill=self.claim.label),
                        markup=False)
            yield ChoiceList(multiple=True, id="details")
            yield Static(_("Space ticks what to leave out · Ctrl+S done · Escape cancel"),
                         classes="hint")

    def on_mount(self) -> None:
        details = self.query_one("#details", ChoiceList)
        details.set_choices(omit_choices(self.claim), self.omit)
        details.focus()

    def action_done(self) -> None:
        """Keep the ticked details out."""
        self.dismiss(frozenset(self.query_one("#details", ChoiceList).picked))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
