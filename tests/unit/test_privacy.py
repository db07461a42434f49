"""The privacy check: realistic stories are caught, plain sentences are left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.privacy import (
    Action,
    Choice,
    Passage,
    find_passages,
    left_out_together,
    load_word_lists,
    merge_omit,
    omissions,
    reworded,
)
from lerkit.core.privacy.finder import Finder, sentences
from lerkit.core.privacy.words import parse_word_lists
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    LifeArea,
)

CF_FATHER = (
    "My son has cystic fibrosis, so I learned to do his breathing treatments twice a day. "
    "I kept track of medications and refills in a notebook. I drove him to every clinic "
    "visit and handled the insurance calls."
)
VETERAN = (
    "I served as a motor transport operator in the U.S. Army from 2008 to 2016. After my "
    "second deployment I was diagnosed with PTSD. I still lead a weekly peer group for "
    "other veterans."
)
CHURCH = (
    "I run the food pantry at Grace Baptist Church every Saturday. We serve about 200 "
    "families. The pastor asked me to train the new volunteers."
)
PARENT = (
    "I homeschooled my daughter, Ana, for three years. I planned every lesson. "
    "Ana is now in tenth grade and reads above her level."
)
PLAIN = [
    "I took care of the schedule and the money.",
    "I cared for my mother at home for six years.",
    "We cooked a big supper for forty people every Friday.",
    "I handled operations and dispatch for the warehouse.",
    "I was patient with new drivers and trained them.",
    "Our mission was to move 300 vehicles in nine months.",
    "I checked the blind spot mirrors on every truck.",
    "I worked in good faith with every carrier, and my boss had faith in me.",
    "My son helped me paint the house last summer.",
    "Ana from payroll showed me the time sheets.",
    "I kept the kids' soccer team on schedule and drove the van.",
    "I led a team of 6 soldiers and wrote their evaluations.",
    "Sam, my supervisor, asked me to train the night shift.",
]


@pytest.fixture(scope="module")
def finder() -> Finder:
    return Finder(load_word_lists())


def _found(finder: Finder, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(f.sentence, tuple(h.kind for h in f.hits), tuple(h.words for h in f.hits))
            for f in finder.find(text)]


def test_a_father_of_a_child_with_cystic_fibrosis(finder: Finder) -> None:
    found = _found(finder, CF_FATHER)
    assert [f[0][:20] for f in found] == ["My son has cystic fi", "I kept track of medi"]
    assert found[0][1:] == (("health",), ("cystic fibrosis",))
    assert found[1][1:] == (("health",), ("medications",))  # health context, shown too


def test_a_veteran_with_ptsd(finder: Finder) -> None:
    found = _found(finder, VETERAN)
    assert found == [("After my second deployment I was diagnosed with PTSD.",
                      ("health", "health"), ("diagnosed", "PTSD"))]


def test_a_church_volunteer(finder: Finder) -> None:
    found = _found(finder, CHURCH)
    assert [f[2] for f in found] == [("Baptist", "Church"), ("pastor",)]
    assert all(kinds == ("religion",) * len(kinds) for _, kinds, _ in found)
    assert "We serve about 200 families." not in [f[0] for f in found]
    # a church named in passing is a religion mention too (docs/privacy-check.md)
    assert _found(finder, "I ran the church supper.")[0][1] == ("religion",)


def test_a_parent_naming_a_child(finder: Finder) -> None:
    found = _found(finder, PARENT)
    assert [(f[1], f[2]) for f in found] == [(("child's name",), ("Ana",))] * 2
    assert finder.child_names("my son Jamie has asthma; Jamie, my son, and our twins (6), "
                              "Mia and Leo, and my youngest daughter Rosa") == {
        "Jamie", "Mia", "Leo", "Rosa"}
    kinds = _found(finder, "My son Jamie has asthma.")[0][1]
    assert set(kinds) == {"health", "child's name"}


@pytest.mark.parametrize("sentence", PLAIN)
def test_plain_sentences_are_not_flagged(finder: Finder, sentence: str) -> None:
    assert finder.find(sentence) == []


@pytest.mark.parametrize("text", [
    "She was diagnosed in May.", "The diagnosis came late.", "We had two diagnoses.",
    "He takes three medications.", "I gave his medicine on time.", "He has seizures.",
    "She uses a wheelchair.", "My father has Alzheimer's.", "He is Muslim.",
    "They pray together.", "A post-traumatic stress injury.", "She is hard of hearing.",
    "He started his new CF medicine.", "I ran the nebulizer twice a day.",
])
def test_word_forms(finder: Finder, text: str) -> None:
    assert finder.find(text), text


def test_sentences_keep_abbreviations_and_lines() -> None:
    text = "I served in the U.S. Army with Sgt. Lee. Then I left.\nNew line here"
    assert [text[a:b] for a, b in sentences(text)] == [
        "I served in the U.S. Army with Sgt. Lee.", "Then I left.", "New line here"]


def _claims() -> list[ClaimRecord]:
    care = ExperienceRecord(id="care", life_area=LifeArea.CAREGIVING,
                            title="Caring for my son Jamie", narrative=CF_FATHER)
    church = ExperienceRecord(id="church", life_area=LifeArea.FAITH, title="Pantry lead",
                              organization="Grace Baptist Church", narrative=CHURCH)
    note = EvidenceRecord(id="ev1", kind=EvidenceKind.NOTE, name="Clinic letter",
                          narrative="Letter from Jamie's pulmonologist about his therapy.")
    return [
        ClaimRecord(id="c1", taxonomy="t", competency_id="a", label="Medication management",
                    status=ClaimStatus.ACCEPTED, experience=care, evidence=[note]),
        ClaimRecord(id="c2", taxonomy="t", competency_id="b", label="Scheduling",
                    status=ClaimStatus.ACCEPTED, experience=care),
        ClaimRecord(id="c3", taxonomy="t", competency_id="c", label="Food service",
                    status=ClaimStatus.ACCEPTED, experience=church),
    ]


def test_record_passages_say_where_they_are() -> None:
    found = find_passages(_claims())
    places = [(p.entity, p.entity_id, p.field, p.kind) for p in found]
    assert ("experience", "care", "title", "child's name") in places
    assert ("experience", "church", "organization", "religion") in places
    # the child's name found in the title is found in the evidence note too
    assert ("evidence", "ev1", "narrative", "health") in places
    note = next(p for p in found if p.entity == "evidence")
    assert set(note.kinds) == {"health", "child's name"} and "Jamie" in note.words
    assert note.where == "evidence ev1, narrative"
    assert all(p.sentence == _text(p) for p in found)
    assert not any(p.field == "label" for p in found)  # skill names are not looked at


def _text(passage: Passage) -> str:
    claims = _claims()
    exp = {c.experience.id: c.experience for c in claims if c.experience is not None}
    ev = {e.id: e for c in claims for e in c.evidence}
    source = exp[passage.entity_id] if passage.entity == "experience" else ev[passage.entity_id]
    return str(getattr(source, passage.field))[passage.start:passage.end]


def test_omitting_leaves_out_the_field_for_every_skill_it_belongs_to() -> None:
    claims = _claims()
    found = find_passages(claims)
    story = next(p for p in found if p.entity_id == "care" and p.field == "narrative")
    note = next(p for p in found if p.entity == "evidence")
    org = next(p for p in found if p.field == "organization")
    assert omissions([story, note, org], claims) == {
        "c1": frozenset({"narrative", "evidence:ev1"}), "c2": frozenset({"narrative"}),
        "c3": frozenset({"organization"})}
    title = next(p for p in found if p.field == "title")
    with pytest.raises(BadInputError, match="reword it instead"):
        omissions([title], claims)
    assert merge_omit({"c1": frozenset({"dates"})}, None, {"c1": frozenset({"place"})}) == {
        "c1": frozenset({"dates", "place"})}


def test_rewording_replaces_only_the_sentence() -> None:
    story = next(p for p in find_passages(_claims()) if p.field == "narrative"
                 and p.entity_id == "care")
    new = reworded(CF_FATHER, story, "I cared for a family member with a serious illness.")
    assert new.startswith("I cared for a family member with a serious illness. I kept track")
    gone = reworded(CF_FATHER, story, "  ")
    assert gone.startswith("I kept track of medications")
    moved = reworded("Intro. " + CF_FATHER, story, "Reworded.")
    assert moved == "Intro. Reworded." + CF_FATHER[story.end:]
    with pytest.raises(BadInputError, match="check it again"):
        reworded("Something else entirely.", story, "x")
    assert Choice(Action.REWORD, "x").action == "reword"


def test_a_coach_word_list(tmp_path: Path) -> None:
    lists = parse_word_lists({"format": "lerkit-privacy-words/1",
                              "kinds": {"health": {"words": ["gout", "insul*"]}}}, "mine")
    finder = Finder(lists)
    assert [h.words for f in finder.find("Gout. Insulin shots. Church.") for h in f.hits] == [
        "Gout", "Insulin"]
    path = tmp_path / "words.yaml"
    path.write_text("format: lerkit-privacy-words/1\nkinds:\n  religion:\n    words: [shrine]\n",
                    encoding="utf-8")
    assert load_word_lists(path).kinds == ["religion", "child's name"]
    bad_lists: list[dict[str, Any]] = [
        {"kinds": {}}, {"format": "lerkit-privacy-words/1", "kinds": {}},
        {"format": "lerkit-privacy-words/1", "kinds": {"x": {"words": [3]}}},
        {"format": "lerkit-privacy-words/1", "kinds": {"x": {"words": ["*"]}}},
        {"format": "lerkit-privacy-words/1", "kinds": {"x": {"words": ["ok"]}}, "children": 1},
    ]
    for bad in bad_lists:
        with pytest.raises(FileFormatError):
            parse_word_lists(bad, "bad")


def test_the_shipped_list_holds_every_kind() -> None:
    assert load_word_lists().kinds == ["health", "disability", "religion", "child's name"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Carta de la clínica de mi papá.", "health"), ("Le daba la insulina a mi mamá.", "health"),
    ("Mi hijo tiene fibrosis quistica.", "health"), ("Ella usa silla de ruedas.", "disability"),
    ("Cocinaba para la iglesia los domingos.", "religion"),
    ("Era diácono en la parroquia San José.", "religion"),
])
def test_spanish_passages_are_flagged_too(finder: Finder, text: str, kind: str) -> None:
    assert kind in {hit.kind for found in finder.find(text) for hit in found.hits}, text


@pytest.mark.parametrize("text", [
    "Cuidé a mi papá cinco años y lo llevaba a sus citas.",
    "Manejaba la troca del warehouse.", "Organicé la cocina para cien personas.",
])
def test_plain_spanish_is_not_flagged(finder: Finder, text: str) -> None:
    assert finder.find(text) == []


def test_passages_left_out_together_are_those_of_one_omission() -> None:
    def at(entity: str, entity_id: str, field: str) -> Passage:
        return Passage(entity, entity_id, field, "A sentence.", 0, 11, ())

    story, story_too = at("experience", "e1", "narrative"), at("experience", "e1", "narrative")
    assert left_out_together(story, story_too)
    assert not left_out_together(story, at("experience", "e2", "narrative"))  # another one
    assert not left_out_together(story, at("experience", "e1", "place"))  # another field
    title = at("experience", "e1", "title")  # cannot be left out at all
    assert not left_out_together(title, at("experience", "e1", "title"))
    assert left_out_together(at("evidence", "v1", "name"), at("evidence", "v1", "narrative"))
