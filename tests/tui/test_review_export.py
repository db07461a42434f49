"""Review, export (making a key, leaving out details, the privacy check, every format)
and verify, by keys at 80x24."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

from lerkit.core.records import ClaimStatus, Proficiency
from lerkit.services import bundles, outputs
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.review import record_view
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.privacy import PrivacyModal
from lerkit.tui.dialogs.verify import VerifyModal
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.widgets.claim_list import ClaimList, row_kind

from .keys import settle, type_text

PASSPHRASE = "a long enough passphrase"
# "p" on a skill: not set (or not yet accepted) -> with help -> on my own -> taught or led
# others -> with help
ONE_STEP_ON: dict[Proficiency | None, Proficiency | None] = {
    None: Proficiency.WITH_HELP,
    Proficiency.WITH_HELP: Proficiency.ON_MY_OWN,
    Proficiency.ON_MY_OWN: Proficiency.TAUGHT_OR_LED,
    Proficiency.TAUGHT_OR_LED: None,  # back to not set
}


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def _text(widget: Static) -> str:
    return str(widget.render())


def _top(app: LerkitApp) -> Screen[object]:
    """The screen in front (a fresh read, so checks in turn are not narrowed away)."""
    return app.screen


def claim_ids(claims: ClaimList) -> list[str]:
    """The ids of the skill rows (not experiences, evidence or headings), in order."""
    return [r.id for r in claims.rows
            if r.id is not None and not r.heading and row_kind(r.id)[0] == "claim"]


async def test_edit_export_and_verify_by_keys(ler: Lerkit, tmp_path: Path) -> None:
    person_id = create_demo(ler)
    name = record_view(ler, person_id).name
    folder = tmp_path / "records"
    folder.mkdir()
    app = make_app(ler)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "review")
        await settle(app, pilot, 0.3)  # the palette searches as you type
        await pilot.press("enter")
        await settle(app, pilot)
        screen_now = _top(app)
        assert isinstance(screen_now, ReviewScreen)
        claims = screen_now.query_one("#claims", ClaimList)
        first, second = claim_ids(claims)[:2]
        before = {c.id: c for v in record_view(ler, person_id).experiences for c in v.claims}
        was = before[second].proficiency if before[second].status == ClaimStatus.ACCEPTED else None
        claims.highlighted = [r.id for r in claims.rows].index(first)
        await pilot.press("r")  # turn down the first skill: the cursor goes with it
        await settle(app, pilot)
        claims.highlighted = [r.id for r in claims.rows].index(second)
        await pilot.press("p")  # how well, one step on
        await settle(app, pilot)
        record = {c.id: c for v in record_view(ler, person_id).experiences for c in v.claims}
        assert record[first].status == ClaimStatus.REJECTED
        assert record[second].status == ClaimStatus.ACCEPTED
        assert record[second].proficiency == ONE_STEP_ON[was], (was, record[second].proficiency)

        await pilot.press("ctrl+e")
        await settle(app, pilot)
        screen = _top(app)
        assert isinstance(screen, ExportScreen)
        assert screen.query_one("#again-row").display  # no key yet: asked twice
        assert "no signing key yet" in _text(screen.query_one("#intro", Static))
        await type_text(pilot, PASSPHRASE)
        await pilot.press("tab")
        await type_text(pilot, PASSPHRASE)
        await pilot.press("tab", "home", "ctrl+k")
        await type_text(pilot, str(folder))
        await pilot.press("tab", "tab")  # past the formats, to the list of skills
        labels = [c.label for c in screen.claims]
        row = next(n for n, label in enumerate(labels) if labels.count(label) == 1)
        left_out = screen.claims[row]
        await pilot.press(*["down"] * row, "ctrl+l")
        await settle(app, pilot)
        await pilot.press("1", "ctrl+s")  # leave out the dates of that skill
        await settle(app, pilot)
        await pilot.press("down", "space")  # and leave the next skill out
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        check = _top(app)
        assert isinstance(check, PrivacyModal)  # the demo's story names medicines
        hidden = check.passages[0]
        assert hidden.entity == "experience" and hidden.field == "narrative"
        await pilot.press("o", "ctrl+s")  # leave the first passage out, keep the others
        await settle(app, pilot, 0.2)
        result = _text(screen.query_one("#result", Static))
        assert "Saved" in result and "sha256" in result, result
        assert "Your signing key is made" in _text(screen.query_one("#intro", Static))
        assert not screen.query_one("#again-row").display

        stem = outputs.default_basename(name)
        out = folder / f"{stem}.bundle.json"
        await pilot.press("f6")
        await settle(app, pilot)
        modal = _top(app)
        assert isinstance(modal, VerifyModal)
        # the file saved last is offered: Enter checks it
        assert modal.query_one("#path", Input).value == str(out.resolve())
        await pilot.press("enter")
        await settle(app, pilot, 0.2)
        verdict = _text(modal.query_one("#verdict", Static))
        assert verdict.startswith("VALID"), verdict
        assert "self-attested" in verdict

    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted(f"{stem}{f.suffix}" for f in outputs.FORMATS)
    report = bundles.verify_file(out)
    assert report.valid
    accepted = record_view(ler, person_id).exportable
    assert len(report.claims) == len(accepted) - 1
    bundle = json.loads(out.read_text(encoding="utf-8"))
    texts = json.dumps(bundle, ensure_ascii=False)
    assert PASSPHRASE not in texts
    assert hidden.sentence not in texts
    named = [c for c in bundle["credentialSubject"]["verifiableCredential"]
             if c["credentialSubject"]["achievement"]["name"] == left_out.label]
    assert len(named) == 1 and "activityStartDate" not in named[0]["credentialSubject"]


def test_review_rows_say_who_endorsed_a_skill(ler: Lerkit, tmp_path: Path) -> None:
    from lerkit.tui.widgets.claim_list import record_rows
    from tests.services.endorsed import PROFILE, endorse_first_claim
    from tests.services.sample import make_sample

    sample = make_sample(ler, tmp_path)
    endorse_first_claim(ler, sample, tmp_path)
    view = record_view(ler, sample.person_id)
    endorsed = [c for c in view.exportable if c.id in view.endorsed_by]
    assert [c.label for c in endorsed] == ["Shipping and receiving"]
    assert view.endorsed_by[endorsed[0].id] == [f"{PROFILE.name}, supervisor"]
    texts = {row.id: row.text for row in record_rows(view) if row.id}
    assert f"endorsed by {PROFILE.name}, supervisor" in texts[endorsed[0].id]
    others = [text for claim_id, text in texts.items() if claim_id != endorsed[0].id]
    assert others and not any("endorsed by" in text for text in others)
