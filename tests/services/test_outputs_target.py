"""The optional "Target and gap" section: on the page and the Markdown only when asked
for, worked out from the signed claims alone, and never in the signed bundle."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from lerkit.core.credentials import bundle as bundle_module
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.services import bundles, outputs, taxonomies
from lerkit.services.context import Lerkit
from tests.services.sample import PASSPHRASE, Sample, make_sample

TARGET = "43-5011.00"  # Cargo and Freight Agents
HEADING = "Target and gap: Cargo and Freight Agents"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[Lerkit, Sample]]:
    ler = Lerkit.open()
    try:
        taxonomies.ensure_builtin(ler, "lerkit")
        yield ler, make_sample(ler, tmp_path)
    finally:
        ler.close()


class FixedSigning:
    """Every export signs at the same moment with the same fresh ids (counted from 0
    again at :meth:`restart`), so that two bundles of the same claims are the same bytes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids = itertools.count()
        moment = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
        monkeypatch.setattr(bundle_module, "now_utc", lambda: moment)
        monkeypatch.setattr(bundle_module, "uuid", SimpleNamespace(uuid4=self.uuid4))

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(int=next(self.ids))

    def restart(self) -> None:
        self.ids = itertools.count()


def _export(ler: Lerkit, sample: Sample, folder: Path, target: str | None,
            signing: FixedSigning | None = None) -> outputs.OutputsResult:
    folder.mkdir()
    if signing is not None:
        signing.restart()
    return outputs.export_to_folder(ler, sample.person_id, folder, PASSPHRASE, ("html", "md"),
                                    basename="record", target=target)


def test_the_section_is_off_by_default_and_outside_the_signed_bundle(
        opened: tuple[Lerkit, Sample], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ler, sample = opened
    _export(ler, sample, tmp_path / "warm", None)  # the claim credentials are kept from here
    signing = FixedSigning(monkeypatch)
    plain = _export(ler, sample, tmp_path / "plain", None, signing)
    with_gap = _export(ler, sample, tmp_path / "gap", TARGET, signing)
    assert with_gap.bundle.path.read_bytes() == plain.bundle.path.read_bytes()
    assert with_gap.bundle.sha256 == plain.bundle.sha256
    assert bundles.verify_file(with_gap.bundle.path).valid
    signed = with_gap.bundle.path.read_text(encoding="utf-8")
    assert "Cargo and Freight Agents" not in signed and "Target and gap" not in signed
    for name in ("html", "md"):
        without = plain.files[name].read_text(encoding="utf-8")
        shown = with_gap.files[name].read_text(encoding="utf-8")
        assert "Target and gap" not in without and "Not part of the signed record" not in without
        assert "Target and gap" in shown and "Not part of the signed record." in shown
        assert "Cargo and Freight Agents" in shown
    md = with_gap.files["md"].read_text(encoding="utf-8")
    assert md.startswith(plain.files["md"].read_text(encoding="utf-8"))  # only added to
    section = md[md.index(f"## {HEADING}"):]
    for part in ("the skills in this record show 5% of its work",
                 "### Already shown in this record",
                 "- Inspect shipments to ensure correct order fulfillment: shown by Shipping "
                 "and receiving",
                 "### Missing, the most central first", "- Track goods or materials (11% of "
                 "the work)", "### Technology O\\*NET lists for it", "USDOL/ETA"):
        assert part in section, part


def test_the_section_counts_only_the_claims_in_the_record(
        opened: tuple[Lerkit, Sample], tmp_path: Path) -> None:
    ler, sample = opened
    care = sample.claim_ids[1]  # Medication management, nothing of a freight agent's work
    result = outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE, ("md",),
                                      claim_ids=[care], basename="care", target=TARGET)
    text = result.files["md"].read_text(encoding="utf-8")
    assert HEADING in text and "show 0% of its work" in text
    assert "Shipping and receiving" not in text and "Shift supervision" not in text


def test_an_unknown_occupation_or_a_format_without_the_section_writes_nothing(
        opened: tuple[Lerkit, Sample], tmp_path: Path) -> None:
    ler, sample = opened
    with pytest.raises(NotFoundError, match=r"no O\*NET occupation '99-9999\.99'"):
        outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE, ("html",),
                                 target="99-9999.99")
    with pytest.raises(BadInputError, match="page \\(html\\) or the Markdown \\(md\\) only"):
        outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE, ("jsonresume",),
                                 target=TARGET)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["convoy-plan.txt"]
