"""Edit a piece of evidence: its name, its note or link, and when it happened. Each value
is checked as it is typed, and what is wrong is said right under the field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_date, check_url
from lerkit.core.i18n import N_, _
from lerkit.core.records import EvidenceKind, EvidenceRecord


@dataclass(frozen=True)
class EvidenceChange:
    """The new values (None: that field cannot change for this kind of evidence)."""

    name: str
    dated: str
    note: str | None = None
    url: str | None = None


def problem(field: str, value: str) -> str:
    """What is wrong with a value, in a sentence ("" when it is fine)."""
    try:
        if field == "url":
            check_url(value)
        elif field == "dated":
            check_date(value)
    except BadInputError as exc:
        return f"{exc.message[:1].upper()}{exc.message[1:]}."
    return ""


class EvidenceEditModal(ModalScreen[EvidenceChange | None]):
    """Ctrl+S saves (when every field is fine), Escape leaves it as it was."""

    CSS_PATH = "evidence_edit.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="evidence-edit-save",
                tooltip=N_("Save the changes, unless a field says what is wrong with it")),
        Binding("escape", "cancel", N_("Cancel"), id="evidence-edit-cancel",
                tooltip=N_("Change nothing")),
    ]

    def __init__(self, evidence: EvidenceRecord, backs: str) -> None:
        super().__init__()
        self.evidence = evidence
        self.backs = backs

    def fields(self) -> list[tuple[str, str, str]]:
        """(field, label, value) of what this kind of evidence lets a person change."""
        ev = self.evidence
        out = [("name", _("Name:"), ev.name)]
        if ev.kind is EvidenceKind.URL:
            out.append(("url", _("Link:"), ev.url or ""))
        elif ev.kind is EvidenceKind.NOTE:
            out.append(("note", _("Note:"), ev.narrative))
        out.append(("dated", _("When:"), ev.dated or ""))
        return out

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Evidence for {backs}").format(backs=self.backs), id="evidence-title",
                        markup=False)
            if self.evidence.kind is EvidenceKind.FILE:
                yield Static(_("File: {name} (to change the file, delete this evidence and "
                               "add the new file)").format(name=self.evidence.file_name),
                             markup=False, classes="hint")
            for field, label, value in self.fields():
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(value, id=field, compact=True, select_on_focus=False,
                                placeholder=_("e.g. 2019, May 2019, spring 2019 or ongoing")
                                if field == "dated" else "")
                yield Static("", id=f"{field}-problem", classes="problem", markup=False)
            yield Static(_("Ctrl+S save · Escape cancel · Tab next field"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Changed)
    def check_field(self, event: Input.Changed) -> None:
        field = event.input.id or ""
        self.query_one(f"#{field}-problem", Static).update(problem(field, event.value))

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        """Save the changes, unless a field says what is wrong with it."""
        values = {field: self.query_one(f"#{field}", Input).value
                  for field, _, _ in self.fields()}
        wrong = [field for field, value in values.items() if problem(field, value)]
        if wrong:
            for field in wrong:
                self.query_one(f"#{field}-problem", Static).update(problem(field, values[field]))
            self.query_one(f"#{wrong[0]}", Input).focus()
            return
        self.dismiss(EvidenceChange(name=values["name"], dated=values["dated"],
                                    note=values.get("note"), url=values.get("url")))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
