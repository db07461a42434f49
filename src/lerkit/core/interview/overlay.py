"""Translations of prompt modules (``prompts/<lang>/<module>.yaml``); format in docs/prompts.md.

A translation gives only texts: titles, questions, help, examples, labels, choice and
checklist words. The English module stays the source of structure (order, kinds,
conditions, fields, ``leads_to``, skill areas and ``match`` hints), so the question ids
are the same in every language and a saved interview resumes in any of them.

Every text the English module has needs its translation, and every id in the
translation must exist in the English module; otherwise FileFormatError names the
translation's file and line.
"""

from __future__ import annotations

from dataclasses import replace

from lerkit.core.i18n import N_, translate_in
from lerkit.core.interview.forbidden import first_forbidden
from lerkit.core.interview.model import Choice, Module, Question
from lerkit.core.interview.schema import Reader
from lerkit.core.interview.yamlnodes import YMap

TRANSLATION_FORMAT = "lerkit-prompts-translation/1"
CHECKLIST_LABEL = N_("Things I did")
_TOP_KEYS = ("format", "id", "language", "title", "summary", "default_title", "checklist",
             "opening", "questions", "repeat")
_QUESTION_KEYS = ("id", "text", "help", "examples", "label", "choices")
_CHECKLIST_KEYS = ("text", "help", "items")
_STRUCTURE_KEYS = frozenset({"life_area", "order", "skill_areas", "kind", "field", "when",
                             "suggest", "leads_to", "match"})
MAX_EXAMPLES = 4


