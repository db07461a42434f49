"""The check for English left on a Spanish screen finds it, and lets Spanish and named
data through."""

from __future__ import annotations

from .english_left import english_left


def test_english_interface_text_is_found() -> None:
    screen = "│ Skills this may show · 2 habilidades │\n^s Save  esc Back"
    left = english_left(screen)
    assert "message: 'Skills this may show'" in left
    assert {"word: 'save'", "word: 'back'"} <= set(left)


def test_a_message_wrapped_in_a_box_is_still_found() -> None:
    assert english_left("│ Type your answer; Ctrl+S │\n│ saves it. │")


def test_spanish_and_named_data_pass() -> None:
    screen = ("│ Habilidades que esto puede mostrar │\n│ ACEPTADA  Care coordination │\n"
              "^s Guardar esc Atrás")
    assert english_left(screen, allow=["Care coordination"]) == []
    assert english_left("Reviewed the skills record") != []
