"""The two outside verifiers the interop tests compare: the reference ``verify-vc``
(Digital Bazaar / DCC JavaScript stack) and didkit (Spruce's Rust ``ssi``, as
WebAssembly; ``tests/interop/didkit``). Both print one verdict line per credential.

Where they are known to differ, :func:`expected_difference` says why; every other
credential must get the same verdict from both.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DIDKIT = REPO_ROOT / "tests" / "interop" / "didkit" / "verify-didkit"
JCS = "eddsa-jcs-2022"
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")

# Why the verdicts may differ, for credentials that show it (checked by the tests):
JCS_UNREAD = ("didkit's ssi has no eddsa-jcs-2022 cryptosuite: it cannot read such a proof "
              "(\"data did not match any variant\"), where the reference verifies it")
CONTROL_RAW = ("didkit's ssi writes control characters (tab, BEL, VT, FF, DEL) unescaped in "
               "its canonical N-Quads, where RDFC-1.0 (and URDNA2015 before it) escapes them "
               "(a tab as \\t); tested: didkit accepts a signature over a tab left raw and "
               "refuses one over \\t, which the reference and the W3C vectors require")
DATES_UNCHECKED = ("didkit checks proofs only, not validFrom / validUntil against the "
                   "clock; the reference checks the validity period too")


def run(tool: Path | str, files: Iterable[Path | str]) -> subprocess.CompletedProcess[str]:
    """Run a verifier on ``files``."""
    return subprocess.run([str(tool), *map(str, files)], capture_output=True, text=True,
                          timeout=600, check=False)


def verdicts(lines: Iterable[str]) -> dict[str, str]:
    """``{credential label: "OK" | "FAIL"}`` from verdict lines (either verifier)."""
    found: dict[str, str] = {}
    for line in lines:
        verdict, _, rest = line.partition(" ")
        if verdict == "OK":
            found[rest] = verdict
        elif verdict == "FAIL":
            found[rest.split(": ", 1)[0]] = verdict
    return found


def didkit_lines(files: Iterable[Path | str]) -> list[str]:
    """didkit's verdict lines; it is fetched from the npm registry on first use."""
    proc = run(DIDKIT, files)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"verify-didkit failed to run: {proc.stdout}{proc.stderr}")
    return proc.stdout.splitlines()


def _credentials(doc: Any) -> Iterable[Mapping[str, Any]]:
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if "proof" in node:
                yield node
            stack.extend(value for key, value in node.items() if key != "proof")


def _suites(credential: Mapping[str, Any]) -> set[str]:
    proofs = credential.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    return {str(p.get("cryptosuite")) for p in proofs if isinstance(p, dict)}


def _has_control(node: Any) -> bool:
    if isinstance(node, str):
        return _CONTROL.search(node) is not None
    if isinstance(node, dict):
        return any(_has_control(key) or _has_control(value) for key, value in node.items())
    if isinstance(node, list):
        return any(_has_control(item) for item in node)
    return False


def expected_difference(files: Iterable[Path | str]) -> dict[str, str]:
    """Credential id -> why the two verifiers may disagree on it (see the notes above)."""
    why: dict[str, str] = {}
    for file in files:
        doc = json.loads(Path(file).read_text("utf-8"))
        for credential in _credentials(doc):
            if not isinstance(credential.get("id"), str):
                continue
            if JCS in _suites(credential):
                why[credential["id"]] = JCS_UNREAD
            elif _has_control(credential):
                why[credential["id"]] = CONTROL_RAW
    return why


def compare(reference: Iterable[str], second: Iterable[str],
            files: Iterable[Path | str]) -> list[str]:
    """Credentials whose verdicts differ without a known reason (empty: they agree)."""
    ours, theirs = verdicts(reference), verdicts(second)
    known = expected_difference(list(files))
    problems = []
    for label in sorted(set(ours) | set(theirs)):
        if ours.get(label) == theirs.get(label):
            continue
        if label.split(" ", 1)[0] in known:
            continue
        problems.append(f"{label}: reference {ours.get(label)}, didkit {theirs.get(label)}")
    return problems
