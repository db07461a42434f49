"""Load and validate prompt modules (``prompts/<module>.yaml``); the format is in docs/prompts.md.

Anything wrong raises FileFormatError naming the file, the line and the reason: unknown
keys, unknown kinds or fields, duplicate ids, ``when`` conditions that point at a later
or missing question or at a choice that does not exist, and questions on topics lerkit
never asks about (see :mod:`lerkit.core.interview.forbidden`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from lerkit.core.errors import FileFormatError
from lerkit.core.i18n import DEFAULT_LANGUAGE, current_language
from lerkit.core.interview.conditions import read_conditions
from lerkit.core.interview.forbidden import first_forbidden
from lerkit.core.interview.model import (
    AGAIN_ID,
    CHECKLIST_ID,
    NO,
    RESERVED_IDS,
    YES,
    Choice,
    Field,
    Kind,
    Module,
    PromptBank,
    Question,
    Suggest,
)
from lerkit.core.interview.overlay import translate_module
from lerkit.core.interview.schema import Reader
from lerkit.core.interview.yamlnodes import YMap, parse_located, read_located
from lerkit.core.records import LifeArea

_E = TypeVar("_E", Kind, Field, Suggest)

FORMAT = "lerkit-prompts/1"
_MODULE_KEYS = (
    "format",
    "id",
    "life_area",
    "title",
    "summary",
    "order",
    "default_title",
    "skill_areas",
    "checklist",
    "opening",
    "questions",
    "repeat",
)
_QUESTION_KEYS = (
    "id",
    "kind",
    "text",
    "help",
    "examples",
    "field",
    "label",
    "choices",
    "when",
    "suggest",
)
_CHECKLIST_KEYS = ("text", "help", "items")
_CHOICE_KEYS = ("id", "label", "value", "match")
_ITEM_KEYS = ("id", "text", "match", "leads_to")
_REPEAT_KEYS = ("text", "help")
CHECKLIST_SIZE = (6, 12)
OPENING_EXAMPLES = (2, 4)
MAX_EXAMPLES = 4

_FIELD_KINDS: dict[Field, frozenset[Kind]] = {
    Field.TITLE: frozenset({Kind.TEXT, Kind.CHOICE}),
    Field.ORGANIZATION: frozenset({Kind.TEXT, Kind.CHOICE}),
    Field.PLACE: frozenset({Kind.TEXT, Kind.CHOICE}),
    Field.START: frozenset({Kind.DATE, Kind.TEXT}),
    Field.END: frozenset({Kind.DATE, Kind.TEXT}),
    Field.SCALE: frozenset({Kind.TEXT, Kind.DATE, Kind.CHOICE}),
    Field.EVIDENCE: frozenset({Kind.TEXT}),
    Field.VOUCH: frozenset({Kind.TEXT}),
}


class _ModuleReader(Reader):
    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.seen: dict[str, Question] = {}
        self.order: list[Question] = []

    def module(self, doc: object) -> Module:
        m = self.mapping(doc, "a prompt module", 1)
        self.keys(m, "the module", _MODULE_KEYS, ("format", "id", "life_area", "title"))
        fmt = self.text(m, "format", "the module", required=True)
        if fmt != FORMAT:
            self.fail(f"format must be {FORMAT!r}, not {fmt!r}", m.line_of("format"))
        module_id = self.ident(m, "id", "the module")
        area = self.text(m, "life_area", "the module", required=True)
        if area not in {a.value for a in LifeArea}:
            known = ", ".join(a.value for a in LifeArea)
            self.fail(f"unknown life_area {area!r} (known: {known})", m.line_of("life_area"))
        title = self.text(m, "title", "the module", required=True)
        if m.get("checklist") is None:
            self.fail("the module needs a 'checklist' of activities", m.line)
        if m.get("opening") is None:
            self.fail("the module needs an 'opening' question", m.line)
        self.add(self.checklist(self.mapping(m["checklist"], "checklist", m.line_of("checklist"))))
        opening = self.question(self.mapping(m["opening"], "opening", m.line_of("opening")))
        self.check_opening(opening)
        self.add(opening)
        items = self.sequence(m, "questions", "the module")
        for i, raw in enumerate(items):
            self.add(self.question(self.mapping(raw, f"question {i + 1}", items.line_of(i))))
        repeat = None
        if m.get("repeat") is not None:
            repeat = self.repeat(self.mapping(m["repeat"], "repeat", m.line_of("repeat")))
        return Module(
            id=module_id,
            life_area=LifeArea(area),
            title=title,
            questions=tuple(self.order),
            summary=self.text(m, "summary", "the module"),
            order=self.integer(m, "order", "the module", 100),
            default_title=self.text(m, "default_title", "the module"),
            skill_areas=self.texts(m, "skill_areas", "the module"),
            repeat=repeat,
            source=self.source,
        )

    def add(self, q: Question) -> None:
        self.seen[q.id] = q
        self.order.append(q)

    def refuse_forbidden(self, texts: list[str], line: int, what: str) -> None:
        found = first_forbidden(texts)
        if found is not None:
            self.fail(f"{what} {found}", line)

    def checklist(self, m: YMap) -> Question:
        self.keys(m, "the checklist", _CHECKLIST_KEYS, ("text", "items"))
        items = self.sequence(m, "items", "the checklist")
        low, high = CHECKLIST_SIZE
        if not low <= len(items) <= high:
            self.fail(
                f"the checklist needs {low} to {high} items, not {len(items)}", m.line_of("items")
            )
        choices: list[Choice] = []
        for i, raw in enumerate(items):
            item = self.mapping(raw, f"checklist item {i + 1}", items.line_of(i))
            self.keys(item, "a checklist item", _ITEM_KEYS, ("id", "text"))
            choice = Choice(
                id=self.ident(item, "id", "a checklist item"),
                label=self.text(item, "text", "a checklist item", required=True),
                match=self.text(item, "match", "a checklist item"),
                leads_to=self.text(item, "leads_to", "a checklist item") or None,
                line=item.line,
            )
            if any(c.id == choice.id for c in choices):
                self.fail(f"duplicate checklist item id {choice.id!r}", item.line_of("id"))
            self.refuse_forbidden([choice.label], item.line_of("text"), "checklist item")
            choices.append(choice)
        text = self.text(m, "text", "the checklist", required=True)
        help_text = self.text(m, "help", "the checklist")
        self.refuse_forbidden([text], m.line_of("text"), "the checklist")
        self.refuse_forbidden([help_text], m.line_of("help"), "the checklist")
        return Question(
            id=CHECKLIST_ID,
            kind=Kind.MULTI,
            text=text,
            help=help_text,
            field=Field.NARRATIVE,
            label="Things I did",
            choices=tuple(choices),
            suggest=Suggest.SKILLS,
            line=m.line,
        )

    def question(self, m: YMap) -> Question:
        self.keys(m, "a question", _QUESTION_KEYS, ("id", "text"))
        qid = self.ident(m, "id", "a question")
        what = f"question {qid!r}"
        if qid in RESERVED_IDS:
            self.fail(f"{qid!r} is reserved; choose another question id", m.line_of("id"))
        if qid in self.seen:
            self.fail(f"duplicate question id {qid!r}", m.line_of("id"))
        kind = self.enum(m, "kind", what, Kind, Kind.TEXT)
        field = self.enum(
            m, "field", what, Field, Field.NARRATIVE if kind is Kind.TEXT else Field.NONE
        )
        if field in _FIELD_KINDS and kind not in _FIELD_KINDS[field]:
            self.fail(
                f"field {field.value!r} cannot take a {kind.value!r} answer", m.line_of("field")
            )
        # "8 guys in my work center; made the watch bill and trained them": a how-many
        # answer tells of work too
        default_suggest = (
            Suggest.SKILLS if field in (Field.NARRATIVE, Field.TITLE, Field.SCALE)
            else Suggest.NONE
        )
        suggest = self.enum(
            m, "suggest", what, Suggest, default_suggest if kind is Kind.TEXT else Suggest.NONE
        )
        if suggest is Suggest.MILITARY and kind is not Kind.TEXT:
            self.fail("suggest: military needs a text question", m.line_of("suggest"))
        choices = self.choices(m, what, kind)
        examples = self.texts(m, "examples", what)
        if len(examples) > MAX_EXAMPLES:
            self.fail(
                f"at most {MAX_EXAMPLES} examples, not {len(examples)}", m.line_of("examples")
            )
        text = self.text(m, "text", what, required=True)
        help_text = self.text(m, "help", what)
        self.refuse_forbidden([text], m.line_of("text"), what)
        self.refuse_forbidden([help_text], m.line_of("help"), what)
        when = read_conditions(self, m, what, self.seen) if m.get("when") is not None else ()
        return Question(
            id=qid,
            kind=kind,
            text=text,
            help=help_text,
            examples=examples,
            field=field,
            label=self.text(m, "label", what),
            choices=choices,
            when=when,
            suggest=suggest,
            line=m.line,
        )

    def choices(self, m: YMap, what: str, kind: Kind) -> tuple[Choice, ...]:
        items = self.sequence(m, "choices", what)
        if kind not in (Kind.CHOICE, Kind.MULTI):
            if items:
                self.fail(f"a {kind.value!r} question has no choices", m.line_of("choices"))
            return ()
        if len(items) < 2:
            self.fail(f"a {kind.value!r} question needs at least 2 choices", m.line_of("choices"))
        out: list[Choice] = []
        for i, raw in enumerate(items):
            c = self.mapping(raw, f"choice {i + 1}", items.line_of(i))
            self.keys(c, "a choice", _CHOICE_KEYS, ("id", "label"))
            choice = Choice(
                id=self.ident(c, "id", "a choice"),
                label=self.text(c, "label", "a choice", required=True),
                value=self.text(c, "value", "a choice"),
                match=self.text(c, "match", "a choice"),
                line=c.line,
            )
            if choice.id in (YES, NO) or any(o.id == choice.id for o in out):
                self.fail(f"duplicate or reserved choice id {choice.id!r}", c.line_of("id"))
            self.refuse_forbidden([choice.label], c.line_of("label"), "choice")
            out.append(choice)
        return tuple(out)

    def check_opening(self, q: Question) -> None:
        if q.kind is not Kind.TEXT or q.when:
            self.fail("the opening question must be a text question without 'when'", q.line)
        low, high = OPENING_EXAMPLES
        if not low <= len(q.examples) <= high:
            self.fail(f"the opening question needs {low} to {high} examples", q.line)
        if not q.help:
            self.fail("the opening question needs 'help'", q.line)

    def repeat(self, m: YMap) -> Question:
        self.keys(m, "repeat", _REPEAT_KEYS, ("text",))
        text = self.text(m, "text", "repeat", required=True)
        help_text = self.text(m, "help", "repeat")
        self.refuse_forbidden([text], m.line_of("text"), "repeat")
        self.refuse_forbidden([help_text], m.line_of("help"), "repeat")
        return Question(id=AGAIN_ID, kind=Kind.YESNO, text=text, help=help_text, line=m.line)

    def enum(self, m: YMap, key: str, what: str, enum: type[_E], default: _E) -> _E:
        raw = self.text(m, key, what)
        if not raw:
            return default
        try:
            return enum(raw)
        except ValueError:
            known = ", ".join(e.value for e in enum)
            self.fail(f"unknown {key} {raw!r} in {what} (known: {known})", m.line_of(key))


def parse_module(text: str, source: str) -> Module:
    """Validate one module from YAML text; ``source`` names it in errors."""
    return _ModuleReader(source).module(parse_located(text, source))


def load_module(path: Path | str) -> Module:
    """Read and validate one module file."""
    return _ModuleReader(str(path)).module(read_located(path))


def load_bank(folder: Path | str | None = None, language: str | None = None) -> PromptBank:
    """Every ``*.yaml`` module directly in ``folder`` (the shipped prompts by default), with
    the texts of ``language`` (the current one by default) from ``folder/<language>/``.

    English is the source; a language without a sub-folder falls back to English.
    """
    language = language or current_language()
    if folder is None:
        from lerkit.core.resources import data_dir

        folder = data_dir("prompts")
    root = Path(folder)
    modules: list[Module] = []
    for path in sorted(root.glob("*.yaml")):
        module = load_module(path)
        if path.stem != module.id:
            raise FileFormatError(str(path), f"the file name must be {module.id}.yaml", 1)
        modules.append(module)
    if not modules:
        raise FileFormatError(str(root), "no prompt modules (*.yaml) found")
    known = {m.id for m in modules}
    for module in modules:
        for choice in module.steps[0].choices:
            if choice.leads_to is not None and choice.leads_to not in known:
                reason = f"leads_to names no module: {choice.leads_to!r}"
                raise FileFormatError(module.source, reason, choice.line)
    modules.sort(key=lambda m: (m.order, m.id))
    if language != DEFAULT_LANGUAGE and (root / language).is_dir():
        return PromptBank(translate_bank(modules, root / language, language), str(root), language)
    return PromptBank(tuple(modules), source=str(root))


def translate_bank(modules: list[Module], folder: Path, language: str) -> tuple[Module, ...]:
    """Every module with its texts from ``folder/<module>.yaml``; a module without a file,
    or a file without a module, is an error."""
    known = {m.id for m in modules}
    for path in sorted(folder.glob("*.yaml")):
        if path.stem not in known:
            raise FileFormatError(str(path), f"no English module {path.stem!r} to translate", 1)
    out: list[Module] = []
    for module in modules:
        path = folder / f"{module.id}.yaml"
        if not path.is_file():
            raise FileFormatError(str(path), f"missing: {module.source} has no translation")
        out.append(translate_module(module, read_located(path), str(path), language))
    return tuple(out)
