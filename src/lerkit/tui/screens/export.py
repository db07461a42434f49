"""Export a signed record: passphrase, where to save, which skills, what to leave out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from lerkit.core.errors import LerError, NotFoundError
from lerkit.core.records import ClaimRecord
from lerkit.services import bundles, keys, people
from lerkit.services.bundles import ExportResult
from lerkit.services.context import Lerkit
from lerkit.tui.screens.omit import OmitModal, omit_words
from lerkit.tui.widgets.choice_list import ChoiceList


def default_path(name: str) -> Path:
    """``<name>-record.json`` in the current folder."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "person"
    return Path.cwd() / f"{slug}-record.json"


class ExportScreen(Screen[None]):
    """Choose, then Ctrl+S signs and writes the bundle in a worker thread."""

    CSS_PATH = "export.tcss"
    HELP = (
        "## Export\n\nType the passphrase of your signing key (the first time, choose one "
        "and type it twice). Tick the skills to put in. On a skill, **O** chooses details "
        "to leave out (dates, organization, place, your story, evidence). **Ctrl+S** signs "
        "and saves the record; the file's SHA-256 is shown so you can check it later."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Sign and save", id="export-now"),
        Binding("o", "omit", "Leave out...", id="omit-details"),
        Binding("a", "toggle_all", "All or none", id="toggle-all"),
        Binding("escape", "close", "Back", id="close-export"),
    ]

    @dataclass
    class Loaded(Message):
        """The accepted claims and whether the person has a key yet."""

        name: str
        claims: list[ClaimRecord]
        has_key: bool

    @dataclass
    class Progressed(Message):
        """A step of the export (unlocking, signing)."""

        text: str

    @dataclass
    class Done(Message):
        """The bundle was written."""

        result: ExportResult

    @dataclass
    class Failed(Message):
        """The export (or loading) was refused."""

        text: str

    def __init__(self, ler: Lerkit, person_id: str) -> None:
        super().__init__()
        self.ler = ler
        self.person_id = person_id
        self.claims: list[ClaimRecord] = []
        self.omit: dict[str, frozenset[str]] = {}
        self.has_key = True
        self.running = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the accepted skills...", id="intro", markup=False)
        with Horizontal(classes="field"):
            yield Label("Passphrase:", classes="field-label")
            yield Input(id="passphrase", password=True, compact=True,
                        placeholder="type the passphrase here")
        with Horizontal(classes="field", id="again-row"):
            yield Label("Again:", classes="field-label")
            yield Input(id="again", password=True, compact=True,
                        placeholder="type it once more")
        with Horizontal(classes="field"):
            yield Label("Save to:", classes="field-label")
            yield Input(id="out", compact=True, placeholder="where to save the file")
        yield Static("Skills to put in (Space: in or out · O: leave out details · A: all)",
                     classes="hint")
        yield ChoiceList(multiple=True, numbered=False, id="claims")
        yield Static("", id="result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#again-row").display = False
        self.query_one("#passphrase", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-load")
    def load(self) -> None:
        """Read the accepted claims and check for a signing key."""
        try:
            name = people.require_person(self.ler, self.person_id).name
            found = bundles.accepted_claims(self.ler, self.person_id)
            try:
                keys.show_key(self.ler, self.person_id)
                has_key = True
            except NotFoundError:
                has_key = False
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Loaded(name, found, has_key))

    def on_export_screen_loaded(self, message: Loaded) -> None:
        self.claims, self.has_key = message.claims, message.has_key
        self.sub_title = f"Export: {message.name}"
        self.query_one("#out", Input).value = str(default_path(message.name))
        self.query_one("#again-row").display = not message.has_key
        key = ("Type the passphrase of your signing key." if message.has_key else
               "You have no signing key yet: choose a passphrase (8 or more characters) and "
               "type it twice; the key is made when you export.")
        self.query_one("#intro", Static).update(
            f"A signed record for {message.name}. {key}")
        claim_list = self.query_one("#claims", ChoiceList)
        claim_list.set_choices([(c.id, self._label(c)) for c in self.claims],
                               [c.id for c in self.claims])

    def _label(self, claim: ClaimRecord) -> str:
        where = claim.experience.title if claim.experience is not None else ""
        return claim.label + (f" ({where})" if where else "")

    def action_omit(self) -> None:
        """Choose details of the highlighted skill to leave out."""
        claim_list = self.query_one("#claims", ChoiceList)
        claim_id = claim_list.highlighted_id()
        claim = next((c for c in self.claims if c.id == claim_id), None)
        if claim is None:
            return

        def chosen(omit: frozenset[str] | None) -> None:
            if omit is None:
                return
            self.omit[claim.id] = omit
            claim_list.set_detail(claim.id, omit_words(omit))

        self.app.push_screen(OmitModal(claim, self.omit.get(claim.id, frozenset())), chosen)

    def action_toggle_all(self) -> None:
        """Tick every skill, or none."""
        claim_list = self.query_one("#claims", ChoiceList)
        everything = len(claim_list.picked) < len(self.claims)
        claim_list.set_picked([c.id for c in self.claims] if everything else [])

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    def action_export(self) -> None:
        """Check the choices, then sign and save in a worker thread."""
        if self.running:
            return
        picked = self.query_one("#claims", ChoiceList).picked
        passphrase = self.query_one("#passphrase", Input).value
        again = self.query_one("#again", Input).value
        out = self.query_one("#out", Input).value.strip()
        problem = ("Tick at least one skill." if not picked else
                   "Type the passphrase." if not passphrase else
                   "Say where to save the file." if not out else
                   "The two passphrases are not the same."
                   if not self.has_key and passphrase != again else "")
        if problem:
            self._result(f"Not exported: {problem}")
            return
        every = len(picked) == len(self.claims)
        omit = {cid: fs for cid, fs in self.omit.items() if fs and cid in picked}
        self.running = True
        self._result("Working...")
        self.run_export(passphrase, Path(out).expanduser(), None if every else list(picked),
                        omit)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def run_export(self, passphrase: str, out: Path, claim_ids: list[str] | None,
                   omit: dict[str, frozenset[str]]) -> None:
        """Make the key if needed, then sign and write the bundle atomically."""
        try:
            if not self.has_key:
                self.post_message(self.Progressed("making your signing key"))
                keys.init_key(self.ler, self.person_id, passphrase)
            result = bundles.export_bundle(
                self.ler, self.person_id, out.resolve(), passphrase, claim_ids=claim_ids,
                omit=omit, progress=self._progress)
        except (LerError, OSError) as exc:
            text = exc.message if isinstance(exc, LerError) else str(exc)
            self.post_message(self.Failed(text))
            return
        self.post_message(self.Done(result))

    def _progress(self, text: str) -> None:
        self.post_message(self.Progressed(text))

    def on_export_screen_progressed(self, message: Progressed) -> None:
        self._result(f"Working: {message.text}...")

    def on_export_screen_done(self, message: Done) -> None:
        self.running, self.has_key = False, True
        self.query_one("#again-row").display = False
        for field in ("#passphrase", "#again"):
            self.query_one(field, Input).value = ""
        r = message.result
        self._result(f"Saved {r.claims} skills to {r.path}\nsha256: {r.sha256}\n"
                     f"Signed by {r.did}")
        self.notify(f"Saved to {r.path}", title="Exported")

    def on_export_screen_failed(self, message: Failed) -> None:
        self.running = False
        self._result(f"Not exported: {message.text}")

    def _result(self, text: str) -> None:
        self.query_one("#result", Static).update(text)

    def action_close(self) -> None:
        """Back to the review."""
        self.app.pop_screen()

