"""A first record in Spanish, key by key, in the real ``ler`` at 80×24 in tmux.

From an empty lerkit home with ``LER_LANG=es``: add the person, the area picker, the
caregiving part's checklist and its first question answered in everyday Spanish, accept
two suggested skills, add a file as evidence (its name mentions a clinic, so the privacy
check shows it), leave the interview, open the record, export it after the privacy check.
Every screen that comes to the front is kept, for the check that no English is left.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.tmux import Tmux

from .first_record import Run, accepted_on, wait_quit

NAME = "Rosa Martínez"
ANSWER = ("Cuidé a mi papá cinco años. Le daba sus medicinas a tiempo, lo llevaba a sus "
          "citas con el doctor y peleaba con la aseguranza.")
EVIDENCE_NAME = "Carta de la clínica de mi papá"  # "clínica": the privacy check's word
EVIDENCE_REWORDED = "Carta de la agencia de cuidado"
PASSPHRASE = "caballo correcto bateria grapa"


def interview(run: Run, evidence: Path) -> None:
    """New person, the area picker, the caregiving answers, two skills, a file."""
    run.see("inicio", "Todavía no hay personas")
    run.press("C-n")
    run.see("persona nueva", "Nombre de la persona nueva")
    run.type(NAME, "name")
    run.press("Enter")
    run.see("inicio", f"Se agregó a {NAME}")
    run.press("C-o")
    run.see("áreas", "¿Cuáles de estas han sido parte de su vida?")
    run.press("3")
    run.see("áreas", "[x] 3. Cuidar a la familia")
    run.press("C-s")
    run.see("entrevista", "¿Alguna vez usted...")
    run.press("2")
    run.see("entrevista", "[x] 2. llevó la cuenta de las medicinas")
    run.press("C-s")
    run.see("entrevista", "Cuénteme del cuidado que usted dio")
    run.type(ANSWER, "answer")
    run.see("entrevista", "coincide con")  # a suggestion says why, in Spanish
    run.see("entrevista", "aproximadamente")  # and that Spanish meaning is read roughly
    run.press("C-l")
    run.see("entrevista", "Enter aceptar")
    run.press("Enter")
    run.see("entrevista", "1 habilidad aceptada")
    run.press("Down", "Enter")
    run.accepted = accepted_on(run.see("entrevista", "2 habilidades aceptadas"), "ACEPTADA")
    run.press("F3")
    run.see("evidencia", "Evidencia para:")
    run.type(str(evidence), "paths")
    run.press("Enter")
    run.type(EVIDENCE_NAME, "evidence name")
    run.press("C-s")
    run.see("entrevista", "Evidencia agregada")
    run.press("C-s")
    run.press("Escape")


def export(run: Run, folder: Path) -> None:
    """Open the record, export every format in Spanish, go through the privacy check."""
    run.see("inicio", "Enter abre un registro")
    run.press("Enter")  # one person listed: Enter opens the record at once
    run.see("registro", f"Registro: {NAME}")
    run.press("C-e")
    run.see("exportar", f"Exportar: {NAME}")
    run.see("exportar", "Otra vez:")  # shown once the screen knows there is no key yet
    run.type(PASSPHRASE, "passphrase, twice")
    run.press("Tab")
    run.type(PASSPHRASE, "passphrase, twice")
    run.press("Tab", "C-u")
    run.see("exportar", "la carpeta donde guardar los archivos")  # empty: the keys are there
    run.type(str(folder), "paths")
    run.see("exportar", str(folder)[-30:])
    run.press("C-s")
    run.see("revisión de privacidad", "Carta de la clínica")
    run.privacy_check = True
    run.press("Down", "Down")  # the evidence's name comes after the two passages of the answer
    run.press("r")  # reword it: leaving the name out would leave out the file too
    run.see("revisión de privacidad", "Palabras nuevas")
    run.press("C-u")
    run.type(EVIDENCE_REWORDED, "reworded words")
    run.press("Enter")
    run.see("revisión de privacidad", "REESCRIBIR")
    run.press("C-s")
    run.see("exportar", "Se guardaron")
    run.press("C-q")


def first_record_es(term: Tmux, evidence: Path, folder: Path) -> Run:
    """The whole first record in Spanish; the app has quit when this returns."""
    run = Run(term)
    term.start()
    interview(run, evidence)
    export(run, folder)
    wait_quit(term)
    return run
