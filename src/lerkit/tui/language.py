"""The terminal interface in the language lerkit speaks (:mod:`lerkit.core.i18n`).

Key bindings are declared in English, marked with ``N_()``. Textual keeps a copy of a
class's bindings for each screen or app (``_bindings``): :func:`speak_bindings` puts the
current language's words in that copy (the footer, its tooltips), keeping the English
ones beside it, so a node built after a change of language, or spoken again, shows the
new words. Textual's own words that lerkit shows (the palette key, the system commands
of the palette) are marked here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from lerkit.core.i18n import N_, _

ENGLISH = "_lerkit_english_bindings"
MORE = "_lerkit_more_bindings"  # a node's own bindings, beside its class's
LANGUAGE_KEY = "f8"  # free on every screen and in Textual's widgets (F7 selects all text)

# Textual's own words shown in lerkit's footer and command palette.
PALETTE_WORD = N_("palette")
PALETTE_TIP = N_("Open the command palette")
PALETTE_PLACEHOLDER = N_("Search for commands…")
SYSTEM_COMMANDS = {
    "Theme": (N_("Theme"), N_("Change the current theme")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
    "Screenshot": (N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen")),
}


def spoken(binding: Binding) -> Binding:
    """``binding`` with its words (description and tooltip) in the current language."""
    return replace(binding, description=_(binding.description), tooltip=_(binding.tooltip))


def speak_bindings(node: DOMNode) -> None:
    """Show ``node``'s key bindings in the current language (call it when the node is
    made, and again on an app after a change of language)."""
    english: BindingsMap = getattr(node, ENGLISH, None) or node._bindings
    setattr(node, ENGLISH, english)
    words = BindingsMap()
    words.key_to_bindings = {key: [spoken(b) for b in bindings]
                             for key, bindings in english.key_to_bindings.items()}
    node._bindings = words


def add_bindings(node: DOMNode, bindings: Sequence[Binding]) -> None:
    """Give ``node`` keys of its own beside its class's: a letter for a word of the
    language spoken ("C conservar" as well as K). The help and the palette list them
    with the class's (:func:`lerkit.tui.commands.declared_bindings`). A node that calls
    :func:`speak_bindings` calls it first."""
    setattr(node, MORE, [*getattr(node, MORE, ()), *bindings])
    for binding in bindings:  # a new list: a node's map shares its lists with its class's
        found = node._bindings.key_to_bindings.get(binding.key, [])
        node._bindings.key_to_bindings[binding.key] = [*found, binding]
