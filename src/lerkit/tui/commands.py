"""The command palette (Ctrl+P): every key of the screen in front, and a few more commands.

Each key binding that lerkit declares (on the focused widget, the widgets around it, the
screen and the app) is a command, named by its footer words and its key, explained by
its action's docstring: one declaration, three places (key, footer or help, palette).
A few actions have no key on some screens; ``EXTRA`` offers them where they exist (and
names them in the palette where they have a key).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

# (title, help, action name, on the app rather than the screen)
EXTRA: tuple[tuple[str, str, str, bool], ...] = (
    ("Start interview", "Go on with (or start) the interview of this person",
     "start_interview", False),
    ("Review record", "All experiences and skills of this person, editable", "open_person",
     False),
    ("Export", "Write a signed record of the accepted skills", "export", False),
    ("Verify", "Check a signed record file", "verify_bundle", True),
    ("Toggle high contrast", "Switch between the normal and the high-contrast colours",
     "toggle_contrast", True),
)
NAMED = {action: (title, text) for title, text, action, _ in EXTRA}  # their palette words
KEY_WORDS = {"escape": "Escape", "enter": "Enter", "delete": "Delete", "space": "Space",
             "up": "Up", "down": "Down", "tab": "Tab"}


@dataclass(frozen=True)
class Command:
    """One entry of the palette."""

    title: str
    help: str
    run: Callable[[], object]


def key_words(keys: str) -> str:
    """"ctrl+s" → "Ctrl+S", "f2" → "F2", "delete,r" → "Delete or R"."""
    def one(key: str) -> str:
        parts = key.split("+")
        return "+".join(KEY_WORDS.get(p, p.capitalize() if len(p) > 1 else p.upper())
                        for p in parts)
    return " or ".join(one(k.strip()) for k in keys.split(","))


def action_name(action: str) -> str:
    """"act('accept')" → "act"."""
    return action.split("(", 1)[0].strip()


def declared_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings lerkit's own classes declare for ``node`` (not Textual's own)."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("lerkit.") and "BINDINGS" in vars(cls):
            for binding in vars(cls)["BINDINGS"]:
                if isinstance(binding, Binding) and binding.description:
                    yield binding


def explain(node: DOMNode, binding: Binding) -> str:
    """The binding's tooltip, or the first line of its action's docstring (its words
    when the action takes arguments: one method then does several things)."""
    if binding.tooltip:
        return binding.tooltip
    if "(" in binding.action:
        return binding.description
    method = getattr(node, f"action_{action_name(binding.action)}", None)
    doc = (getattr(method, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else binding.description


def focus_chain(screen: Screen[object]) -> list[DOMNode]:
    """The focused widget, the widgets around it, the screen, the app."""
    focused = screen.focused
    return list(focused.ancestors_with_self) if focused is not None else [screen, screen.app]


def active_bindings(screen: Screen[object]) -> Iterator[tuple[DOMNode, Binding, str]]:
    """Each declared binding that works on ``screen`` now, with the keys that reach it
    (a key bound nearer the focus hides the same key further out, as Textual does)."""
    taken: set[str] = set()
    for node in focus_chain(screen):
        for binding in declared_bindings(node):
            keys = [k.strip() for k in binding.key.split(",") if k.strip() not in taken]
            if keys:
                taken.update(keys)
                yield node, binding, ",".join(keys)


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """Each key that works on ``screen`` now, in words, with its footer words (for F1)."""
    found: dict[str, list[str]] = {}  # words -> keys (two keys that do the same: one line)
    for _node, binding, keys in active_bindings(screen):
        found.setdefault(binding.description, []).append(keys)
    return [(key_words(",".join(keys)), words) for words, keys in found.items()]


def binding_commands(screen: Screen[object]) -> Iterator[tuple[DOMNode, str, Command]]:
    """A command for each binding that works on ``screen`` now, once per action."""
    seen: set[tuple[int, str]] = set()
    for node, binding, keys in active_bindings(screen):
        if (id(node), binding.action) in seen:
            continue
        seen.add((id(node), binding.action))
        words, text = NAMED.get(binding.action, (binding.description, explain(node, binding)))
        run = partial(node.app.run_action, binding.action, node)
        yield node, binding.action, Command(f"{words} ({key_words(keys)})", text, run)


class LerkitCommands(Provider):
    """Offers only the commands that the screen in front can carry out."""

    def available(self) -> Iterator[Command]:
        """Each usable command: every key binding first, then the extra commands."""
        done: set[tuple[int, str]] = set()
        for node, action, command in binding_commands(self.screen):
            done.add((id(node), action_name(action)))
            yield command
        for title, text, action, on_app in EXTRA:
            target: DOMNode = self.app if on_app else self.screen
            method = getattr(target, f"action_{action}", None)
            if callable(method) and (id(target), action) not in done:
                yield Command(title, text, partial(method))

    async def discover(self) -> Hits:
        for command in self.available():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.available():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run,
                          text=command.title, help=command.help)
