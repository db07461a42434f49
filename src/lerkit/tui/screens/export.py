"""Export a signed record: the signing key (made once, a step of its own), the folder and
formats, the skills and what to leave out, a privacy check, then every file at once.

Nothing is half-made: the services write each file to a temporary name, check it and
only then give it its name; a failed export records nothing. The key, once made, stays
made, and the screen says so even when the export after it failed.
"""

from __future__ import annotations

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

from lerkit.core.errors import BadInputError, LerError, NotFoundError
from lerkit.core.i18n import N_, _, current_language
from lerkit.core.records import ClaimRecord
from lerkit.services import bundles, keys, outputs, people, privacy, skill_names
from lerkit.services.context import Lerkit
from lerkit.services.outputs import BUNDLE, FORMATS, OutputsResult
from lerkit.services.privacy import Choice, Passage
from lerkit.tui.dialogs.omit import OmitModal, omit_words
from lerkit.tui.dialogs.privacy import PrivacyModal
from lerkit.tui.export_wording import default_folder, folder_problem, key_words, saved_words
from lerkit.tui.language import speak_bindings
from lerkit.tui.navigation import BundleSaved
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.widgets.language_toggle import LanguageToggle

Omit = dict[str, frozenset[str]]
EXTRA_FORMATS = [f for f in FORMATS if f.name != BUNDLE]


