"""Choose which details of one skill to leave out of an export ("without the year")."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lerkit.core.records import ClaimRecord
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.wording import period


def omit_choices(claim: ClaimRecord) -> list[tuple[str, str]]:
    """Every detail of a claim that can be left out, as (omit key, words)."""
    exp = claim.experience
    out: list[tuple[str, str]] = []
    if exp is not None:
        out.append(("dates", f"the dates ({period(exp) or 'none given'})"))
        out.append(("organization", f"the organization ({exp.organization or 'none given'})"))
        out.append(("place", f"the place ({exp.place or 'none given'})"))
        out.append(("narrative", "the story in my own words"))
    for ev in claim.evidence:
        name = ev.name or ev.file_name or ev.url or ev.narrative[:40] or ev.kind.value
        out.append((f"evidence:{ev.id}", f"evidence: {name}"))
    return out


def omit_words(omit: frozenset[str]) -> str:
    """"leaves out: dates, place, 1 evidence item" or ""."""
    fields: list[str] = [k for k in ("dates", "organization", "place", "narrative") if k in omit]
    evidence = sum(1 for k in omit if k.startswith("evidence:"))
    if evidence:
        fields.append(f"{evidence} evidence item" + ("s" if evidence > 1 else ""))
    return "leaves out: " + ", ".join(fields) if fields else ""


class OmitModal(ModalScreen[frozenset[str] | None]):
    """Ticked details are left out; Ctrl+S keeps the choice, Escape cancels."""

    CSS_PATH = "omit.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "Done", id="omit-done"),
        Binding("escape", "cancel", "Cancel", id="omit-cancel"),
    ]

    def __init__(self, claim: ClaimRecord, omit: frozenset[str]) -> None:
        super().__init__()
        self.claim = claim
        self.omit = omit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Leave out of “{self.claim.label}”:", markup=False)
            yield ChoiceList(multiple=True, id="details")
            yield Static("Space ticks what to leave out · Ctrl+S done · Escape cancel",
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
