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
from lerkit.services import bundles


def report_text(report: BundleReport) -> str:
    """The verdict in words, one line per skill, then every problem."""
    lines = ["VALID: every check passed." if report.valid else "NOT VALID: see below."]
    if report.kind == KIND_ENDORSEMENTS:
        lines.append(f"An endorser's file of {len(report.endorsements)} endorsements.")
        lines += [f"- by {e.who}, of {e.subject_id}: {'valid' if e.valid else 'NOT valid'}"
                  for e in report.endorsements]
    else:
        lines.append(f"Holder: {report.holder or 'unknown'}")
    for claim in report.claims:
        verdict = "valid" if claim.valid else "NOT valid"
        names = "; ".join(e.who for e in claim.endorsements if e.valid)
        endorsed = f" ({names})" if names else ""
        lines.append(f"- {claim.skill or claim.credential_id or 'a skill'}: {verdict}, "
                     f"{TIER_WORDS.get(claim.tier, claim.tier)}{endorsed}")
    problems = report.all_errors()
    if problems:
        lines += ["Problems:", *(f"- {p}" for p in problems)]
    return "\n".join(lines)


class VerifyModal(ModalScreen[None]):
    """A path (and an optional evidence folder); Enter or Ctrl+S checks it."""

    CSS_PATH = "verify.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "verify", "Check", id="verify-now"),
        Binding("escape", "close", "Close", id="verify-close"),
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
            yield Label("Check a signed record file")
            yield Input(self.path, id="path", placeholder="Path of the .json file")
            yield Input(id="evidence", placeholder="Folder with the evidence files (optional)")
            with VerticalScroll(id="verdict-box"):
                yield Static("Enter or Ctrl+S checks; Escape closes.", id="verdict",
                             markup=False)

    @on(Input.Submitted)
    def action_verify(self) -> None:
        """Check the file in a worker thread."""
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self._show("Type the path of a record file first.")
            return
        folder = self.query_one("#evidence", Input).value.strip()
        self._show("Checking...")
        self.check(Path(path).expanduser(), Path(folder).expanduser() if folder else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="verify")
    def check(self, path: Path, evidence: Path | None) -> None:
        """Run every check of ``ler verify``."""
        try:
            report = bundles.verify_file(path, evidence)
        except (LerError, OSError, ValueError) as exc:
            why = exc.message if isinstance(exc, LerError) else str(exc)
            self.post_message(self.Checked(f"NOT VALID: cannot read it: {why}", None))
            return
        self.post_message(self.Checked(report_text(report), report.valid))

    def on_verify_modal_checked(self, message: Checked) -> None:
        self._show(message.text)

    def _show(self, text: str) -> None:
        self.query_one("#verdict", Static).update(text)

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
