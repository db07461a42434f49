"""The interview as a plain, line-by-line dialogue on stdin and stdout.

Made for screen readers and for terminals where the full-screen interface cannot run:
no colour, no layout, one question at a time, and every answer saved when given.
"""

from __future__ import annotations

import shlex
import sys

import typer

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _
from lerkit.core.interview import Kind, Step
from lerkit.core.matching.types import Match
from lerkit.core.records import EvidenceKind
from lerkit.services.interview import LiveInterview, Part

COMMANDS = N_(
    "Type your answer and press Enter. Other things you can type:\n"
    "  ?        help for this question\n"
    "  skip     skip this question          back   go to the question before\n"
    "  skip part   skip the rest of this part\n"
    "  evidence TEXT   add a note, a link (https://...) or a file path as evidence\n"
    "  quit     stop now (everything so far is saved)"
)
# what can be typed instead of an answer, in English or in Spanish (whatever the language)
QUIT = ("quit", "salir")
SKIP = ("skip", "saltar")
SKIP_PART = ("skip part", "saltar parte")
BACK = ("back", "atrás", "atras")
EVIDENCE = ("evidence ", "evidencia ")


def _say(text: str = "") -> None:
    typer.echo(text)


def _read(prompt: str) -> str | None:
    typer.echo(prompt, nl=False)
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _show(step: Step) -> None:
    _say()
    _say(step.progress)
    _say(step.text)
    if step.kind is Kind.YESNO:
        _say(_("(yes or no)"))
    for n, choice in enumerate(step.choices, start=1):
        _say(f"  {n}. {choice.label}")
    if step.kind is Kind.MULTI:
        _say(_("(type the numbers of all that fit, like 1 3 4, or none)"))
    if step.examples:
        _say(_("For example: {examples}").format(examples=" / ".join(step.examples)))


def _offer(live: LiveInterview, matches: list[Match], run: str) -> None:
    if not matches:
        return
    _say(_("Skills this may show:"))
    for n, m in enumerate(matches, start=1):
        origin = "" if m.taxonomy == "lerkit" else f", {m.taxonomy}"
        _say(f"  {n}. " + _("{skill} (score {score}{taxonomy}) - why: {why}").format(
            skill=live.names.match(m), score=f"{m.score:.0f}", taxonomy=origin, why=m.why))
    picked = _read(_("Accept which? Type numbers like 1 3, or press Enter for none: "))
    for word in (picked or "").replace(",", " ").split():
        if word.isdigit() and 1 <= int(word) <= len(matches):
            m = matches[int(word) - 1]
            live.accept(m.competency_id, taxonomy=m.taxonomy, label=m.label, run=run)
            _say(_("Accepted: {skill}").format(skill=live.names.match(m)))
        else:
            _say(_("{typed} is not on the list; skipped.").format(typed=repr(word)))


def _evidence(live: LiveInterview, value: str) -> None:
    value = value.strip()
    if value.startswith(("http://", "https://")):
        kind = EvidenceKind.URL
    elif value.startswith(("/", "~", "./")):
        kind = EvidenceKind.FILE
    else:
        kind = EvidenceKind.NOTE
    live.add_evidence(kind, value)
    _say(_("Added evidence ({kind}).").format(kind=kind.value))


def resume_hint(person_id: str) -> str:
    """What was kept and the exact command that goes on from there."""
    return _("Every answer you gave is saved. To go on where you stopped, run: {command}").format(
        command=f"ler interview --person {shlex.quote(person_id)} --plain")


FIRST_QUESTION = N_("Which of these have been part of your life? The interview asks only "
                    "about the ones you pick.")


def choose_parts(parts: list[Part], *, first: bool = False) -> list[str] | None:
    """Ask which parts the interview covers, before a first interview or for a returning
    person; the picked ones in the order of ``parts``. None if they quit or input ended."""
    _say(_(FIRST_QUESTION) if first
         else _("You finished an interview before. Which parts have something new to add?"))
    for n, part in enumerate(parts, start=1):
        _say(f"  {n}. {part.title}")
        _say(_("     for example: {summary}").format(summary=part.summary))
    while True:
        line = _read(_("Type the numbers of all that fit (like 2 5), or press Enter for every "
                       "part: "))
        if line is None or line.strip().lower() in QUIT:
            return None
        words = line.replace(",", " ").split()
        if not words:
            return [part.id for part in parts]
        if all(w.isdigit() and 1 <= int(w) <= len(parts) for w in words):
            picked = {parts[int(w) - 1].id for w in words}
            return [part.id for part in parts if part.id in picked]
        _say(_("Type numbers from 1 to {last}, or quit.").format(last=len(parts)))


def run_plain(live: LiveInterview, stopped: str) -> None:
    """Ask every question until the end, or until the person quits or input ends.

    ``stopped`` is what to say when the person stops early.
    """
    _say(_(COMMANDS))
    while (step := live.current()) is not None:
        _show(step)
        line = _read("> ")
        if line is None or line.strip().lower() in QUIT:
            _say("\n" + stopped)
            return
        word = line.strip().lower()
        try:
            if word == "?":
                _say(step.help or _("No extra help for this question."))
            elif word in SKIP:
                live.skip()
            elif word in SKIP_PART:
                live.skip_part()
            elif word in BACK:
                if not live.back():
                    _say(_("This is the first question."))
            elif word.startswith(EVIDENCE):
                _evidence(live, line.strip().split(" ", 1)[1])
            else:
                suggestions = live.preview(line) if step.kind is Kind.TEXT else []
                live.answer(line)
                if step.names_no_date(line):
                    _say(_("No year could be read in that, so the record shows no date: a "
                           "year such as 2006 puts one there ('back' returns to it)."))
                _offer(live, suggestions, f"{step.module_id}/{step.run}")
        except LerError as exc:
            _say(exc.message)
    _say("\n" + _("The interview is finished. Thank you! Review it with: {command}").format(
        command=f"ler person show --person {shlex.quote(live.person_id)}"))
