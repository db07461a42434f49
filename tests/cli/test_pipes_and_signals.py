"""A real ``ler`` process whose reader goes away (``| head``), or that is stopped by Ctrl+C."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lerkit.cli.errors import EXIT_BROKEN_PIPE
from lerkit.services.context import Lerkit
from tests.cli.runner import ler
from tests.services.sample import PASSPHRASE, make_sample

LER = [sys.executable, "-m", "lerkit"]


def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``ler ARGS`` with stdout a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([*LER, *args], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=120, check=False)
    finally:
        os.close(write_end)


def _quiet(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == EXIT_BROKEN_PIPE, done.stderr
    assert "error" not in done.stderr and "Broken" not in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_match_whose_reader_has_gone_exits_quietly() -> None:
    _quiet(_into_closed_pipe("match", "kept track of my son's medications", "--lexical"))


def test_output_still_buffered_at_exit_is_dropped_quietly(tmp_path: Path) -> None:
    cases = tmp_path / "one.jsonl"
    cases.write_text('{"id": 1, "text": "drove a forklift"}\n', encoding="utf-8")
    # batch output is written unflushed: it meets the closed pipe only at the last flush
    _quiet(_into_closed_pipe("match", "--batch", str(cases), "--lexical", "--top", "1"))


def test_verify_piped_into_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    bundle = tmp_path / "bundle.json"
    assert ler("export", "--person", sample.person_id, "--out", str(bundle)).code == 0
    _quiet(_into_closed_pipe("verify", str(bundle)))
    # as a person types it: head may take the first line before or after ler is done
    shell = subprocess.run(
        ["bash", "-c", 'set -o pipefail; "$@" | head -1', "sh", *LER, "verify", str(bundle)],
        capture_output=True, text=True, timeout=120, check=False)
    assert shell.returncode in (0, EXIT_BROKEN_PIPE)
    assert shell.stdout.startswith("Bundle ") and shell.stdout.count("\n") == 1
    assert shell.stderr == ""


class _Dialogue:
    """A running plain interview: read its output up to a prompt, type a line."""

    def __init__(self, person_id: str) -> None:
        self.proc = subprocess.Popen(
            [*LER, "interview", "--person", person_id, "--plain", "--parts", "household"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.seen = b""

    def wait_for(self, marker: bytes, seconds: float = 120) -> None:
        assert self.proc.stdout is not None
        deadline = time.monotonic() + seconds
        while marker not in self.seen:
            assert time.monotonic() < deadline, self.seen.decode()
            ready, _, _ = select.select([self.proc.stdout], [], [], 1)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                assert chunk, self.seen.decode()
                self.seen += chunk

    def type(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.seen = b""
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()


def test_ctrl_c_in_the_plain_interview_says_what_was_saved_and_how_to_go_on() -> None:
    person_id = ler("person", "add", "Interrupted Talker").stdout.strip()
    talk = _Dialogue(person_id)
    talk.wait_for(b"> ")
    talk.type("1")
    talk.wait_for(b"> ")
    talk.type("I kept the family budget and paid every bill on time")
    talk.wait_for(b"Accept which?")
    talk.type("")
    talk.wait_for(b"> ")
    talk.proc.send_signal(signal.SIGINT)
    out, err = talk.proc.communicate(timeout=60)
    assert talk.proc.returncode == 130
    said = out.decode()
    assert "Every answer you gave is saved" in said
    assert f"ler interview --person {person_id} --plain" in said
    assert "Traceback" not in err.decode()
    shown = json.loads(ler("person", "show", "--person", person_id, "--json").stdout)
    assert shown["experiences"], "the answer given before Ctrl+C was kept"
