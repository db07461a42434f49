"""Skill names in the language spoken, and the Spanish checklist's suggestions.

Screens and the commands' text name lerkit's competencies (and an ESCO import's entries
with Spanish labels) in Spanish when Spanish is spoken; the claim keeps the English name.
A ticked checklist item of a Spanish interview sends the English module's words for it to
the matcher (the suggestions stay those of the English item) and is itself the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import select

from lerkit.core.i18n import current_language, set_language
from lerkit.core.interview import Interview, load_bank
from lerkit.core.matching.types import MatchedVia
from lerkit.services import people, review
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview, lookups
from lerkit.services.skill_names import SkillNames
from lerkit.storage.tables import Claim

SKILL = "caregiving.medication-management"
ENGLISH, SPANISH = "Medication management", "Manejo de medicamentos"
KEPT_TOP1 = 0.9  # share of checklist items whose English first suggestion is in the Spanish top 3


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    before = current_language()
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()
    set_language(before)


def test_names_follow_the_language_spoken(ler: Lerkit) -> None:
    names = SkillNames(ler)
    set_language("en")
    assert names("lerkit", SKILL, ENGLISH) == ENGLISH
    set_language("es")
    assert names("lerkit", SKILL, ENGLISH) == SPANISH
    dwa = "4.A.4.a.8.I03.D05"  # O*NET's work activities have no Spanish: the stored name
    assert names("onet-dwa", dwa, "Stored name") == "Stored name"
    assert names("lerkit", "no.such-skill", "Kept") == "Kept"
    assert names("no-such-taxonomy", SKILL, "Kept") == "Kept"
    assert SkillNames(ler, "en")("lerkit", SKILL, ENGLISH) == ENGLISH


def test_accepting_in_spanish_keeps_the_english_name_in_the_claim(ler: Lerkit) -> None:
    set_language("es")
    pid = people.add_person(ler, "Rosa Prueba").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    live.answer(["medicines"])
    [found] = [m for m in live.interview.run_suggestions() if m.match.competency_id == SKILL]
    assert found.match.label == ENGLISH and live.names.match(found.match) == SPANISH
    live.accept(SKILL, label=found.match.label)  # as the interview screen accepts it
    live.accept("caregiving.care-coordination")  # a skill found by name: looked up
    with ler.db.session() as session:
        rows = {c.competency_id: c.label for c in session.exec(select(Claim).where(
            Claim.person_id == pid, Claim.status == "accepted"))}
    assert rows == {SKILL: ENGLISH, "caregiving.care-coordination": "Care coordination"}
    stored = [c for e in review.record_view(ler, pid).experiences for c in e.accepted]
    shown = [c for e in review.record_view(ler, pid, shown=True).experiences
             for c in e.accepted]
    assert {c.label for c in stored} == {ENGLISH, "Care coordination"}
    assert {c.label for c in shown} == {SPANISH, "Coordinación de cuidados"}
    assert {c.english_label for c in shown} == {ENGLISH, "Care coordination"}


def test_spanish_checklist_items_keep_their_suggestions_and_cite_only_what_was_ticked(
        ler: Lerkit) -> None:
    suggest, crosswalk = lookups(ler)
    english, spanish = load_bank(language="en"), load_bank(language="es")
    items = kept = 0
    for module in english:
        en_iv = Interview(english, [module.id], suggester=suggest, military=crosswalk)
        es_iv = Interview(spanish, [module.id], suggester=suggest, military=crosswalk)
        en_step, es_step = en_iv.current(), es_iv.current()
        assert en_step is not None and es_step is not None
        for choice in es_step.question.choices:
            en_top = [m.competency_id for m in en_iv.preview(choice.match_text)[:3]]
            es_found = es_iv.preview(choice.match_text)[:3]  # as the screen sends a tick
            for m in es_found:  # no word the person never saw
                assert m.matched_via is MatchedVia.PICKED and m.matched_words == ()
                assert m.matched_text == choice.label
            items += 1
            kept += bool(en_top) and en_top[0] in [m.competency_id for m in es_found]
    assert items >= 100  # every item of the 11 modules
    assert kept / items >= KEPT_TOP1, f"{kept} of {items} items keep their first suggestion"
