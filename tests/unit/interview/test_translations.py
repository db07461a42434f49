"""The Spanish prompt bank: a text overlay on the English modules, complete and checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.i18n import current_language, set_language
from lerkit.core.interview import Interview, Kind, PromptBank, find_forbidden, load_bank
from lerkit.core.interview.values import normalise

from .conftest import PROMPTS
from .readability import spanish_ease

SPANISH = sorted((PROMPTS / "es").glob("*.yaml"))
# tú forms a question could slip into; the bank says usted throughout
_TU = re.compile(
    r"\b(?:tú|tu|tus|te|ti|tienes|puedes|quieres|sabes|hiciste|fuiste|estuviste|cuidaste|"
    r"trabajaste|aprendiste|empezaste|terminaste|cuéntame|dime|marca|escoge|agrega)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def spanish() -> PromptBank:
    return load_bank(PROMPTS, "es")


@pytest.fixture
def in_spanish() -> Iterator[None]:
    before = current_language()
    set_language("es")
    yield
    set_language(before)


def _shown(bank: PromptBank) -> Iterator[tuple[str, str, str]]:
    """(module, question, text) for every text a person is shown or that is written."""
    for m in bank:
        yield m.id, "", m.title
        yield m.id, "", m.summary
        for q in m.steps:
            for text in (q.text, q.help, q.label, *(c.label for c in q.choices),
                         *(c.value for c in q.choices)):
                if text:
                    yield m.id, q.id, text


def test_every_module_has_a_spanish_file_with_the_same_structure(
    bank: PromptBank, spanish: PromptBank
) -> None:
    assert {p.stem for p in SPANISH} == set(bank.ids)
    assert spanish.language == "es" and spanish.ids == bank.ids
    for en, es in zip(bank, spanish, strict=True):
        assert es.language == "es" and es.title != en.title
        assert (es.life_area, es.order, es.skill_areas) == (en.life_area, en.order, en.skill_areas)
        assert [q.id for q in es.steps] == [q.id for q in en.steps]
        for qe, qs in zip(en.steps, es.steps, strict=True):
            assert (qs.kind, qs.field, qs.when, qs.suggest) == (qe.kind, qe.field, qe.when,
                                                                qe.suggest)
            assert qs.text and qs.text != qe.text, (es.id, qs.id)
            assert bool(qs.help) == bool(qe.help) and bool(qs.label) == bool(qe.label)
            assert [c.id for c in qs.choices] == [c.id for c in qe.choices]
            for ce, cs in zip(qe.choices, qs.choices, strict=True):
                # the matcher gets the English hint, so a ticked item suggests the same skills
                assert cs.match_text == ce.match_text and cs.leads_to == ce.leads_to
                assert cs.label != ce.label or cs.label in ("MOS", "AFSC")


def test_spanish_texts_ask_nothing_forbidden_and_say_usted(spanish: PromptBank) -> None:
    for module_id, qid, text in _shown(spanish):
        assert find_forbidden(text) is None, (module_id, qid, text)
        assert not _TU.search(text), (module_id, qid, text)


@pytest.mark.parametrize("module_id", sorted(p.stem for p in SPANISH))
def test_spanish_questions_are_plain(spanish: PromptBank, module_id: str) -> None:
    """Szigriszt-Pazos: "bastante fácil" (70+) on average; no question very hard."""
    scores = [spanish_ease(q.text) for q in spanish.module(module_id).steps]
    assert sum(scores) / len(scores) >= 70, module_id
    assert min(scores) >= 20, module_id


def test_faith_asks_about_the_work_never_belief(spanish: PromptBank) -> None:
    faith = spanish.module("faith")
    text = " ".join(q.text + " " + q.help for q in faith.steps).lower()
    assert "lo que hizo" in text or "trabajo que hizo" in text
    assert "crees" not in text and "creencia" not in text


def test_the_current_language_picks_the_texts(in_spanish: None) -> None:
    bank = load_bank(PROMPTS)
    assert bank.language == "es"
    step = Interview(bank, ["caregiving"]).current()
    assert step is not None and step.text.startswith("¿Alguna vez")
    assert step.question.label == "Cosas que hice"
    assert step.progress.startswith("Parte 1 de 1: Cuidar a la familia")


def test_switching_banks_keeps_the_place_and_the_answers(bank: PromptBank,
                                                        spanish: PromptBank) -> None:
    iv = Interview(bank, ["paid-work", "caregiving"])
    iv.answer(["trained-someone", "handled-cash"])
    iv.answer("I ran the register at a grocery store and trained the new cashiers")
    iv.answer("Cashier")
    iv.skip()
    english = iv.current()
    es = iv.in_bank(spanish)
    now = es.current()
    assert english is not None and now is not None
    assert (now.key, now.number) == (english.key, english.number)
    assert now.text == "¿En qué ciudad o pueblo era?"
    assert es.to_dict() == iv.to_dict()
    es.answer("Fresno")
    es.answer("primavera de 2019")
    [draft] = es.drafts()
    assert draft.record.started == "2019-04" and draft.record.place == "Fresno"
    assert "Cosas que hice: le enseñó el trabajo" in draft.record.narrative


def test_spanish_answers_to_choices_and_yes_no(spanish: PromptBank) -> None:
    military = spanish.module("military")
    assert normalise(military.question("branch"), "ejercito (army)") == "army"
    assert normalise(military.question("branch"), "Fuerza Aérea (Air Force)") == "air-force"
    assert normalise(military.question("deployed"), "Sí") == "yes"
    assert normalise(military.question("deployed"), "si") == "yes"
    assert normalise(spanish.module("caregiving").question("who"), "ninguno") == []
    assert military.question("deployed").kind is Kind.YESNO


def _copy_bank(tmp_path: Path, module: str = "fundraising") -> Path:
    """A bank of one English module and its Spanish file, to break in tests."""
    (tmp_path / "es").mkdir()
    (tmp_path / f"{module}.yaml").write_text((PROMPTS / f"{module}.yaml").read_text("utf-8"),
                                             "utf-8")
    (tmp_path / "es" / f"{module}.yaml").write_text(
        (PROMPTS / "es" / f"{module}.yaml").read_text("utf-8"), "utf-8")
    return tmp_path / "es" / f"{module}.yaml"


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text in line)


@pytest.mark.parametrize(
    ("old", "new", "marker", "reason"),
    [
        ("  - id: donors\n", "  - id: donnors\n", "id: donnors",
         "the English module has no question 'donnors'"),
        ("    - id: thanked\n", "    - id: thank\n", "id: thank",
         "the English checklist has no item 'thank'"),
        ("    label: Donantes\n", "    label: Donantes\n    when: {question: handled, is: 'yes'}\n",
         "when:", "'when' in question 'donors' belongs in the English module"),
        ("    help: Si duró un tiempo, diga el año en que empezó.\n", "", "  - id: start",
         "question 'start' needs 'help'"),
        ("  text: ¿Quiere agregar otra vez que juntó dinero?",
         "  text: ¿Cuánto le pagaban por juntar dinero?", "Cuánto le pagaban", "asks about pay"),
    ],
)
def test_translation_errors_name_the_file_and_line(
    tmp_path: Path, old: str, new: str, marker: str, reason: str
) -> None:
    path = _copy_bank(tmp_path)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_bank(tmp_path, "es")
    message = str(caught.value)
    assert f"{path}:{_line_of(path, marker)}:" in message, message
    assert reason in message


def test_a_missing_question_names_it_and_its_english_line(tmp_path: Path) -> None:
    path = _copy_bank(tmp_path)
    text = path.read_text("utf-8")
    start = text.index("  - id: helpers\n")
    end = text.index("  - id: handled\n")
    path.write_text(text[:start] + text[end:], "utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_bank(tmp_path, "es")
    english = tmp_path / "fundraising.yaml"
    assert f"{path}:{_line_of(path, 'questions:')}:" in str(caught.value)
    assert f"no text for question 'helpers' ({english}:{_line_of(english, 'id: helpers')})" in (
        str(caught.value))


def test_a_module_without_translation_or_a_stray_file_is_an_error(tmp_path: Path) -> None:
    path = _copy_bank(tmp_path)
    (tmp_path / "es" / "gardening.yaml").write_text("format: x\n", "utf-8")
    with pytest.raises(FileFormatError, match="no English module 'gardening'"):
        load_bank(tmp_path, "es")
    (tmp_path / "es" / "gardening.yaml").unlink()
    path.unlink()
    with pytest.raises(FileFormatError, match="has no translation"):
        load_bank(tmp_path, "es")


def test_a_bank_without_the_language_stays_english(tmp_path: Path) -> None:
    (tmp_path / "fundraising.yaml").write_text(
        (PROMPTS / "fundraising.yaml").read_text("utf-8"), "utf-8")
    bank = load_bank(tmp_path, "es")
    assert bank.language == "en"
    assert bank.module("fundraising").title == "Raising money for a cause"