class _OverlayReader(Reader):
    def __init__(self, source: str, module: Module, language: str) -> None:
        super().__init__(source)
        self.english = module
        self.language = language

    def where(self, question: Question | Choice) -> str:
        return f"{self.english.source}:{question.line}"

    def keys_only(self, m: YMap, what: str, allowed: tuple[str, ...]) -> None:
        for key in m:
            if key in _STRUCTURE_KEYS:
                self.fail(f"{key!r} in {what} belongs in the English module; a translation "
                          "only gives texts", m.line_of(key))
        self.keys(m, what, allowed)

    def same_text(self, m: YMap, key: str, what: str, english: str) -> str:
        """The translation of a text the English module has (required), or none."""
        value = self.text(m, key, what)
        if english and not value:
            self.fail(f"{what} needs {key!r} (the English module has one)", m.line_of(key))
        if value and not english:
            self.fail(f"{key!r} in {what}: the English module has none to translate",
                      m.line_of(key))
        if key in ("text", "help") and (found := first_forbidden([value])) is not None:
            self.fail(f"{what} {found}", m.line_of(key))
        return value

    def module(self, doc: object) -> Module:
        m = self.mapping(doc, "a prompt translation", 1)
        self.keys_only(m, "the translation", _TOP_KEYS)
        self.keys(m, "the translation", _TOP_KEYS, ("format", "id", "language", "title"))
        fmt = self.text(m, "format", "the translation", required=True)
        if fmt != TRANSLATION_FORMAT:
            self.fail(f"format must be {TRANSLATION_FORMAT!r}, not {fmt!r}", m.line_of("format"))
        if self.ident(m, "id", "the translation") != self.english.id:
            self.fail(f"id must be {self.english.id!r}, the English module's", m.line_of("id"))
        if self.text(m, "language", "the translation", required=True) != self.language:
            self.fail(f"language must be {self.language!r}", m.line_of("language"))
        english = self.english
        steps = {q.id: q for q in english.questions[2:]}
        if m.get("checklist") is None or m.get("opening") is None:
            self.fail("the translation needs 'checklist' and 'opening'", m.line)
        checklist = self.checklist(self.mapping(m["checklist"], "checklist",
                                                m.line_of("checklist")), english.questions[0])
        opening_map = self.mapping(m["opening"], "opening", m.line_of("opening"))
        opening = self.question(opening_map, english.questions[1], "the opening question")
        questions = self.questions(m, steps)
        repeat = self.repeat(m)
        return replace(
            english,
            title=self.text(m, "title", "the translation", required=True),
            summary=self.same_text(m, "summary", "the translation", english.summary),
            default_title=self.same_text(m, "default_title", "the translation",
                                         english.default_title),
            questions=(checklist, opening, *questions),
            repeat=repeat,
            language=self.language,
            _index={},
        )

    def checklist(self, m: YMap, english: Question) -> Question:
        self.keys_only(m, "the checklist", _CHECKLIST_KEYS)
        items = self.sequence(m, "items", "the checklist")
        words: dict[str, str] = {}
        for i, raw in enumerate(items):
            item = self.mapping(raw, f"checklist item {i + 1}", items.line_of(i))
            self.keys_only(item, "a checklist item", ("id", "text"))
            item_id = self.ident(item, "id", "a checklist item")
            if english.find_choice(item_id) is None:
                self.fail(f"the English checklist has no item {item_id!r}", item.line_of("id"))
            if item_id in words:
                self.fail(f"duplicate checklist item id {item_id!r}", item.line_of("id"))
            words[item_id] = self.same_text(item, "text", f"checklist item {item_id!r}", "-")
        for choice in english.choices:
            if choice.id not in words:
                self.fail(f"no text for checklist item {choice.id!r} ({self.where(choice)})",
                          m.line_of("items"))
        return replace(
            english,
            text=self.same_text(m, "text", "the checklist", english.text),
            help=self.same_text(m, "help", "the checklist", english.help),
            label=translate_in(self.language, CHECKLIST_LABEL),
            choices=tuple(replace(c, label=words[c.id], match=c.match_text)
                          for c in english.choices),
        )

    def questions(self, m: YMap, english: dict[str, Question]) -> list[Question]:
        items = self.sequence(m, "questions", "the translation")
        done: dict[str, Question] = {}
        for i, raw in enumerate(items):
            q = self.mapping(raw, f"question {i + 1}", items.line_of(i))
            qid = self.ident(q, "id", "a question")
            if qid not in english:
                self.fail(f"the English module has no question {qid!r}", q.line_of("id"))
            if qid in done:
                self.fail(f"duplicate question id {qid!r}", q.line_of("id"))
            done[qid] = self.question(q, english[qid], f"question {qid!r}")
        for qid, question in english.items():
            if qid not in done:
                self.fail(f"no text for question {qid!r} ({self.where(question)})",
                          m.line_of("questions"))
        return [done[qid] for qid in english]

    def question(self, m: YMap, english: Question, what: str) -> Question:
        self.keys_only(m, what, _QUESTION_KEYS)
        if self.text(m, "id", what) != english.id:
            self.fail(f"{what} must have id {english.id!r}", m.line_of("id"))
        examples = self.texts(m, "examples", what)
        if len(examples) > MAX_EXAMPLES or (english.examples and not examples):
            self.fail(f"{what} needs 1 to {MAX_EXAMPLES} examples, like the English one",
                      m.line_of("examples"))
        if english is self.english.questions[1] and len(examples) < 2:
            self.fail("the opening question needs 2 to 4 examples", m.line_of("examples"))
        return replace(
            english,
            text=self.same_text(m, "text", what, english.text),
            help=self.same_text(m, "help", what, english.help),
            label=self.same_text(m, "label", what, english.label),
            examples=examples,
            choices=self.choices(m, english, what),
        )

    def choices(self, m: YMap, english: Question, what: str) -> tuple[Choice, ...]:
        items = self.sequence(m, "choices", what)
        if not english.choices:
            if items:
                self.fail(f"{what} has no choices in the English module", m.line_of("choices"))
            return ()
        done: dict[str, Choice] = {}
        for i, raw in enumerate(items):
            c = self.mapping(raw, f"choice {i + 1}", items.line_of(i))
            self.keys_only(c, "a choice", ("id", "label", "value"))
            cid = self.ident(c, "id", "a choice")
            base = english.find_choice(cid)
            if base is None or cid in done:
                self.fail(f"{what} has no choice {cid!r} in the English module, or it is "
                          "given twice", c.line_of("id"))
            label = self.same_text(c, "label", f"choice {cid!r}", base.label)
            if (found := first_forbidden([label])) is not None:
                self.fail(f"choice {found}", c.line_of("label"))
            done[cid] = replace(base, label=label, match=base.match_text,
                                value=self.same_text(c, "value", f"choice {cid!r}", base.value))
        for choice in english.choices:
            if choice.id not in done:
                self.fail(f"{what}: no label for choice {choice.id!r} ({self.where(choice)})",
                          m.line_of("choices"))
        return tuple(done[c.id] for c in english.choices)

    def repeat(self, m: YMap) -> Question | None:
        english = self.english.repeat
        if m.get("repeat") is None:
            if english is not None:
                self.fail("the translation needs 'repeat' (the English module has one)", m.line)
            return None
        r = self.mapping(m["repeat"], "repeat", m.line_of("repeat"))
        if english is None:
            self.fail("the English module has no 'repeat'", m.line_of("repeat"))
        self.keys_only(r, "repeat", ("text", "help"))
        return replace(english, text=self.same_text(r, "text", "repeat", english.text),
                       help=self.same_text(r, "help", "repeat", english.help))


def translate_module(module: Module, doc: object, source: str, language: str) -> Module:
    """``module`` with the texts of a parsed translation file (structure unchanged)."""
    return _OverlayReader(source, module, language).module(doc)
