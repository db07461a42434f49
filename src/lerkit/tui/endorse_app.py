"""The endorser's review as its own small Textual application (``ler endorse BUNDLE``)."""

from __future__ import annotations

from pathlib import Path

from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, EndorseResult
from lerkit.tui.base_app import LerkitBaseApp
from lerkit.tui.screens.endorse import EndorseScreen


class EndorseApp(LerkitBaseApp[EndorseResult | None]):
    """Review one bundle and sign endorsements; exits with what was written (or None)."""

    TITLE = "lerkit: endorse"

    def __init__(self, ler: Lerkit, review: BundleReview, out: Path, *,
                 high_contrast: bool = False) -> None:
        super().__init__(high_contrast=high_contrast)
        self.ler = ler
        self.review = review
        self.out = out

    def on_mount(self) -> None:
        self.push_screen(EndorseScreen(self.ler, self.review, self.out))



def make_endorse_app(ler: Lerkit, review: BundleReview, out: Path, *,
                     high_contrast: bool = False) -> EndorseApp:
    """The factory used by ``ler endorse`` and by the tests."""
    return EndorseApp(ler, review, out, high_contrast=high_contrast)
