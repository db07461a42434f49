"""The endorser's review screen, driven by keys at 80x24; the file it writes verifies.

The screen marks the box or field that has the keys with ▶ (never by colour alone),
shows at least 8 skills, keeps every word typed, and names skills, not claim ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from lerkit.core.credentials import binding_errors
from lerkit.core.credentials.dates import now_utc
from lerkit.core.credentials.endorsed import endorsement_entry
from lerkit.services import bundles, endorsers, endorsing
from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, EndorseResult
from lerkit.tui.endorse_app import EndorseApp, make_endorse_app
from tests.cli.runner import ler
from tests.conftest import reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample
from tests.tui.render import screen_lines, screen_text

ENDORSER_PASSPHRASE = "endorser passphrase"
SIZE = (80, 24)


@pytest.fixture
def endorser(tmp_path: Path) -> Iterator[Lerkit]:
    opened = Lerkit.open(f"sqlite:///{tmp_path / 'endorser.db'}")
    endorsers.init_endorser(opened, ENDORSER_PASSPHRASE, name="Jordan Coach",
                            organization="Riverside Workforce Center")
    yield opened
    opened.close()


def _bundle(folder: Path, n_claims: int = 3) -> Path:
    worker = Lerkit.open()
    sample = make_sample(worker, folder, n_claims=n_claims)
    path = folder / "bundle.json"
    bundles.export_bundle(worker, sample.person_id, path, PASSPHRASE)
    worker.close()
    return path


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return _bundle(tmp_path)


async def _settle(app: EndorseApp, pilot: Pilot[EndorseResult | None]) -> None:
    """Let the signing worker finish and its message be handled."""
    await pilot.pause(0.2)
    await app.workers.wait_for_complete()
    await pilot.pause()


def _focused(app: EndorseApp) -> str | None:
    return app.focused.id if app.focused is not None else None


def _status(app: EndorseApp) -> str:
    return screen_lines(app)[-3] + " " + screen_lines(app)[-2]


def _marked(app: EndorseApp) -> list[str]:
    """The rows of the screen that carry the ▶ focus mark on a box title or a label."""
    return [line.strip() for line in screen_lines(app)[:-3]  # not the status line
            if "▶" in line and "[x]" not in line and "[ ]" not in line]  # rows: the skill


async def test_pick_one_claim_comment_relationship_and_sign(
    endorser: Lerkit, bundle: Path, tmp_path: Path
) -> None:
    review = endorsing.review_bundle(bundle)
    assert review.valid and len(review.claims) == 3
    out = tmp_path / "endorsements.json"
    app = make_endorse_app(endorser, review, out, signer="Jordan Coach")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert review.holder is not None
        assert "Marcus Bell" in text and "VERIFIES" in text and review.holder in text
        assert "You sign as Jordan Coach" in text
        claims = app.screen.query_one("#claims", OptionList)
        assert _focused(app) == "claims"
        await pilot.press("down", "up", "space")
        await pilot.pause()
        first = review.claims[0]
        assert "[x] chosen" in str(claims.get_option_at_index(0).prompt)
        assert "[ ] not chosen" in str(claims.get_option_at_index(1).prompt)
        assert f"About: {first.skill}" in screen_text(app)
        await pilot.press("ctrl+s")  # not ready yet: no relationship; the keys go there
        await pilot.pause()
        assert not out.exists() and "Say how you know the person" in _status(app)
        assert _focused(app) == "relationship"
        await pilot.press(*"supervisor", "enter", *"Led the night shift.", "enter")
        await pilot.pause(0.3)
        assert first.skill in screen_text(app)  # the passphrase prompt names the skill
        await pilot.press(*ENDORSER_PASSPHRASE, "enter")
        await _settle(app, pilot)
    assert app.return_value is not None and app.return_value.path == out
    [endorsement] = json.loads(out.read_text(encoding="utf-8"))
    entry = endorsement_entry(endorsement, now_utc(), None)
    assert entry.valid, entry.errors
    assert entry.subject_id == first.credential_id
    assert entry.relationship == "supervisor" and entry.comment == "Led the night shift."
    assert binding_errors(endorsement, review.credentials[first.credential_id]) == []
    lines = reference_verdicts(out)
    assert lines and lines[0].startswith("OK "), lines
    shown = ler("verify", str(out))
    assert shown.code == 0, shown.stderr
    assert f"[ok  ] {first.skill} (claim {first.credential_id})" in shown.stdout
    assert "endorses: urn:" not in shown.stdout
    found = json.loads(ler("verify", str(out), "--json").stdout)
    assert [e["endorses_skill"] for e in found["endorsements"]] == [first.skill]


async def test_at_least_eight_skills_show_and_the_focus_is_marked_in_words(
    endorser: Lerkit, tmp_path: Path
) -> None:
    review = endorsing.review_bundle(_bundle(tmp_path, n_claims=10))
    app = make_endorse_app(endorser, review, tmp_path / "out.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = [line for line in screen_lines(app) if "not chosen" in line]
        assert len(rows) >= 8, screen_text(app)
        assert sum(c.skill in screen_text(app) for c in review.claims) >= 8
        assert "urn:uuid" not in screen_text(app)  # skill names, never claim ids
        expected = ["▶ Skills: 0 of 10 chosen (keys go here)", "▶ How you know them:",
                    "▶ Comment, for all:", "▶ About: "]
        for step, mark in enumerate(expected):
            marked = _marked(app)
            assert len(marked) == 1 and mark in marked[0], (step, marked)
            await pilot.press("tab")
            await pilot.pause()
        assert "▶ Skills:" in _marked(app)[0]  # round again to the list


async def test_typed_text_is_never_lost(endorser: Lerkit, bundle: Path, tmp_path: Path) -> None:
    review = endorsing.review_bundle(bundle)
    out = tmp_path / "endorsements.json"
    app = make_endorse_app(endorser, review, out)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        relationship = screen.query_one("#relationship", Input)
        comment = screen.query_one("#comment", Input)
        await pilot.press("space", "down", "space")
        # letters typed on the list go into the first empty field, spaces included
        await pilot.press(*"co worker")
        assert relationship.value == "co worker" and app.focused is relationship
        assert "One comment for every chosen skill" in screen_text(app)  # Space flipped nothing
        await pilot.press("tab", *"Reliable every day.")
        assert comment.value == "Reliable every day."
        await pilot.press("ctrl+o")  # a comment per skill: each starts from the shared one
        await pilot.pause()
        assert comment.value == "Reliable every day."
        await pilot.press("ctrl+u", *"Ran the dock.")
        await pilot.press("shift+tab", "shift+tab", "up")  # to the list, the other skill
        await pilot.pause()
        assert comment.value == "Reliable every day."
        await pilot.press("down")
        await pilot.pause()
        assert comment.value == "Ran the dock."
        assert "Your comment: Ran the dock." in screen_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert comment.value == "Reliable every day."
        await pilot.press("ctrl+o", "escape")  # one Esc does not throw the work away
        await pilot.pause()
        assert app.is_running and "Esc again leaves WITHOUT signing" in _status(app)
        await pilot.press("shift+tab", "end", "s", "backspace")  # new typing: asked again
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and "Esc again leaves WITHOUT signing" in _status(app)
        await pilot.press("ctrl+s", *"wrong passphrase", "enter")
        await _settle(app, pilot)
        assert "Not signed" in _status(app) and not out.exists()
        assert relationship.value == "co worker"
        await pilot.press("ctrl+s", *ENDORSER_PASSPHRASE, "enter")
        await _settle(app, pilot)
    assert app.return_value is not None
    said = {endorsement_entry(e, now_utc(), None).subject_id:
            endorsement_entry(e, now_utc(), None).comment
            for e in json.loads(out.read_text(encoding="utf-8"))}
    first, second = review.claims[0].credential_id, review.claims[1].credential_id
    assert said == {first: "Reliable every day.", second: "Ran the dock."}


async def test_keys_typed_in_one_burst_keep_their_order(
    endorser: Lerkit, bundle: Path, tmp_path: Path
) -> None:
    """As a terminal delivers them: all at once (a paste, a fast typist, tmux)."""
    review = endorsing.review_bundle(bundle)
    app = make_endorse_app(endorser, review, tmp_path / "endorsements.json")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ["space", "down", "space", "down", "space", "up", "space", *"co worker"]:
            character = " " if key == "space" else key if len(key) == 1 else None
            app.post_message(events.Key(key, character))
        await pilot.pause(0.3)
        assert app.screen.query_one("#relationship", Input).value == "co worker"
        text = screen_text(app)
        assert "Skills: 2 of 3 chosen" in text, text
        rows = [line for line in screen_lines(app) if "chosen " in line and "[" in line]
        assert [("[x]" in row) for row in rows] == [True, False, True], rows


def _review_of_five(folder: Path) -> BundleReview:
    return endorsing.review_bundle(_bundle(folder, n_claims=5))


async def test_a_comment_per_skill_enter_goes_to_the_next_one_without(
    endorser: Lerkit, tmp_path: Path
) -> None:
    review = _review_of_five(tmp_path)
    out = tmp_path / "endorsements.json"
    app = make_endorse_app(endorser, review, out)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "down", "down", "space", "tab", *"pastor", "enter",
                          "ctrl+o", "ctrl+u", *"Kind to all.", "enter")
        await pilot.pause()
        assert f"Now the comment on {review.claims[0].skill}" in _status(app)
        await pilot.press(*"Counts every box.", "enter", *ENDORSER_PASSPHRASE, "enter")
        await _settle(app, pilot)
    assert app.return_value is not None and len(app.return_value.endorsements) == 2


async def test_a_bundle_that_does_not_verify_cannot_be_endorsed(
    endorser: Lerkit, bundle: Path, tmp_path: Path
) -> None:
    doc = json.loads(bundle.read_text(encoding="utf-8"))
    doc["credentialSubject"]["verifiableCredential"][0]["name"] = "Brain surgery"
    bundle.write_text(json.dumps(doc), encoding="utf-8")
    review = endorsing.review_bundle(bundle)
    assert not review.valid
    out = tmp_path / "never.json"
    app = make_endorse_app(endorser, review, out, high_contrast=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "DOES NOT VERIFY" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        claims = app.screen.query_one("#claims", OptionList)
        assert "[ ] not chosen" in str(claims.get_option_at_index(0).prompt)
        assert "cannot be endorsed" in _status(app)
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
    assert app.return_value is None and not out.exists()


def test_the_command_line_names_a_claim_by_its_skill(
    endorser: Lerkit, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = endorsing.review_bundle(bundle)
    db = f"sqlite:///{tmp_path / 'endorser.db'}"
    out = tmp_path / "by-name.json"
    monkeypatch.setenv("LER_PASSPHRASE", ENDORSER_PASSPHRASE)
    args = ["--out", str(out), "--comment", "Saw it.", "--relationship", "supervisor"]
    unknown = ler("--db", db, "endorse", str(bundle), "--claim", "Brain surgery", *args)
    assert unknown.code == 2 and review.claims[1].skill in unknown.stderr
    named = review.claims[1].skill.upper()  # any case
    done = ler("--db", db, "endorse", str(bundle), "--claim", named, *args)
    assert done.code == 0, done.stderr
    assert f"Wrote 1 endorsement ({review.claims[1].skill})" in done.stderr
    [endorsement] = json.loads(out.read_text(encoding="utf-8"))
    assert endorsement_entry(endorsement, now_utc(), None).subject_id == (
        review.claims[1].credential_id)
