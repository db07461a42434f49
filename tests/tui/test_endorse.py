"""The endorser's review screen, driven by keys at 80x24; the file it writes verifies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from lerkit.core.credentials import binding_errors
from lerkit.core.credentials.dates import now_utc
from lerkit.core.credentials.endorsed import endorsement_entry
from lerkit.services import bundles, endorsers, endorsing
from lerkit.services.context import Lerkit
from lerkit.tui.endorse_app import make_endorse_app
from tests.conftest import reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample

ENDORSER_PASSPHRASE = "endorser passphrase"


@pytest.fixture
def endorser(tmp_path: Path) -> Iterator[Lerkit]:
    opened = Lerkit.open(f"sqlite:///{tmp_path / 'endorser.db'}")
    endorsers.init_endorser(opened, ENDORSER_PASSPHRASE, name="Jordan Coach",
                            organization="Riverside Workforce Center")
    yield opened
    opened.close()


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    worker = Lerkit.open()
    sample = make_sample(worker, tmp_path)
    path = tmp_path / "bundle.json"
    bundles.export_bundle(worker, sample.person_id, path, PASSPHRASE)
    worker.close()
    return path


async def test_pick_one_claim_comment_relationship_and_sign(
    endorser: Lerkit, bundle: Path, tmp_path: Path
) -> None:
    review = endorsing.review_bundle(bundle)
    assert review.valid and len(review.claims) == 3
    out = tmp_path / "endorsements.json"
    app = make_endorse_app(endorser, review, out)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        who = str(app.screen.query_one("#who", Static).render())
        assert "Marcus Bell" in who and "VERIFIES" in who and review.holder in who
        claims = app.screen.query_one("#claims", OptionList)
        assert app.focused is claims
        await pilot.press("down", "up", "space")
        await pilot.pause()
        first = review.claims[0]
        assert "[x] chosen" in str(claims.get_option_at_index(0).prompt)
        assert "[ ] not chosen" in str(claims.get_option_at_index(1).prompt)
        detail = str(app.screen.query_one("#detail", Static).render())
        assert f"Now on: {first.skill}" in detail
        await pilot.press("ctrl+s")  # not ready yet: no relationship
        await pilot.pause()
        assert not out.exists()
        await pilot.press("tab", "tab", *"supervisor", "tab", "tab", *"Led the night shift.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*ENDORSER_PASSPHRASE, "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value is not None and app.return_value.path == out
    [endorsement] = json.loads(out.read_text(encoding="utf-8"))
    entry = endorsement_entry(endorsement, now_utc(), None)
    assert entry.valid, entry.errors
    assert entry.subject_id == first.credential_id
    assert entry.relationship == "supervisor" and entry.comment == "Led the night shift."
    assert binding_errors(endorsement, review.credentials[first.credential_id]) == []
    lines = reference_verdicts(out)
    assert lines and lines[0].startswith("OK "), lines


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
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "DOES NOT VERIFY" in str(app.screen.query_one("#who", Static).render())
        await pilot.press("space")
        await pilot.pause()
        claims = app.screen.query_one("#claims", OptionList)
        assert "[ ] not chosen" in str(claims.get_option_at_index(0).prompt)
        assert "cannot be endorsed" in str(app.screen.query_one("#status", Static).render())
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
    assert app.return_value is None and not out.exists()
