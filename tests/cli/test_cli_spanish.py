"""``ler`` in Spanish: ``--lang es``, ``LER_LANG=es`` or a Spanish locale.

Help texts are read when a command's module is imported, after the language is chosen,
so they are checked in a fresh process, as a person would run ``ler``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from lerkit.core.i18n import current_language, set_language
from tests.cli.runner import ler


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    """A command run in-process with ``--lang`` sets the language: set it back after."""
    before = current_language()
    yield
    set_language(before)


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("LER_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environ.update({"LANG": "C.UTF-8", "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
                   **env)
    return subprocess.run([sys.executable, "-m", "lerkit", *args], capture_output=True,
                          text=True, env=environ, check=False, timeout=120)


def test_the_root_help_is_in_spanish() -> None:
    shown = _run("--lang", "es", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "registros de aprendizaje y empleo" in shown.stdout
    assert "Opciones" in shown.stdout and "Comandos" in shown.stdout
    assert "Firma las habilidades aceptadas" in shown.stdout  # ler export, in the list
    assert "Sign the accepted claims" not in shown.stdout


@pytest.mark.parametrize(("args", "spanish"), [
    (["person", "add", "--help"], ["Agrega una persona", "El nombre de la persona"]),
    (["export", "--help"], ["Firma las habilidades aceptadas", "El id de la persona.",
                            "El archivo que se va a escribir."]),
    (["verify", "--help"], ["Verifica un paquete sin conexión", "Una lista de confianza"]),
    (["interview", "--help"], ["Entrevista a una persona", "línea por línea"]),
])
def test_a_commands_help_is_in_spanish(args: list[str], spanish: list[str]) -> None:
    shown = _run("--lang", "es", *args)
    assert shown.returncode == 0, shown.stderr
    for text in spanish:
        assert text in " ".join(shown.stdout.split()), text


def test_ler_lang_in_the_environment_chooses_spanish() -> None:
    shown = _run("keys", "--help", LER_LANG="es")
    assert shown.returncode == 0, shown.stderr
    assert "Claves de firma: crear, mostrar, cambiar." in shown.stdout


def test_a_spanish_locale_chooses_spanish_and_lang_en_wins() -> None:
    assert "Claves de firma" in _run("keys", "--help", LANG="es_US.UTF-8").stdout
    english = _run("--lang", "en", "keys", "--help", LER_LANG="es")
    assert "Signing keys: create, show, rotate." in english.stdout


def test_an_error_is_in_spanish_with_the_same_exit_code() -> None:
    english = _run("person", "show", "--person", "abc", "def")
    spanish = _run("--lang", "es", "person", "show", "--person", "abc", "def")
    assert english.returncode == spanish.returncode == 2
    assert english.stderr == "ler: error: give one person's id, not 2: abc def\n"
    assert spanish.stderr == "ler: error: indique el id de una sola persona, no 2: abc def\n"


def test_an_unknown_person_exits_as_in_english() -> None:
    english = _run("evidence", "list", "--person", "nosuchperson")
    spanish = _run("--lang", "es", "evidence", "list", "--person", "nosuchperson")
    assert english.returncode == spanish.returncode != 0
    assert spanish.stderr.startswith("ler: error: ") and "nosuchperson" in spanish.stderr


def test_an_unknown_language_is_a_clear_error_with_exit_2() -> None:
    shown = _run("--lang", "xx", "person", "list")
    assert shown.returncode == 2
    assert shown.stdout == ""
    assert shown.stderr.startswith("ler: error: --lang: unknown language 'xx'")
    assert "en, es" in shown.stderr
    assert _run("person", "list", LER_LANG="klingon").returncode == 2


def test_messages_of_a_command_run_in_process_follow_lang() -> None:
    spanish = ler("--lang", "es", "person", "list")
    assert spanish.code == 0
    assert spanish.stderr == "Todavía no hay personas. Agregue una con: ler person add NOMBRE\n"
    english = ler("person", "list")
    assert english.stderr == "No people yet. Add one with: ler person add NAME\n"


def test_output_for_scripts_stays_the_same_in_spanish() -> None:
    person_id = ler("--lang", "es", "person", "add", "Rosa Díaz").stdout.strip()
    assert len(person_id) == 12 and " " not in person_id  # only the id, as in English
    listed = ler("--lang", "es", "person", "list", "--json")
    assert '"name": "Rosa Díaz"' in listed.stdout and "experiencias" not in listed.stdout
    shown = ler("--lang", "es", "person", "list")
    assert "(0 experiencias, 0 habilidades, 0 evidencias, 0 respaldos)" in shown.stdout


def test_the_plain_dialogue_takes_its_commands_in_spanish() -> None:
    person_id = ler("person", "add", "Ana Torres").stdout.strip()
    done = ler("--lang", "es", "interview", "--person", person_id, "--plain", "--parts",
               "household", input="atrás\nsalir\n")
    assert done.code == 0, done.stderr
    assert "saltar parte" in done.stdout
    assert "Esta es la primera pregunta." in done.stdout
    assert "Se detuvo. Cada respuesta que dio está guardada." in done.stdout
    assert f"ler interview --person {person_id} --plain" in done.stdout
