"""The export screen, step by step at 80x24: the key is made once and the screen says so
even when the export after it fails; a failed export saves nothing; the privacy check;
the folder and the keys of the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from lerkit.services import bundles, keys, outputs
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo
from lerkit.services.privacy import check
from lerkit.services.review import record_view
from lerkit.tui.app import LerkitApp, make_app
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.dialogs.omit import OmitModal
from lerkit.tui.dialogs.privacy import PrivacyModal
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.widgets.choice_list import ChoiceList

from .keys import settle, type_text
from .render import screen_text

PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def ler() -> Iterator[Lerkit]:
    opened = Lerkit.open()
    yield opened
    opened.close()


def text(screen: ExportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_export(app: LerkitApp, pilot: object) -> ExportScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    await pilot.press("ctrl+e")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def fill(screen: ExportScreen, pilot: object, folder: Path, *, twice: bool) -> None:
    screen.query_one("#passphrase", Input).value = PASSPHRASE
    if twice:
        screen.query_one("#again", Input).value = PASSPHRASE
    screen.query_one("#out", Input).value = str(folder)


async def test_the_key_is_a_step_of_its_own_and_a_failed_export_saves_nothing(
        ler: Lerkit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    person_id = create_demo(ler)
    folder = tmp_path / "out"
    folder.mkdir()
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        assert "no signing key yet" in text(screen, "#intro")
        await fill(screen, pilot, folder, twice=True)

        def broken(path: Path, data: bytes, check: object = None) -> None:
            raise OSError("No space left on device")

        monkeypatch.setattr(bundles, "write_atomically", broken)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyModal)
        await pilot.press("ctrl+s")  # keep every passage
        await settle(app, pilot)
        result = text(screen, "#result")
        assert "Not exported: No space left on device. Nothing was saved." in result
        assert "Your signing key was made and is kept" in result
        assert "Your signing key is made" in text(screen, "#intro")
        assert "no signing key yet" not in screen_text(app)
        assert not screen.query_one("#again-row").display
        assert list(folder.iterdir()) == []  # nothing half-made
        did = keys.show_key(ler, person_id).did

        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the same passphrase, still typed
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # the privacy check again
        await settle(app, pilot, 0.2)
        result = text(screen, "#result")
        assert "Saved" in result and "already has a key" not in result, result
        assert f"Signed by {did}" in result
        assert "F6 checks the signed file" in result and ".bundle.json" in result
    assert len(list(folder.iterdir())) == len(outputs.FORMATS)


async def test_a_wrong_passphrase_saves_nothing(ler: Lerkit, tmp_path: Path) -> None:
    person_id = create_demo(ler)
    keys.init_key(ler, person_id, PASSPHRASE)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        assert "Type its passphrase" in text(screen, "#intro")
        assert not screen.query_one("#again-row").display
        await fill(screen, pilot, tmp_path, twice=False)
        screen.query_one("#passphrase", Input).value = "not the passphrase"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # past the privacy check
        await settle(app, pilot)
        assert "Not exported" in text(screen, "#result")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ler-home"]


async def test_only_the_formats_ticked_and_a_reworded_passage(ler: Lerkit,
                                                              tmp_path: Path) -> None:
    person_id = create_demo(ler)
    passage = check(ler, person_id)[0]
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await fill(screen, pilot, tmp_path, twice=True)
        screen.query_one("#formats", ChoiceList).set_picked(["md"])
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, PrivacyModal)
        shown = screen_text(app)
        assert "health (" in shown and passage.entity_id not in shown  # words, not ids
        await pilot.press("r", "ctrl+u")
        await type_text(pilot, "I looked after a family member")
        await pilot.press("enter", "ctrl+s")
        await settle(app, pilot, 0.2)
        assert "Saved" in text(screen, "#result")
    stem = outputs.default_basename(record_view(ler, person_id).name)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ler-home") == [
        f"{stem}.bundle.json", f"{stem}.md"]
    story = next(v.experience.narrative for v in record_view(ler, person_id).experiences
                 if v.experience.id == passage.entity_id)
    assert passage.sentence not in story and "I looked after a family member" in story
    assert "I looked after a family member" in (tmp_path / f"{stem}.md").read_text("utf-8")


async def test_leaving_out_one_passage_of_a_story_shows_the_whole_story_left_out(
        ler: Lerkit, tmp_path: Path) -> None:
    """Leaving out a sentence of a story leaves out the story: every passage of it says
    so (none still says KEEP); keeping one of them again keeps the story."""
    person_id = create_demo(ler)
    passages = check(ler, person_id)
    story = [n for n, p in enumerate(passages) if p.entity_id == passages[0].entity_id
             and p.field == passages[0].field]
    assert len(story) >= 2  # the sample's caregiving story has several such sentences
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await fill(screen, pilot, tmp_path, twice=True)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, PrivacyModal)
        assert f"passage 1 of {len(passages)} · ↑↓ for the others" in screen_text(app)
        await pilot.press("o")  # leave out the first passage
        await settle(app, pilot)
        actions = [c.action.value for c in modal.choices]
        assert [actions[n] for n in story] == ["omit"] * len(story)
        assert all(actions[n] == "keep" for n in range(len(actions)) if n not in story)
        await pilot.press("down", "k")  # keep the second: the story stays, all of it
        await settle(app, pilot)
        assert [modal.choices[n].action.value for n in story] == ["keep"] * len(story)


async def test_a_new_folder_is_made_but_not_a_whole_path(ler: Lerkit, tmp_path: Path) -> None:
    """A folder named in the box that does not exist yet is made (a USB stick's new
    folder); one whose parent is missing too is refused with words, and nothing made."""
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await fill(screen, pilot, tmp_path / "no such" / "records", twice=True)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "neither it nor the folder above it exists" in " ".join(
            text(screen, "#result").split())
        assert not (tmp_path / "no such").exists()
        await fill(screen, pilot, tmp_path / "records", twice=True)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        if isinstance(app.screen, PrivacyModal):
            await pilot.press("ctrl+s")  # keep every passage
        await settle(app, pilot, 0.3)
        assert "Saved" in text(screen, "#result")
    assert any(p.name.endswith(".bundle.json") for p in (tmp_path / "records").iterdir())


async def test_the_folder_and_the_keys_of_the_screen(ler: Lerkit, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "Documents").mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        out = screen.query_one("#out", Input)
        assert out.value == str(tmp_path / "Documents")
        assert screen.query_one("#passphrase", Input).has_focus
        await pilot.press("tab", "tab", "space")  # to the folder, then a space
        assert out.has_focus and out.value == f"{tmp_path / 'Documents'} "
        await pilot.press("shift+tab", "shift+tab")
        await pilot.press("f4")  # none: the passphrase box does not take the key
        assert screen.query_one("#claims", ChoiceList).picked == []
        assert screen.query_one("#passphrase", Input).value == ""
        await pilot.press("ctrl+l")  # leave out details of the highlighted skill
        await settle(app, pilot)
        assert isinstance(app.screen, OmitModal)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f4")  # all again
        assert len(screen.query_one("#claims", ChoiceList).picked) == len(screen.claims)


async def test_f1_on_the_export_screen_fits_80x24(ler: Lerkit) -> None:
    person_id = create_demo(ler)
    app = make_app(ler, person_id=person_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_export(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpModal)
        dialog = app.screen.query_one("#dialog", VerticalScroll)
        assert dialog.max_scroll_y == 0, "the help does not fit: it scrolls"
        text = screen_text(app)
        assert "Ctrl+L" in text and "F4" in text and "All or none" in text
