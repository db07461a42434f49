"""Check a signed record file: VALID or NOT VALID, and a line per skill, in words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from lerkit.core.credentials.report import KIND_ENDORSEMENTS, TIER_WORDS, BundleReport
from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, ngettext
from lerkit.services import bundles


def report_text(report: BundleReport) -> str:
    """The verdict in words, one line per skill, then every problem."""
    lines = [_("VALID: every check passed.") if report.valid else _("NOT VALID: see below.")]
    if report.kind == KIND_ENDORSEMENTS:
        count = len(report.endorsements)
        lines.append(ngettext("An endorser's file of {n} endorsement.",
                              "An endorser's file of {n} endorsements.", count).format(n=count))
        lines += ["- " + _("by {who}, of {subject}: {verdict}").format(
                      who=e.who, subject=e.subject_id,
                      verdict=_("valid") if e.valid else _("NOT valid"))
                  for e in report.endorsements]
    else:
        lines.append(_("Holder: {holder}").format(holder=report.holder or _("unknown")))
    for claim in report.claims:
        verdict = _("valid") if claim.valid else _("NOT valid")
        names = "; ".join(e.who for e in claim.endorsements if e.valid)
        endorsed = f" ({names})" if names else ""
        lines.append(f"- {claim.skill or claim.credential_id or _('a skill')}: {verdict}, "
                     f"{TIER_WORDS.get(claim.tier, claim.tier)}{endorsed}")
    problems = report.all_errors()
    if problems:
        lines += [_("Problems:"), *(f"- {p}" for p in problems)]
    return "\n".join(lines)


class VerifyModal(ModalScreen[None]):
    """A path (and an optional evidence folder); Enter or Ctrl+S checks it."""

    CSS_PATH = "verify.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "verify", N_("Check"), id="verify-now",
                tooltip=N_("Check the file")),
        Binding("escape", "close", N_("Close"), id="verify-close",
                tooltip=N_("Close the dialog")),
    ]

    @dataclass
    class Checked(Message):
        """The verdict (or why the file could not be read)."""

        text: str
        valid: bool | None

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Check a signed record file"))
            yield Input(self.path, id="path", placeholder=_("Path of the .json file"))
            yield Input(id="evidence",
                        placeholder=_("Folder with the evidence files (optional)"))
            with VerticalScroll(id="verdict-box"):
                yield Static(_("Enter or Ctrl+S checks; Escape closes."), id="verdict",
                             markup=False)

    @on(Input.Submitted)
    def action_verify(self) -> None:
        """Check the file in a worker thread."""
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self._show(_("Type the path of a record file first."))
            return
        folder = self.query_one("#evidence", Input).value.strip()
        self._show(_("Checking..."))
        self.check(Path(path).expanduser(), Path(folder).expanduser() if folder else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="verify")
    def check(self, path: Path, evidence: Path | None) -> None:
        """Run every check of ``ler verify``."""
        try:
            report = bundles.verify_file(path, evidence)
        except (LerError, OSError, ValueError) as exc:
            why = exc.message if isinstance(exc, LerError) else str(exc)
            self.post_message(self.Checked(_("NOT VALID: cannot read it: {why}").format(why=why),
                                           None))
            return
        self.post_message(self.Checked(report_text(report), report.valid))

    def on_verify_modal_checked(self, message: Checked) -> None:
        self._show(message.text)

    def _show(self, text: str) -> None:
        self.query_one("#verdict", Static).update(text)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
