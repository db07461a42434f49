"""Reading ``when:`` conditions: each must point at an earlier question and real choices.

Forms (one mapping, or a list of them that must all hold)::

    when: {question: branch, is: army}
    when: {question: branch, in: [army, marine-corps]}
    when: {question: branch, not: [army]}
    when: {question: checklist, has: raised-money}
    when: {question: website, answered: true}
"""

from __future__ import annotations

from collections.abc import Mapping

from lerkit.core.interview.model import NO, YES, Condition, Kind, Question
from lerkit.core.interview.schema import Reader
from lerkit.core.interview.yamlnodes import YList, YMap

_OPS = ("is", "in", "not", "has", "answered")
_YESNO = {"yes": YES, "true": YES, "no": NO, "false": NO}


def read_conditions(
    reader: Reader, m: YMap, what: str, earlier: Mapping[str, Question]
) -> tuple[Condition, ...]:
    """The conditions under ``m['when']``, checked against the questions before it."""
    raw = m["when"]
    line = m.line_of("when")
    if isinstance(raw, YMap):
        items: list[tuple[YMap, int]] = [(raw, line)]
    elif isinstance(raw, YList) and raw:
        items = [
            (reader.mapping(v, "a condition", raw.line_of(i)), raw.line_of(i))
            for i, v in enumerate(raw)
        ]
    else:
        reader.fail(f"'when' in {what} must be a condition or a list of conditions", line)
    return tuple(_condition(reader, c, cline, what, earlier) for c, cline in items)


def _condition(
    reader: Reader, c: YMap, line: int, what: str, earlier: Mapping[str, Question]
) -> Condition:
    reader.keys(c, f"a condition of {what}", ("question", *_OPS), ("question",))
    target_id = reader.text(c, "question", "a condition", required=True)
    target = earlier.get(target_id)
    if target is None:
        reason = f"'when' in {what} refers to {target_id!r}, which is not an earlier question"
        reader.fail(reason, c.line_of("question"))
    ops = [op for op in _OPS if op in c]
    if len(ops) != 1:
        reader.fail(f"a condition needs exactly one of {', '.join(_OPS)}", line)
    op = ops[0]
    if op == "answered":
        return Condition(target_id, op, answered=reader.boolean(c, op, "a condition"))
    values = _values(reader, c, op)
    if target.kind in (Kind.TEXT, Kind.DATE):
        reason = f"only 'answered' can test the {target.kind.value} question {target_id!r}"
        reader.fail(reason, c.line_of(op))
    if op == "has" and target.kind is not Kind.MULTI:
        reader.fail(f"'has' needs a multi-choice question; {target_id!r} is not", c.line_of(op))
    if op == "is" and len(values) != 1:
        reader.fail("'is' takes one value; use 'in' for several", c.line_of(op))
    allowed = (YES, NO) if target.kind is Kind.YESNO else tuple(x.id for x in target.choices)
    for value in values:
        if value not in allowed:
            reason = f"{target_id!r} has no choice {value!r} (choices: {', '.join(allowed)})"
            reader.fail(reason, c.line_of(op))
    return Condition(target_id, op, values)


def _values(reader: Reader, c: YMap, op: str) -> tuple[str, ...]:
    raw = c[op]
    if isinstance(raw, str) and raw.strip():
        values: list[str] = [raw.strip()]
    elif isinstance(raw, YList) and raw and all(isinstance(v, str) for v in raw):
        values = [str(v).strip() for v in raw]
    else:
        reader.fail(f"{op!r} needs a choice id or a list of them", c.line_of(op))
    return tuple(_YESNO.get(v.lower(), v) for v in values)
