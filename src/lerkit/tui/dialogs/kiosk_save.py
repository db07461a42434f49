"""The kiosk's save dialog: save now, or before everything is wiped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _
from lerkit.services.kiosk_session import KioskOutcome, KioskSession, SavedFiles

TEXT = {  # marked; shown with _()
    "save": N_("Save your profile (locked with your passphrase) and your signed record now. "
            "If this session is cut off later, they are saved to the same folder again."),
    "quit": N_("Everything from this session is about to be wiped from this computer. Save "
               "your profile (to go on another day) and your signed record first?"),
    "terminate": N_("This computer is closing lerkit. Save your profile and your signed "
                    "record before everything is wiped?"),
}


class SaveModal(ModalScreen[KioskOutcome | None]):
    """Choose a folder and save; ``mode`` is save (then go on), quit or terminate."""

    CSS_PATH = "kiosk_save.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Keep working"), id="kiosk-save-back",
                tooltip=N_("Close the dialog and go on")),
    ]

    @dataclass
    class Saved(Message):
        """The files were written."""

        saved: SavedFiles

    @dataclass
    class Failed(Message):
        """The folder was refused (missing, not writable...)."""

        text: str

    def __init__(self, session: KioskSession, mode: str, seconds: float | None = None) -> None:
        super().__init__()
        self.session = session
        self.mode = mode
        self.left = seconds
        self.saving = False

    def compose(self) -> ComposeResult:
        go = {"save": _("Save"), "quit": _("Save and finish"), "terminate": _("Save and finish")}
        with Vertical(id="dialog"):
            yield Label(_(TEXT[self.mode]), id="why")
            yield Label(_("Folder (for example your USB stick):"))
            yield Input(str(self.session.save_dir or ""), id="folder")
            yield Static("", id="status")
            with Horizontal(id="buttons"):
                yield Button(go[self.mode], id="save", variant="primary")
                if self.mode != "save":
                    yield Button(_("Finish without saving"), id="discard", variant="error")
                if self.mode != "terminate":
                    yield Button(_("Keep working"), id="back")

    def on_mount(self) -> None:
        for folder in self.query("#folder"):  # none if the app is already closing
            folder.focus()
        if self.left is not None:
            self.set_interval(1.0, self._count_down)
            self._count_down(step=0)

    def _count_down(self, step: float = 1.0) -> None:
        if self.left is None or self.saving:
            return
        self.left -= step
        if self.left <= 0:  # nobody answered: the folder chosen earlier, if any
            self.dismiss(KioskOutcome("terminate", handled=True, saved=self.session.autosave()))
            return
        seconds = f"{self.left:.0f}"
        said = (_("Closing in {seconds} seconds. If you do nothing, your files are saved to "
                  "{folder}.").format(seconds=seconds, folder=self.session.save_dir)
                if self.session.save_dir else
                _("Closing in {seconds} seconds. If you do nothing, nothing is saved.").format(
                    seconds=seconds))
        for status in self.query("#status").results(Static):
            status.update(said)

    def to_terminate(self, seconds: float) -> None:
        """The computer is closing lerkit while this dialog is open."""
        self.mode = "terminate"
        self.query_one("#why", Label).update(_(TEXT["terminate"]))
        for button in self.query("#back"):
            button.remove()
        if self.left is None:
            self.left = seconds
            self.set_interval(1.0, self._count_down)
            self._count_down(step=0)

    @on(Input.Submitted, "#folder")
    def submitted(self) -> None:
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        elif event.button.id == "discard":
            self.dismiss(KioskOutcome(self.mode, handled=True))
        else:
            self.action_back()

    def action_back(self) -> None:
        """Close the dialog and go on (not while the computer is closing lerkit)."""
        if self.mode != "terminate":
            self.dismiss(None)

    def save(self) -> None:
        """Check the folder, then write the files in a worker thread."""
        self.saving = True
        self.query_one("#status", Static).update(_("Saving..."))
        self.write(self.query_one("#folder", Input).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="kiosk-save")
    def write(self, folder: str) -> None:
        """Save the profile and the signed record."""
        try:
            saved = self.session.save(folder)
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Saved(saved))

    def on_save_modal_failed(self, message: Failed) -> None:
        self.saving = False
        self.query_one("#status", Static).update(_("Not saved: {text}").format(text=message.text))

    def on_save_modal_saved(self, message: Saved) -> None:
        saved = message.saved
        if self.mode == "save":
            self.app.notify(saved.describe(), title=_("Saved"), timeout=10)
            self.dismiss(None)
        else:
            self.dismiss(KioskOutcome(self.mode, handled=True, saved=saved))
