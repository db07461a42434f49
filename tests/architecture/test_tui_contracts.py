"""The terminal interface keeps its house rules: a ``.tcss`` per screen, keys that say
what they do and have an id, screens that leave navigation to the app."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

import lerkit.tui

TUI = Path(lerkit.tui.__file__).parent


def tui_modules() -> list[str]:
    """Every module of the terminal interface."""
    return sorted(info.name for info in
                  pkgutil.walk_packages([str(TUI)], prefix="lerkit.tui."))


def classes(base: type) -> list[type]:
    """The classes defined in the interface's modules that derive from ``base``."""
    found: list[type] = []
    for name in tui_modules():
        module = importlib.import_module(name)
        found += [c for _, c in inspect.getmembers(module, inspect.isclass)
                  if issubclass(c, base) and c.__module__ == name]
    return found


SCREENS = [c for c in classes(Screen) if "compose" in vars(c)]


def test_every_screen_and_dialog_is_found() -> None:
    names = {c.__name__ for c in SCREENS}
    assert {"HomeScreen", "InterviewScreen", "ReviewScreen", "SaveModal", "IdleModal",
            "HelpModal", "VerifyModal"} <= names


@pytest.mark.parametrize("screen", SCREENS, ids=lambda c: c.__name__)
def test_each_screen_has_its_own_tcss_and_no_inline_css(screen: type[Screen[object]]) -> None:
    css_path = vars(screen).get("CSS_PATH")
    assert isinstance(css_path, str), f"{screen.__name__} has no CSS_PATH of its own"
    path = Path(inspect.getfile(screen)).parent / css_path
    assert path.is_file(), f"{path} is missing"
    assert not vars(screen).get("DEFAULT_CSS"), f"{screen.__name__} has DEFAULT_CSS"
    assert not vars(screen).get("CSS"), f"{screen.__name__} has inline CSS"
    others = [c.__name__ for c in SCREENS if c is not screen
              and vars(c).get("CSS_PATH") == css_path
              and Path(inspect.getfile(c)).parent == path.parent]
    assert not others, f"{css_path} is shared with {others}"


def test_every_tcss_file_belongs_to_a_screen_or_the_app() -> None:
    used = {(Path(inspect.getfile(c)).parent / str(vars(c)["CSS_PATH"])).resolve()
            for c in SCREENS}
    used.add((TUI / "app.tcss").resolve())
    assert sorted(p for p in TUI.rglob("*.tcss") if p.resolve() not in used) == []


def declared(node_class: type[DOMNode]) -> list[Binding]:
    return [b for b in vars(node_class).get("BINDINGS", []) if isinstance(b, Binding)]


BOUND = [(c, b) for c in classes(DOMNode) for b in declared(c)]


@pytest.mark.parametrize(("owner", "binding"), BOUND,
                         ids=[f"{c.__name__}:{b.key}" for c, b in BOUND])
def test_each_key_has_an_id_words_and_an_action(owner: type[DOMNode],
                                                binding: Binding) -> None:
    assert binding.id, "every binding has an id (keymaps use it)"
    assert binding.description, "the footer, F1 and the palette name it by these words"
    action = binding.action.split("(", 1)[0]
    assert callable(getattr(owner, f"action_{action}", None)), f"no action_{action}"


def test_screens_navigate_through_the_app() -> None:
    """No screen or dialog reads the app's attributes or opens a screen class itself."""
    roots = [TUI / "screens", TUI / "dialogs"]
    problems: list[str] = []
    for path in sorted(p for root in roots for p in root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "getattr" and node.args
                    and ast.unparse(node.args[0]) == "self.app"):
                problems.append(f"{path.name}:{node.lineno} getattr(self.app, ...)")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("push_screen", "switch_screen")
                    and node.args and isinstance(node.args[0], ast.Call)
                    and ast.unparse(node.args[0].func).endswith("Screen")):
                problems.append(f"{path.name}:{node.lineno} opens a screen itself")
    assert problems == []


def test_workers_post_messages() -> None:
    """A worker thread talks to the interface by posting messages, never by calling it."""
    found = [f"{path.relative_to(TUI)}:{n}" for path in sorted(TUI.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "call_from_thread(" in line]
    assert found == []
