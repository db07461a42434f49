"""Add evidence: a note, a link, or a file (the file is hashed when it is saved), with its
own date if the person says one.

Every field is checked as it is typed (:mod:`lerkit.core.evidence_checks`), and what is
wrong is said in words on the line under that field, so nothing that cannot be saved is
found out only at the end. Enter moves to the next field at once, in the same step as the
key itself, so keys typed or pasted straight after Enter land in the new field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label, Static

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import DATE_HELP, check_date, check_file, check_url
from lerkit.core.i18n import N_, _
from lerkit.core.records import EvidenceKind

KIND_WORDS = {  # marked; shown with _()
    EvidenceKind.NOTE: N_("a note (your own words)"),
    EvidenceKind.URL: N_("a link"),
    EvidenceKind.FILE: N_("a file (its fingerprint, SHA-256, is saved with it)"),
}
FIELDS = ("value", "name", "dated")
"""The fields in the order Enter walks them; Enter in the last one saves."""


@dataclass(frozen=True)
class EvidenceInput:
    """What the person entered."""

    kind: EvidenceKind
    value: str
    name: str = ""
    dated: str | None = None
    """When it happened, in the person's words ("spring 2019", "ongoing"), if said."""


def detect_kind(value: str) -> EvidenceKind:
    """A link if it starts with http(s)://, a file if it names one, else a note."""
    text = value.strip()
    if text.lower().startswith(("http://", "https://")):
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


def check_value(value: str) -> tuple[EvidenceKind, str]:
    """What the value will be saved as, and the value to save (a file's full path);
    BadInputError saying what is wrong with it."""
    text = value.strip()
    if not text:
        raise BadInputError(_("type a note, a link or a file path first"))
    kind = detect_kind(text)
    if kind is EvidenceKind.URL:
        text = check_url(text)
    elif kind is EvidenceKind.FILE:
        text = str(check_file(text).resolve())
    return kind, text


def value_words(value: str) -> tuple[bool, str]:
    """Whether the first field can be saved, and what the line under it says."""
    if not value.strip():
        return True, _("This will be saved as: nothing yet.")
    try:
        kind, _value = check_value(value)
    except BadInputError as exc:
        return False, _("Cannot save this: {why}.").format(why=exc.message)
    words = _("This will be saved as: {kind}.").format(kind=_(KIND_WORDS[kind]))
    if kind is EvidenceKind.NOTE and value.strip().lower().startswith("www."):
        words += " " + _("For a link, start it with https://")
    return True, words


def date_words(value: str) -> tuple[bool, str]:
    """Whether the date can be saved, and what the line under it says."""
    try:
        when = check_date(value)
    except BadInputError as exc:
        return False, _("Check the date: {why}.").format(why=exc.message)
    return True, (_("The date will be saved as: {date}.").format(date=when) if when
                  else _("Optional: {help}.").format(help=_(DATE_HELP)))


def check(value: str, name: str, dated: str = "") -> EvidenceInput:
    """The evidence to save, or ValueError with a sentence saying what is wrong."""
    try:
        kind, text = check_value(value)
        when = check_date(dated)
    except BadInputError as exc:
        raise ValueError(exc.message[:1].upper() + exc.message[1:] + ".") from None
    return EvidenceInput(kind, text, " ".join(name.split()), when)


class _Checked(Validator):
    """A field's check, as Textual's validation (which marks the field when it fails)."""

    def __init__(self, field: str) -> None:
        super().__init__()
        self.field = field

    def validate(self, value: str) -> ValidationResult:
        try:
            if self.field == "value" and value.strip():
                check_value(value)
            elif self.field == "dated":
                check_date(value)
        except BadInputError as exc:
            return self.failure(exc.message)
        return self.success()


class EvidenceModal(ModalScreen[EvidenceInput | None]):
    """Three fields; Enter moves on, Ctrl+S (or Enter in the last field) saves."""

    CSS_PATH = "evidence.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="evidence-cancel",
                tooltip=N_("Close without saving")),
        Binding("ctrl+s", "save", N_("Save evidence"), id="evidence-save",
                tooltip=N_("Check every field and save the evidence")),
        # A priority binding runs as the key arrives, before any key typed after it: the
        # focus moves before those keys are handed to a field.
        Binding("enter", "next_field", N_("Next field"), id="evidence-next", priority=True,
                tooltip=N_("The next field, at once; in the last field, save")),
    ]

    def __init__(self, about: str) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Evidence for: {about}").format(about=self.about), markup=False)
            yield Label(_("A note, a link (https://...) or the path of a file:"), markup=False)
            yield Input(id="value", placeholder=_("e.g. /home/me/award.pdf"),
                        validators=[_Checked("value")])
            yield Static(value_words("")[1], id="value-said", classes="said", markup=False)
            yield Label(_("A short name for it (optional):"))
            yield Input(id="name", placeholder=_("e.g. Award citation"), max_length=300)
            yield Label(_("When was it? (optional):"))
            yield Input(id="dated", placeholder=_("e.g. 2019, May 2019, spring 2019, ongoing"),
                        max_length=40, validators=[_Checked("dated")])
            yield Static(date_words("")[1], id="dated-said", classes="said", markup=False)
            yield Static(_("Enter: next field · Ctrl+S: save · Escape: cancel"), classes="hint")

    def on_key(self, event: events.Key) -> None:
        """A character that reached the dialog itself, not a field (typed while the
        dialog was opening), goes into the field that has the focus."""
        if event.is_printable and event.character:
            self._type_in(event.character)
            event.stop()

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted while the dialog was opening goes into the focused field."""
        if event.text:
            self._type_in(event.text.splitlines()[0])
            event.stop()

    def _type_in(self, text: str) -> None:
        field = self.focused if isinstance(self.focused, Input) else self._field("value")
        field.insert_text_at_cursor(text)
        if self.focused is None:
            self.set_focus(field)

    def _field(self, name: str) -> Input:
        return self.query_one(f"#{name}", Input)

    @on(Input.Changed, "#value")
    def value_changed(self, event: Input.Changed) -> None:
        self._show_said("value", *value_words(event.value))

    @on(Input.Changed, "#dated")
    def date_changed(self, event: Input.Changed) -> None:
        self._show_said("dated", *date_words(event.value))

    def _show_said(self, field: str, ok: bool, words: str) -> None:
        said = self.query_one(f"#{field}-said", Static)
        said.update(words)
        said.set_class(not ok, "problem")

    def action_next_field(self) -> None:
        """The next field, at once; in the last field, save."""
        focused = self.focused
        names = [n for n in FIELDS if focused is self._field(n)]
        if not names or names[0] == FIELDS[-1]:
            self.action_save()
            return
        self.set_focus(self._field(FIELDS[FIELDS.index(names[0]) + 1]))

    def action_save(self) -> None:
        """Check every field and return the evidence; a field that is wrong gets the
        focus and says why."""
        value, dated = self._field("value").value, self._field("dated").value
        value_ok, value_said = value_words(value)
        date_ok, date_said = date_words(dated)
        problem: tuple[str, str] | None = None
        if not value.strip():
            problem = ("value", _("Cannot save this: type a note, a link or a file path "
                                  "first."))
        elif not value_ok:
            problem = ("value", value_said)
        elif not date_ok:
            problem = ("dated", date_said)
        else:
            try:
                self.dismiss(check(value, self._field("name").value, dated))
                return
            except ValueError as exc:  # the file went away since it was typed
                problem = ("value", _("Cannot save this: {why}").format(why=exc))
        field, words = problem
        self._show_said(field, False, words)
        self.set_focus(self._field(field))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
