"""``ler verify`` loads only lerkit.core: no database layer, no SQLAlchemy, no SQLModel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.credentials.conftest import signed_bundle

PROBE = """
import sys
from lerkit.cli import main
try:
    main(["verify", sys.argv[1]])
except SystemExit as exc:
    print("exit", exc.code)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "sqlmodel")
                or name.startswith(("lerkit.storage", "lerkit.services", "lerkit.tui")))
print("loaded", loaded)
"""


def test_verify_imports_no_storage_layer(tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(signed_bundle(2)), "utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert "VALID" in done.stdout, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("loaded []"), done.stdout