class ExportScreen(Screen[None]):
    """Choose, then Ctrl+S checks privacy, signs and writes every format in a worker."""

    CSS_PATH = "export.tcss"
    HELP = N_(
        "## Export\n\nThe first time, choose a passphrase and type it twice: **Ctrl+S** "
        "first makes your signing key (that stays made), then exports. After that, type "
        "the key's passphrase. Choose the folder and the formats (the signed bundle is "
        "always saved; the others are made from it). Tick the skills to put in; "
        "**Ctrl+L** chooses details of a skill to leave out (dates, organization, place, "
        "your story, evidence). Before signing, a privacy check shows passages that name "
        "health, a disability, a child or a religion: keep, leave out or reword each. "
        "A failed export saves nothing. The record is written in the screen's language; "
        "**Space** on *Record language* changes it. **F8** shows the screens in English "
        "or in Spanish."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the main keys (it must fit 80 columns); F1 and Ctrl+P list all.
        Binding("ctrl+s", "export", N_("Sign and save"), id="export-now",
                tooltip=N_("Check the choices and privacy, then sign and save every format")),
        Binding("ctrl+l", "omit", N_("Leave out..."), id="omit-details", show=False,
                tooltip=N_("Choose details of the highlighted skill to leave out")),
        Binding("f4", "toggle_all", N_("All or none"), id="toggle-all", show=False,
                tooltip=N_("Tick every skill, or none")),
        Binding("escape", "close", N_("Back"), id="close-export",
                tooltip=N_("Back to the review")),
    ]

    @dataclass
    class Loaded(Message):
        """The accepted claims and the signing key, if there is one."""

        name: str
        claims: list[ClaimRecord]
        did: str | None

    @dataclass
    class PrivacyChecked(Message):
        """The passages the person should see before signing (maybe none)."""

        passages: list[Passage]

    @dataclass
    class KeyMade(Message):
        """The signing key was made (before the export, which may still fail)."""

        did: str

    @dataclass
    class Progressed(Message):
        """A step of the export (unlocking, signing, writing a file)."""

        text: str

    @dataclass
    class Done(Message):
        """Every file was written."""

        result: OutputsResult

    @dataclass
    class Failed(Message):
        """The export (``loading``: reading the record) was refused; nothing written."""

        text: str
        loading: bool = False

    def __init__(self, ler: Lerkit, person_id: str, *, folder: Path | None = None) -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.person_id = person_id
        self.folder = folder or default_folder()
        self.claims: list[ClaimRecord] = []
        self.omit: Omit = {}
        self.did: str | None = None
        self.loaded = False
        self.person_name = ""
        self.running = False
        self.key_made_now = False  # made on this screen, by the last export
        self.record_language = current_language()  # of the record, chosen on the screen

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading the accepted skills..."), id="intro", markup=False)
        with Horizontal(classes="field"):
            yield Label(_("Passphrase:"), classes="field-label")
            yield Input(id="passphrase", password=True, compact=True, select_on_focus=False,
                        placeholder=_("type the passphrase here"))
        with Horizontal(classes="field", id="again-row"):
            yield Label(_("Again:"), classes="field-label")
            yield Input(id="again", password=True, compact=True, select_on_focus=False,
                        placeholder=_("type it once more"))
        with Horizontal(classes="field"):
            yield Label(_("Save in:"), classes="field-label")
            yield Input(str(self.folder), id="out", compact=True, select_on_focus=False,
                        placeholder=_("the folder to save the files in"))
        yield Static(_("Also save (the signed bundle is always saved):"), classes="hint")
        yield ChoiceList(multiple=True, numbered=False, id="formats")
        yield Static(_("Skills to put in (Space: in or out · Ctrl+L: leave out details · "
                       "F4: all)"), classes="hint")
        yield ChoiceList(multiple=True, numbered=False, id="claims")
        with Horizontal(classes="field"):  # after the skills: Tab reaches it last
            yield Label(_("Record language:"), id="record-language-label")
            yield LanguageToggle(current_language(), id="record-language")
        yield Static("", id="result", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#again-row").display = False
        self.query_one("#formats", ChoiceList).set_choices(
            [(f.name, f"{_(f.title)} ({f.suffix})") for f in EXTRA_FORMATS],
            [f.name for f in EXTRA_FORMATS])
        self.query_one("#passphrase", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-load")
    def load(self) -> None:
        """Read the accepted claims and the signing key."""
        try:
            name = people.require_person(self.ler, self.person_id).name
            try:
                found = skill_names.SkillNames(self.ler).claims(  # names as shown here
                    bundles.accepted_claims(self.ler, self.person_id))
            except BadInputError:  # none accepted yet: the screen says what to do
                found = []
            try:
                did: str | None = keys.show_key(self.ler, self.person_id).did
            except NotFoundError:
                did = None
        except LerError as exc:
            self.post_message(self.Failed(exc.message, loading=True))
            return
        self.post_message(self.Loaded(name, found, did))

    def on_export_screen_loaded(self, message: Loaded) -> None:
        first = not self.loaded
        self.loaded, self.claims, self.person_name = True, message.claims, message.name
        self.sub_title = _("Export: {name}").format(name=message.name)
        self._key_state(message.did)
        if first:
            claim_list = self.query_one("#claims", ChoiceList)
            claim_list.set_choices([(c.id, self._label(c)) for c in self.claims],
                                   [c.id for c in self.claims])
            if not self.claims:
                self._result(_("Nothing to export yet: accept a skill first (Escape, then "
                               "Enter on a skill)."))

    def _key_state(self, did: str | None, made_now: bool = False) -> None:
        self.did = did
        self.query_one("#again-row").display = did is None
        self.query_one("#intro", Static).update(
            _("A signed record for {name}.").format(name=self.person_name) + " "
            + key_words(did, made_now))

    def _label(self, claim: ClaimRecord) -> str:
        where = claim.experience.title if claim.experience is not None else ""
        return claim.label + (f" ({where})" if where else "")

    def action_omit(self) -> None:
        """Choose details of the highlighted skill to leave out."""
        claim_list = self.query_one("#claims", ChoiceList)
        claim_id = claim_list.highlighted_id()
        claim = next((c for c in self.claims if c.id == claim_id), None)
        if claim is None:
            self._result(_("Move to a skill in the list first (Tab), then press Ctrl+L."))
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

    # --- exporting: check the fields, the privacy check, then the worker ----------------

    def _problem(self, picked: list[str], passphrase: str, folder: str) -> str:
        again = self.query_one("#again", Input).value
        if not self.loaded:
            return _("The skills are still being read.")
        if not picked:
            return _("Tick at least one skill.")
        if not passphrase:
            return _("Type the passphrase.")
        if self.did is None:
            try:
                keys.check_new_passphrase(passphrase)
            except BadInputError as exc:
                return f"{exc.message[:1].upper()}{exc.message[1:]}."
            if passphrase != again:
                return _("The two passphrases are not the same.")
        if not folder:
            return _("Say which folder to save the files in.")
        return folder_problem(folder)

    def action_export(self) -> None:
        """Check the choices and privacy, then sign and save every format."""
        if self.running:
            return
        picked = list(self.query_one("#claims", ChoiceList).picked)
        problem = self._problem(picked, self.query_one("#passphrase", Input).value,
                                self.query_one("#out", Input).value.strip())
        if problem:
            self._result(_("Not exported: {problem}").format(problem=problem))
            return
        self.running, self.key_made_now = True, False
        self._result(_("Working: the privacy check..."))
        self.check_privacy(self._claim_ids(picked))

    def _claim_ids(self, picked: list[str]) -> list[str] | None:
        return None if len(picked) == len(self.claims) else picked

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def check_privacy(self, claim_ids: list[str] | None) -> None:
        """Find the passages to show before signing."""
        try:
            found = privacy.check(self.ler, self.person_id, claim_ids)
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.PrivacyChecked(found))

    def on_export_screen_privacy_checked(self, message: PrivacyChecked) -> None:
        if not message.passages:
            self._start([])
            return
        self._result(_("The privacy check found passages to look at."))

        def chosen(choices: list[tuple[Passage, Choice]] | None) -> None:
            if choices is None:
                self.running = False
                self._result(_("Not exported: the privacy check was closed. Nothing was "
                               "saved."))
                return
            self._start(choices)

        picked = set(self.query_one("#claims", ChoiceList).picked)
        claims = [c for c in self.claims if c.id in picked]
        self.app.push_screen(PrivacyModal(message.passages, claims), chosen)

    def _start(self, choices: list[tuple[Passage, Choice]]) -> None:
        picked = list(self.query_one("#claims", ChoiceList).picked)
        formats = [BUNDLE, *self.query_one("#formats", ChoiceList).picked]
        omit = {cid: fs for cid, fs in self.omit.items() if fs and cid in picked}
        folder = Path(self.query_one("#out", Input).value.strip()).expanduser().resolve()
        self.record_language = self.query_one("#record-language", LanguageToggle).value
        self._result(_("Working..."))
        self.run_export(self.query_one("#passphrase", Input).value, folder, formats,
                        self._claim_ids(picked), omit, choices, self.did is None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def run_export(self, passphrase: str, folder: Path, formats: list[str],
                   claim_ids: list[str] | None, omit: Omit,
                   choices: list[tuple[Passage, Choice]], make_key: bool) -> None:
        """Make the key if there is none (a step of its own), store the privacy choices,
        then sign and write every chosen format."""
        try:
            folder.mkdir(exist_ok=True)  # a new folder named in the box (its parent exists)
            if make_key:
                self.post_message(self.Progressed(_("making your signing key")))
                self.post_message(self.KeyMade(keys.init_key(self.ler, self.person_id,
                                                             passphrase)))
            if choices:
                omit = privacy.merge_omit(omit, privacy.apply(self.ler, self.person_id,
                                                              choices, claim_ids))
            result = outputs.export_to_folder(
                self.ler, self.person_id, folder, passphrase, formats, claim_ids=claim_ids,
                omit=omit, progress=self._progress, language=self.record_language)
        except (LerError, OSError) as exc:
            text = exc.message if isinstance(exc, LerError) else str(exc)
            self.post_message(self.Failed(text))
            return
        self.post_message(self.Done(result))

    def _progress(self, text: str) -> None:
        self.post_message(self.Progressed(text))

    def on_export_screen_key_made(self, message: KeyMade) -> None:
        self.key_made_now = True
        self._key_state(message.did, made_now=True)
        self.query_one("#again", Input).value = ""

    def on_export_screen_progressed(self, message: Progressed) -> None:
        self._result(_("Working: {step}...").format(step=message.text))

    def on_export_screen_done(self, message: Done) -> None:
        self.running = False
        for field in ("#passphrase", "#again"):
            self.query_one(field, Input).value = ""
        self._result(saved_words(message.result))
        self.post_message(BundleSaved(message.result.bundle.path))  # what F6 offers
        self.notify(_("Saved to {folder}").format(folder=message.result.bundle.path.parent),
                    title=_("Exported"))

    def on_export_screen_failed(self, message: Failed) -> None:
        self.running = False
        if message.loading:
            self._result(_("Error: {text}").format(text=message.text))
            return
        text = _("Not exported: {why}. Nothing was saved.").format(
            why=message.text.rstrip("."))
        if self.key_made_now:
            text += " " + _("Your signing key was made and is kept: press Ctrl+S to try again "
                            "with the same passphrase.")
        self._result(text)
        if not self.key_made_now:
            self.load()  # say the key's state as it is now

    def _result(self, text: str) -> None:
        self.query_one("#result", Static).update(text)

    def action_close(self) -> None:
        """Back to the review."""
        self.app.pop_screen()
