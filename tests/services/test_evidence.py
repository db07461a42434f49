"""Evidence checked as it is entered, listed with what it backs, edited and deleted; an
experience's dates corrected; and every change audited."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.records import EvidenceKind
from lerkit.services import claims, evidence, review, taxonomies
from lerkit.services.context import Lerkit
from tests.services.sample import Sample, make_sample


@pytest.fixture
def sampled(db_url: str, tmp_path: Path) -> Iterator[tuple[Lerkit, Sample]]:
    ler = Lerkit.open(db_url)
    taxonomies.ensure_builtin(ler, "lerkit")
    yield ler, make_sample(ler, tmp_path)
    ler.close()


def test_bad_links_files_and_dates_are_refused_when_entered(
        sampled: tuple[Lerkit, Sample], tmp_path: Path) -> None:
    ler, sample = sampled
    claim = sample.claim_ids[1]
    for link in ("example.org/award", "ftp://example.org/x", "https://", "https://a b.org",
                 "https://example.org/\x1b[2J"):
        with pytest.raises(BadInputError):
            claims.add_evidence(ler, kind=EvidenceKind.URL, claim_id=claim, url=link)
    with pytest.raises(BadInputError, match="no such file"):
        claims.add_evidence(ler, kind=EvidenceKind.FILE, claim_id=claim,
                            file=tmp_path / "nowhere.pdf")
    with pytest.raises(BadInputError, match="not a file"):
        claims.add_evidence(ler, kind=EvidenceKind.FILE, claim_id=claim, file=tmp_path)
    with pytest.raises(BadInputError, match="as a date"):
        claims.add_evidence(ler, kind=EvidenceKind.NOTE, claim_id=claim, name="x",
                            dated="whenever")
    for rough in ("spring 2019", "ongoing", "about 2015", "May 2019", "2019-05"):
        claims.add_evidence(ler, kind=EvidenceKind.NOTE, claim_id=claim, name="Shift log",
                            dated=rough)
    dated = {i.dated for i in evidence.list_evidence(ler, sample.person_id)}
    assert {"spring 2019", "ongoing", "about 2015"} <= dated


def test_list_edit_and_delete(sampled: tuple[Lerkit, Sample]) -> None:
    ler, sample = sampled
    items = evidence.list_evidence(ler, sample.person_id)
    link = next(i for i in items if i.kind == "url")
    assert link.skill == "Shipping and receiving" and link.experience
    note = next(i for i in items if i.kind == "note")
    assert note.skill == "" and note.experience == "Caregiver for my mother"
    assert set(evidence.edit_evidence(ler, link.id, url="https://example.org/award/99",
                                      dated="June 2020")) == {"url", "dated"}
    with pytest.raises(BadInputError):
        evidence.edit_evidence(ler, link.id, url="not a link")
    with pytest.raises(BadInputError, match="not a link"):
        evidence.edit_evidence(ler, note.id, url="https://example.org")
    assert evidence.edit_evidence(ler, link.id, dated="June 2020") == []
    evidence.delete_evidence(ler, note.id)
    with pytest.raises(NotFoundError):
        evidence.delete_evidence(ler, note.id)
    left = {i.id: i for i in evidence.list_evidence(ler, sample.person_id)}
    assert note.id not in left and left[link.id].url == "https://example.org/award/99"


def test_experience_dates_are_corrected(sampled: tuple[Lerkit, Sample]) -> None:
    ler, sample = sampled
    [army, care] = review.record_view(ler, sample.person_id).experiences
    assert evidence.edit_experience_dates(ler, army.experience.id, started="spring 2008",
                                          ended="2020")
    assert evidence.edit_experience_dates(ler, care.experience.id, ended="2023")
    ended = review.record_view(ler, sample.person_id).experiences[1].experience
    assert (ended.ended, ended.ongoing) == ("2023", False)
    assert evidence.edit_experience_dates(ler, care.experience.id, ended="ongoing")
    with pytest.raises(BadInputError):
        evidence.edit_experience_dates(ler, army.experience.id, started="long ago")
    with pytest.raises(NotFoundError):
        evidence.edit_experience_dates(ler, "nope", started="2019")
    view = {e.experience.id: e.experience for e in
            review.record_view(ler, sample.person_id).experiences}
    assert (view[army.experience.id].started, view[army.experience.id].ended) == (
        "2008-04", "2020")
    assert view[care.experience.id].ongoing and view[care.experience.id].ended is None


def test_stored_evidence_that_cannot_be_exported_names_the_skill_after_the_passphrase(
        sampled: tuple[Lerkit, Sample]) -> None:
    from lerkit.core.errors import PassphraseError
    from lerkit.services import bundles
    from lerkit.storage import record_rows
    from tests.services.sample import PASSPHRASE

    ler, sample = sampled
    with ler.transaction() as session:  # as an older version could have stored it
        record_rows.add_evidence(session=session, actor="test", person_id=sample.person_id,
                                 claim_id=sample.claim_ids[1], experience_id=None,
                                 kind="url", values={"name": "Award", "url": "award page"})
    out = Path(str(ler.settings.home)) / "bundle.json"
    with pytest.raises(PassphraseError):
        bundles.export_bundle(ler, sample.person_id, out, "not the passphrase")
    with pytest.raises(BadInputError, match='"Award" of the skill "Medication management"'):
        bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE)
    assert not out.exists()
    done = bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE,
                                 leave_out_unusable=True)  # the person chose to go on
    assert out.exists() and any('"Award"' in note for note in done.left_out)
    assert "award page" not in out.read_text(encoding="utf-8")
    assert bundles.verify_file(out).valid

