"""The command palette (Ctrl+P): every key of the screen in front, and a few more commands.

Each key binding that lerkit declares (on the focused widget, the widgets around it, the
screen and the app) is a command, named by its footer words and its key, explained by
its tooltip: one declaration, three places (key, footer or help, palette), each in the
language spoken (the declarations are English, marked with ``N_()``).
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

from lerkit.core.i18n import N_, _
from lerkit.tui.language import MORE

# (title, help, action name, on the app rather than the screen), marked: shown with _()
EXTRA: tuple[tuple[str, str, str, bool], ...] = (
    (N_("Start interview"), N_("Go on with (or start) the interview of this person"),
     "start_interview", False),
    (N_("Review record"), N_("All experiences and skills of this person, editable"),
     "open_person", False),
    (N_("Export"), N_("Write a signed record of the accepted skills"), "export", False),
    (N_("Verify"), N_("Check a signed record file"), "verify_bundle", True),
    (N_("Toggle high contrast"), N_("Switch between the normal and the high-contrast colours"),
     "toggle_contrast", True),
)
NAMED = {action: (title, text) for title, text, action, _on_app in EXTRA}  # palette words
# Keys named as on the keyboard; the ones with no words on them in the language spoken.
KEY_WORDS = {"escape": "Escape", "enter": "Enter", "delete": "Delete", "space": N_("Space"),
             "up": N_("Up"), "down": N_("Down"), "tab": "Tab", "pageup": "Page Up",
             "pagedown": "Page Down"}
EITHER = N_("{keys} or {key}")


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
        return "+".join(_(KEY_WORDS[p]) if p in KEY_WORDS
                        else p.capitalize() if len(p) > 1 else p.upper() for p in parts)
    words = [one(k.strip()) for k in keys.split(",")]
    said = words[0]
    for word in words[1:]:
        said = _(EITHER).format(keys=said, key=word)
    return said


def action_name(action: str) -> str:
    """"act('accept')" → "act"."""
    return action.split("(", 1)[0].strip()


def declared_bindings(node: DOMNode) -> Iterator[Binding]:
    """The bindings lerkit's own classes declare for ``node`` (not Textual's own), and
    the ones given to ``node`` itself (:func:`lerkit.tui.language.add_bindings`)."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("lerkit.") and "BINDINGS" in vars(cls):
            for binding in vars(cls)["BINDINGS"]:
                if isinstance(binding, Binding) and binding.description:
                    yield binding
    yield from (b for b in getattr(node, MORE, ()) if b.description)


def explain(node: DOMNode, binding: Binding) -> str:
    """The binding's tooltip (in the current language), else its footer words."""
    return _(binding.tooltip or binding.description)


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
        found.setdefault(_(binding.description), []).append(keys)
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
        yield node, binding.action, Command(f"{_(words)} ({key_words(keys)})", _(text), run)


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
                yield Command(_(title), _(text), partial(method))

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
