"""The printable skills record in a real browser: screenshot, PDF, QR code, no network.

Needs Debian's ``chromium``; skips without it unless ``LER_REQUIRE_BROWSER=1`` (CI).
The screenshot and PDFs are kept in ``LER_TEST_ARTIFACTS`` when that is set.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from lerkit.services import outputs, taxonomies
from lerkit.services.context import Lerkit
from tests.browser.chromium import all_requests, need_chromium, page_requests, run_chromium
from tests.services.endorsed import PROFILE, endorse_first_claim
from tests.services.sample import PASSPHRASE, make_sample

try:
    import pypdf
    import zxingcpp
    from PIL import Image
except ImportError as exc:  # pragma: no cover - the test extra installs them
    MISSING: str | None = f"{exc.name} is needed (pip install -e '.[test]')"
else:
    MISSING = None

SKILLS = ("Shipping and receiving", "Medication management", "Shift supervision")
AREAS = ("Logistics, transportation and supply", "Caregiving and health support",
         "Leadership and supervision")


def _pdf_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages]
    return " ".join(text.split()), sizes


def _keep(*paths: Path) -> None:
    folder = os.environ.get("LER_TEST_ARTIFACTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copy(path, Path(folder) / path.name)


@pytest.fixture(scope="module")
def browser() -> str:
    found = need_chromium()
    if MISSING is not None:
        if os.environ.get("LER_REQUIRE_BROWSER", "") not in ("", "0", "false", "no"):
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return found


def test_page_in_chromium(browser: str, tmp_path: Path) -> None:
    ler = Lerkit.open()
    try:
        taxonomies.ensure_builtin(ler, "lerkit")
        sample = make_sample(ler, tmp_path)
        endorse_first_claim(ler, sample, tmp_path)
        result = outputs.export_to_folder(ler, sample.person_id, tmp_path, PASSPHRASE, ["html"])
    finally:
        ler.close()
    page, digest = result.files["html"], result.bundle.sha256
    url = page.as_uri()
    logs = []

    shot = tmp_path / "skills-record.png"
    _, log = run_chromium(browser, tmp_path, url, "--window-size=1000,2400",
                          f"--screenshot={shot}", name="screenshot")
    logs.append(log)
    codes = zxingcpp.read_barcodes(Image.open(shot))
    assert [c.text for c in codes] == [f"sha256:{digest}"]

    pdf = tmp_path / "skills-record-letter.pdf"
    _, log = run_chromium(browser, tmp_path, url, "--no-pdf-header-footer",
                          f"--print-to-pdf={pdf}", name="pdf")
    logs.append(log)
    text, sizes = _pdf_text(pdf)
    assert set(sizes) == {(612, 792)}  # Letter, Chromium's default paper
    for needle in (*SKILLS, *AREAS, "Marcus Bell", "Self-attested", "Endorsed",
                   "Has taught or led others", f"{PROFILE.name}, supervisor"):
        assert needle in text, needle
    assert " ".join(digest[i:i + 8] for i in range(0, 64, 8)) in text

    a4_page = tmp_path / "a4.html"
    a4_page.write_text(page.read_text(encoding="utf-8").replace(
        "</style>", "@page { size: A4; }</style>", 1), encoding="utf-8")
    a4 = tmp_path / "skills-record-a4.pdf"
    _, log = run_chromium(browser, tmp_path, a4_page.as_uri(), "--no-pdf-header-footer",
                          f"--print-to-pdf={a4}", name="a4")
    logs.append(log)
    a4_text, a4_sizes = _pdf_text(a4)
    assert set(a4_sizes) == {(595, 842)}
    assert all(needle in a4_text for needle in (*SKILLS, *AREAS))

    dom, log = run_chromium(browser, tmp_path, url, "--dump-dom", name="dom")
    logs.append(log)
    assert all(skill in dom for skill in SKILLS)
    assert dom.count('class="tier t-self-attested"') == 2
    assert dom.count('class="tier t-endorsed-unknown"') == 1
    assert f"ler verify {result.bundle.path.name} --expect-digest sha256:{digest}" in dom

    for log in logs:
        assert page_requests(log) == [], all_requests(log)
    _keep(shot, pdf, a4)


def test_the_network_check_sees_a_page_request(browser: str, tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><p>control</p>'
                    '<img src="http://lerkit-control.invalid/pixel.png">', encoding="utf-8")
    _, log = run_chromium(browser, tmp_path, page.as_uri(), "--dump-dom", name="control")
    assert any(re.match(r"http://lerkit-control\.invalid/", u) for u in page_requests(log))
