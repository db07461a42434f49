"""Scripted answers: a YAML file a coach writes from notes, replayed through the engine.

Used by ``ler interview --answers FILE`` and ``ler demo``; the format is in
docs/prompts.md. The file is checked against the prompt bank before anything runs: an
unknown part or question id, a choice that does not exist or a yes/no that is neither
gives FileFormatError with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_file, check_url
from lerkit.core.interview.claims import Lookup, read_proficiency
from lerkit.core.interview.engine import Interview
from lerkit.core.interview.model import AGAIN_ID, PromptBank
from lerkit.core.interview.schema import Reader
from lerkit.core.interview.state import Answer
from lerkit.core.interview.step import ExperienceDraft
from lerkit.core.interview.values import normalise
from lerkit.core.interview.yamlnodes import YList, YMap, parse_located, read_located
from lerkit.core.matching.types import Match
from lerkit.core.records import ClaimRecord, ClaimStatus, EvidenceKind, Proficiency

ANSWERS_FORMAT = "lerkit-answers/1"
_TOP_KEYS = ("format", "person", "modules")
_RUN_KEYS = ("answers", "accept", "reject", "evidence")
_ACCEPT_KEYS = ("id", "taxonomy", "label", "proficiency")
_EVIDENCE_KEYS = ("note", "url", "file", "name")


@dataclass(frozen=True)
class ScriptedAccept:
    competency_id: str
    taxonomy: str = ""
    label: str = ""
    proficiency: Proficiency | None = None


@dataclass
class ScriptedRun:
    """One run of a module: answers by question id, what to accept, evidence to add."""

    answers: dict[str, Answer]
    lines: dict[str, int]
    accept: list[ScriptedAccept] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    evidence: list[tuple[EvidenceKind, str, str]] = field(default_factory=list)


@dataclass
class Script:
    """A parsed answers file."""

    source: str
    modules: dict[str, list[ScriptedRun]]
    person: dict[str, str] = field(default_factory=dict)


@dataclass
class Replay:
    """What replaying a script produced."""

    interview: Interview
    drafts: list[ExperienceDraft]
    person: dict[str, str]
    warnings: list[str]

    def claims(self) -> list[ClaimRecord]:
        """Every claim: accepted ones first in each experience, then suggestions."""
        return self.interview.claims()

    def accepted(self) -> list[ClaimRecord]:
        return [c for c in self.claims() if c.status is ClaimStatus.ACCEPTED]


class _ScriptReader(Reader):
    def __init__(self, source: str, bank: PromptBank) -> None:
        super().__init__(source)
        self.bank = bank

    def script(self, doc: Any) -> Script:
        top = self.mapping(doc, "an answers file", 1)
        self.keys(top, "the answers file", _TOP_KEYS, ("format", "modules"))
        fmt = self.text(top, "format", "the answers file", required=True)
        if fmt != ANSWERS_FORMAT:
            self.fail(f"format must be {ANSWERS_FORMAT!r}, not {fmt!r}", top.line_of("format"))
        person: dict[str, str] = {}
        if top.get("person") is not None:
            p = self.mapping(top["person"], "person", top.line_of("person"))
            person = {k: self.text(p, k, "person") for k in p}
        mods = self.mapping(top["modules"], "modules", top.line_of("modules"))
        modules: dict[str, list[ScriptedRun]] = {}
        for module_id, runs_raw in mods.items():
            line = mods.line_of(module_id)
            if module_id not in self.bank:
                self.fail(
                    f"no interview part {module_id!r} (known: {', '.join(self.bank.ids)})", line
                )
            runs = runs_raw if isinstance(runs_raw, YList) else None
            if not runs:
                self.fail(f"{module_id!r} needs a list of runs (one per job, role...)", line)
            if len(runs) > 1 and self.bank.module(module_id).repeat is None:
                self.fail(f"{module_id!r} cannot be repeated; give one run", line)
            modules[module_id] = [
                self.run(module_id, self.mapping(r, "a run", runs.line_of(i)))
                for i, r in enumerate(runs)
            ]
        return Script(self.source, modules, person)

    def run(self, module_id: str, m: YMap) -> ScriptedRun:
        self.keys(m, "a run", _RUN_KEYS)
        module = self.bank.module(module_id)
        answers: dict[str, Answer] = {}
        lines: dict[str, int] = {}
        raw = self.mapping(m.get("answers") or YMap(m.line), "answers", m.line_of("answers"))
        for qid, value in raw.items():
            line = raw.line_of(qid)
            if qid == AGAIN_ID or not module.has_question(qid):
                self.fail(f"{module_id!r} has no question {qid!r}", line)
            if value is None:
                continue
            if not isinstance(value, str | YList) or not all(isinstance(v, str) for v in value):
                self.fail(f"the answer to {qid!r} must be text or a list of text", line)
            try:
                stored = normalise(
                    module.question(qid), value if isinstance(value, str) else list(value)
                )
            except BadInputError as exc:
                self.fail(f"answer to {qid!r}: {exc.message}", line)
            if stored is not None:
                answers[qid], lines[qid] = stored, line
        run = ScriptedRun(answers, lines)
        for i, item in enumerate(self.sequence(m, "accept", "a run")):
            run.accept.append(self.accept(item, self.sequence(m, "accept", "a run").line_of(i)))
        run.reject = list(self.texts(m, "reject", "a run"))
        evidence = self.sequence(m, "evidence", "a run")
        for i, item in enumerate(evidence):
            run.evidence.append(self.evidence(self.mapping(item, "evidence", evidence.line_of(i))))
        return run

    def accept(self, item: Any, line: int) -> ScriptedAccept:
        if isinstance(item, str) and item.strip():
            return ScriptedAccept(item.strip())
        a = self.mapping(item, "an accepted skill", line)
        self.keys(a, "an accepted skill", _ACCEPT_KEYS, ("id",))
        try:
            proficiency = read_proficiency(self.text(a, "proficiency", "an accepted skill") or None)
        except ValueError as exc:
            self.fail(str(exc), a.line_of("proficiency"))
        return ScriptedAccept(
            self.text(a, "id", "an accepted skill", required=True),
            self.text(a, "taxonomy", "an accepted skill"),
            self.text(a, "label", "an accepted skill"),
            proficiency,
        )

    def evidence(self, e: YMap) -> tuple[EvidenceKind, str, str]:
        self.keys(e, "evidence", _EVIDENCE_KEYS)
        kinds = [k for k in ("note", "url", "file") if k in e]
        if len(kinds) != 1:
            self.fail("evidence needs exactly one of note, url or file", e.line)
        value = self.text(e, kinds[0], "evidence", required=True)
        try:  # a file is named relative to the answers file
            if kinds[0] == "file":
                folder = Path(self.source).parent
                value = str(check_file(folder / Path(value).expanduser()))
            elif kinds[0] == "url":
                value = check_url(value)
        except BadInputError as exc:
            self.fail(exc.message, e.line_of(kinds[0]))
        return EvidenceKind(kinds[0]), value, self.text(e, "name", "evidence")


def parse_answers(text: str, source: str, bank: PromptBank) -> Script:
    """Parse and check an answers file against the prompt bank."""
    return _ScriptReader(source, bank).script(parse_located(text, source))


def load_answers(path: Path | str, bank: PromptBank) -> Script:
    """Read, parse and check an answers file."""
    return _ScriptReader(str(path), bank).script(read_located(path))


def replay(
    bank: PromptBank,
    script: Script,
    *,
    suggester: Lookup | None = None,
    military: Lookup | None = None,
    accept_top: int | None = None,
    interview_id: str | None = None,
) -> Replay:
    """Run the script through a new interview: answer, skip, accept and add evidence.

    Accepts the competencies the script names and, with ``accept_top``, also the top N
    suggestions of each answer. Answers to questions that were never asked (their
    ``when`` did not hold) are reported in ``warnings``.
    """
    iv = Interview(
        bank,
        list(script.modules),
        suggester=suggester,
        military=military,
        steer=False,
        interview_id=interview_id,
    )
    used: set[tuple[str, int, str]] = set()
    while (step := iv.current()) is not None:
        runs = script.modules[step.module_id]
        if step.question.id == AGAIN_ID:
            iv.answer(step.run + 1 < len(runs))
            continue
        run = runs[step.run]
        if step.question.id in run.answers:
            iv.answer(run.answers[step.question.id])
            used.add((step.module_id, step.run, step.question.id))
        else:
            iv.skip()
    warnings: list[str] = []
    for module_id, runs in script.modules.items():
        for n, run in enumerate(runs):
            for qid in run.answers:
                if (module_id, n, qid) not in used:
                    where = f"{script.source}:{run.lines[qid]}"
                    warnings.append(f"{where}: {qid!r} was not asked (its 'when' did not hold)")
            _decide(iv, f"{module_id}/{n}", run, accept_top)
    return Replay(iv, iv.drafts(), dict(script.person), warnings)


def _decide(iv: Interview, key: str, run: ScriptedRun, accept_top: int | None) -> None:
    suggestions = iv.run_suggestions(key)
    if accept_top:
        by_answer: dict[str, list[Match]] = {}
        for s in suggestions:
            by_answer.setdefault(s.key, []).append(s.match)
        for matches in by_answer.values():
            best = sorted(matches, key=lambda m: (-m.score, m.competency_id))[:accept_top]
            for m in best:
                iv.accept(m.competency_id, taxonomy=m.taxonomy, label=m.label, run=key)
    known = {s.match.competency_id: s.match for s in suggestions}
    for a in run.accept:
        match = known.get(a.competency_id)
        taxonomy = a.taxonomy or (match.taxonomy if match else "")
        label = a.label or (match.label if match else "")
        iv.accept(
            a.competency_id, taxonomy=taxonomy, label=label, proficiency=a.proficiency, run=key
        )
    for rejected in run.reject:
        iv.reject(rejected, run=key)
    for kind, value, name in run.evidence:
        iv.add_evidence(kind, value, name=name, run=key)


def replay_file(
    bank: PromptBank,
    path: Path | str,
    *,
    suggester: Lookup | None = None,
    military: Lookup | None = None,
    accept_top: int | None = None,
) -> Replay:
    """Load an answers file and replay it."""
    script = load_answers(path, bank)
    return replay(bank, script, suggester=suggester, military=military, accept_top=accept_top)
