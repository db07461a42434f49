"""Add evidence: a note, a link, or a file (the file is hashed when it is saved)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from lerkit.core.records import EvidenceKind

KIND_WORDS = {
    EvidenceKind.NOTE: "a note (your own words)",
    EvidenceKind.URL: "a link",
    EvidenceKind.FILE: "a file (its fingerprint, SHA-256, is saved with it)",
}


@dataclass(frozen=True)
class EvidenceInput:
    """What the person entered."""

    kind: EvidenceKind
    value: str
    name: str = ""


def detect_kind(value: str) -> EvidenceKind:
    """A link if it starts with http(s)://, a file if it names one, else a note."""
    text = value.strip()
    if text.startswith(("http://", "https://")):
        return EvidenceKind.URL
    if text.startswith(("/", "~", "./", "../")) or (
        "\n" not in text and len(text) < 4096 and _is_file(text)
    ):
        return EvidenceKind.FILE
    return EvidenceKind.NOTE


def _is_file(text: str) -> bool:
    try:
        return bool(text) and Path(text).expanduser().is_file()
    except OSError:
        return False


def check(value: str, name: str) -> EvidenceInput:
    """The evidence to save, or ValueError with a sentence saying what is wrong."""
    text = value.strip()
    if not text:
        raise ValueError("Type a note, a link or a file path first.")
    kind = detect_kind(text)
    if kind is EvidenceKind.FILE:
        path = Path(text).expanduser().resolve()
        if not path.is_file():
            raise ValueError(f"There is no file at {path}.")
        text = str(path)
    return EvidenceInput(kind, text, name.strip())


class EvidenceModal(ModalScreen[EvidenceInput | None]):
    """Two fields; Enter moves on, Ctrl+S (or Enter in the name) saves."""

    CSS_PATH = "evidence.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="evidence-cancel"),
        Binding("ctrl+s", "save", "Save evidence", id="evidence-save"),
    ]

    def __init__(self, about: str) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"Evidence for: {self.about}", markup=False)
            yield Label("A note, a link (https://...) or the path of a file:")
            yield Input(id="value", placeholder="e.g. /home/me/award.pdf")
            yield Label("A short name for it (optional):")
            yield Input(id="name", placeholder="e.g. Award citation")
            yield Static("This will be saved as: nothing yet.", id="kind", classes="hint")
            yield Static("Enter: next field · Ctrl+S: save · Escape: cancel", classes="hint")

    @on(Input.Changed, "#value")
    def value_changed(self, event: Input.Changed) -> None:
        words = KIND_WORDS[detect_kind(event.value)] if event.value.strip() else "nothing yet"
        self.query_one("#kind", Static).update(f"This will be saved as: {words}.")

    @on(Input.Submitted, "#value")
    def next_field(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def action_save(self) -> None:
        """Check and return the evidence."""
        try:
            found = check(self.query_one("#value", Input).value,
                          self.query_one("#name", Input).value)
        except ValueError as exc:
            self.query_one("#kind", Static).update(f"Not saved: {exc}")
            return
        self.dismiss(found)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
