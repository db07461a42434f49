"""The endorser's review as its own small Textual application (``ler endorse BUNDLE``)."""

from __future__ import annotations

from pathlib import Path

from lerkit.core.i18n import N_
from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, EndorseResult
from lerkit.tui.base_app import LerkitBaseApp
from lerkit.tui.screens.endorse import EndorseScreen


class EndorseApp(LerkitBaseApp[EndorseResult | None]):
    """Review one bundle and sign endorsements; exits with what was written (or None)."""

    TITLE = N_("lerkit: endorse")

    def __init__(self, ler: Lerkit, review: BundleReview, out: Path, *,
                 high_contrast: bool = False, signer: str = "") -> None:
        super().__init__(high_contrast=high_contrast)
        self.ler = ler
        self.review = review
        self.out = out
        self.signer = signer

    def on_mount(self) -> None:
        self.push_screen(EndorseScreen(self.ler, self.review, self.out, self.signer))

    async def language_changed(self) -> None:
        """The review made anew in the language just chosen, with what was chosen and
        typed on it."""
        if isinstance(self.screen, EndorseScreen):
            fresh = EndorseScreen(self.ler, self.review, self.out, self.signer)
            fresh.take_over(self.screen)
            await self.switch_screen(fresh)

    def on_endorse_screen_finished(self, message: EndorseScreen.Finished) -> None:
        self.exit(message.result)

    async def action_quit(self) -> None:
        """Ctrl+Q leaves the way Esc does: twice when skills are chosen or words typed,
        so that nothing typed is lost to one key."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, EndorseScreen):
            self.pop_screen()  # a dialog in front (the passphrase): closed, nothing signed
        if isinstance(self.screen, EndorseScreen):
            self.screen.action_quit_review()
        else:
            self.exit(None)


def make_endorse_app(ler: Lerkit, review: BundleReview, out: Path, *,
                     high_contrast: bool = False, signer: str = "") -> EndorseApp:
    """The factory used by ``ler endorse`` and by the tests; ``signer`` says who signs."""
    return EndorseApp(ler, review, out, high_contrast=high_contrast, signer=signer)
