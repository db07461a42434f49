"""From one module run's answers to an ExperienceRecord and EvidenceRecord drafts.

Fields: the first answered question with ``field: title`` (organization, place) fills
it; ``start``/``end`` are read by :func:`parse_when` and written as ``YYYY`` or
``YYYY-MM`` (vague words such as "about 3 years" or "on and off" stay in the narrative
as a "When:" line; "still doing it" sets ``ongoing``). The narrative holds the opening
story and the other unlabelled text answers as paragraphs, then labelled answers, scale
answers, choices and the ticked checklist as "Label: answer" lines. ``evidence`` and
``vouch`` answers become note evidence; every web address in any answer becomes URL
evidence. Ids are stable: the same state always
produces the same ids.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from lerkit.core.dates import WhenAnswer, parse_when
from lerkit.core.evidence_checks import usable_url
from lerkit.core.i18n import N_, translate_in
from lerkit.core.interview.model import AGAIN_ID, Field, Kind, Module, Question
from lerkit.core.interview.state import Answer
from lerkit.core.interview.tidy import says_nothing, tidy_title
from lerkit.core.records import EvidenceKind, EvidenceRecord, ExperienceRecord

_NAMESPACE = uuid.UUID("5d7c3a8e-2f4b-4c1e-9a51-6b0f3e2d9c17")
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
VOUCH_NAME = N_("Who can vouch for this")


def stable_id(*parts: str) -> str:
    """A UUID derived from the parts, the same every time."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def experience_uuid(interview_id: str, run_key: str) -> str:
    """The id of the experience a module run (``"<module>/<run>"``) produces."""
    return stable_id(interview_id, "experience", run_key)


def written(question: Question, answer: Answer) -> str:
    """An answer as words: choice labels (or values) for choices, the text otherwise."""
    if question.kind in (Kind.CHOICE, Kind.MULTI):
        ids = answer if isinstance(answer, list) else [answer]
        found = [question.find_choice(i) for i in ids]
        return "; ".join(c.written for c in found if c is not None)
    return answer if isinstance(answer, str) else "; ".join(answer)


def find_urls(text: str) -> list[str]:
    """The web addresses in an answer that an export can carry (others stay words)."""
    found = (u.rstrip(".,;:!?)]}") for u in _URL.findall(text))
    return [u for u in found if usable_url(u)]


@dataclass
class _Narrative:
    """Story paragraphs first, then "Label: answer" lines, each in question order."""

    paragraphs: list[str]
    lines: list[str]

    def add(self, text: str, line: bool) -> None:
        if text:
            (self.lines if line else self.paragraphs).append(text)

    def render(self) -> str:
        parts = [*self.paragraphs, "\n".join(self.lines)] if self.lines else self.paragraphs
        return "\n\n".join(parts)


def build_experience(
    interview_id: str, module: Module, run: int, answers: dict[str, Answer]
) -> tuple[ExperienceRecord, list[EvidenceRecord]]:
    """The experience and the evidence drafts found in one run's answers."""
    key = f"{module.id}/{run}"
    record = ExperienceRecord(
        id=experience_uuid(interview_id, key),
        life_area=module.life_area,
        title="",
    )
    story = _Narrative([], [])
    evidence: list[EvidenceRecord] = []
    start: WhenAnswer | None = None
    end: WhenAnswer | None = None
    for question in module.steps:
        if question.id == AGAIN_ID or question.id not in answers:
            continue
        value = written(question, answers[question.id])
        if not value:
            continue
        for url in find_urls(value):
            if all(e.url != url for e in evidence):
                evidence.append(_url(interview_id, key, url))
        f = question.field
        if f in (Field.TITLE, Field.ORGANIZATION, Field.PLACE):
            attr = {Field.TITLE: "title", Field.ORGANIZATION: "organization"}.get(f, "place")
            if not getattr(record, attr):
                setattr(record, attr, tidy_title(value, title=f is Field.TITLE))
        elif f is Field.START and start is None:
            start = parse_when(value)
        elif f is Field.END and end is None:
            end = parse_when(value)
        elif f in (Field.EVIDENCE, Field.VOUCH):
            if says_nothing(value):
                continue
            name = (translate_in(module.language, VOUCH_NAME) if f is Field.VOUCH
                    else question.display_label)
            eid = stable_id(interview_id, "evidence", key, question.id)
            evidence.append(EvidenceRecord(eid, EvidenceKind.NOTE, name=name, narrative=value))
        elif f is Field.NARRATIVE and question.kind is Kind.TEXT and not question.label:
            story.add(value, line=False)
        elif f in (Field.NARRATIVE, Field.SCALE):
            story.add(f"{question.display_label}: {value}", line=True)
    _dates(record, story, start, end, module.language)
    record.title = record.title or module.default_title or module.title
    record.narrative = story.render()
    return record, evidence


def _dates(
    record: ExperienceRecord, story: _Narrative, start: WhenAnswer | None, end: WhenAnswer | None,
    language: str = "en",
) -> None:
    if start is not None:
        record.started = start.iso
    if end is not None and not end.ongoing:
        record.ended = end.iso
    record.ongoing = bool((end and end.ongoing) or (start and start.ongoing and end is None))
    vague = [w for w in (start, end) if w is not None and not w.exact]
    if not vague:
        return
    if start is not None and end is not None:
        line = translate_in(language, N_("When: {start} to {end}"))
    elif start is not None:
        line = translate_in(language, N_("When: {start}"))
    else:
        line = translate_in(language, N_("Until: {end}"))
    story.add(line.format(start=start.text if start else "", end=end.text if end else ""),
              line=True)


def _url(interview_id: str, key: str, url: str) -> EvidenceRecord:
    eid = stable_id(interview_id, "url", key, url)
    return EvidenceRecord(eid, EvidenceKind.URL, name="Link from my answers", url=url)


def added_evidence(
    interview_id: str, key: str, items: list[dict[str, str]]
) -> list[EvidenceRecord]:
    """Evidence the person added by hand (kept in the state as plain dicts, with a
    ``dated`` item when the person said when it was).

    A file is recorded by the path given; its digest, size and type are filled in by
    whoever stores it (``sha256`` is None here).
    """
    out: list[EvidenceRecord] = []
    for n, item in enumerate(items):
        kind, value, name = item.get("kind", "note"), item.get("value", ""), item.get("name", "")
        dated = item.get("dated") or None
        eid = stable_id(interview_id, "added", key, str(n))
        if kind == EvidenceKind.URL:
            out.append(EvidenceRecord(eid, EvidenceKind.URL, name=name or value, url=value,
                                      dated=dated))
        elif kind == EvidenceKind.FILE:
            label = name or PurePath(value).name
            out.append(EvidenceRecord(eid, EvidenceKind.FILE, name=label, file_name=value,
                                      dated=dated))
        else:
            out.append(EvidenceRecord(eid, EvidenceKind.NOTE, name=name or "Note",
                                      narrative=value, dated=dated))
    return out
