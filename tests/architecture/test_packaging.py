"""The shipped data is inside the wheel, and one loader finds it there and in a checkout."""

from __future__ import annotations

import gettext
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lerkit.core import resources

REPO = Path(__file__).resolve().parents[2]


def test_checkout_finds_the_data_folders() -> None:
    assert (resources.data_dir("taxonomies") / "lerkit" / "taxonomy.yaml").is_file()
    assert resources.data_dir("prompts").is_dir()


def test_ler_data_dir_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "taxonomies").mkdir()
    monkeypatch.setenv("LER_DATA_DIR", str(tmp_path))
    assert resources.data_dir("taxonomies") == tmp_path / "taxonomies"


@pytest.mark.slow
def test_wheel_carries_taxonomies_and_prompts(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
         str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    [wheel] = tmp_path.glob("lerkit-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    shipped = {p.relative_to(REPO).as_posix() for d in ("taxonomies", "prompts")
               for p in (REPO / d).rglob("*.yaml")}
    assert shipped, "no YAML data in the checkout"
    for rel in shipped:
        assert f"lerkit/_data/{rel}" in names
    derived = {f"lerkit/data/{name}" for name in (
        "onet-pack.json.gz", "meaning-model/vectors.npy", "meaning-model/scales.npy",
        "meaning-model/tokenizer.json", "meaning-model/model.json", "meaning-model/MODEL.md",
        "meaning-model/LICENSE")}
    assert derived <= names  # derived data, with its licence and provenance
    # the Spanish catalog, compiled from the .po files at build time, and it translates
    assert "lerkit/locale/es/LC_MESSAGES/lerkit.mo" in names
    with (tmp_path / "site/lerkit/locale/es/LC_MESSAGES/lerkit.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Spanish") == "Español"
    assert wheel.stat().st_size < 20 * 1024 * 1024
    code = (
        "from lerkit.core import resources\n"
        "from lerkit.core.matching.meaning import load_model, unavailable_reason\n"
        "print(resources.data_dir('taxonomies'))\nprint(resources.data_dir('prompts'))\n"
        "assert load_model() is not None, unavailable_reason()\n"
    )
    found = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path / 'site')!r})\n"
         + code],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert found.returncode == 0, found.stderr
    lines = found.stdout.split()
    assert lines == [str(tmp_path / "site/lerkit/_data/taxonomies"),
                     str(tmp_path / "site/lerkit/_data/prompts")]
