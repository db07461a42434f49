"""Run the real ``ler`` in tmux on a private socket: start, type, read the screen, clean up."""

from __future__ import annotations

import os
import secrets
import shlex
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import need_tmux

LER = str(Path(sys.executable).with_name("ler"))


class Tmux:
    """One tmux server (private socket) holding one 80x24 session at a time."""

    def __init__(self, env: dict[str, str], width: int = 80, height: int = 24) -> None:
        self.tmux = need_tmux()
        self.socket = f"lerkit-test-{os.getpid()}-{secrets.token_hex(4)}"
        self.env = env
        self.size = (width, height)
        self.session = "ler"

    def _run(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=30, check=False)
        if check and proc.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {proc.stderr}")
        return proc.stdout

    def start(self, *argv: str) -> None:
        """Start ``ler ARGV`` as the session's only process (``exec``, so its pid is ours)."""
        env = [f"-e{k}={v}" for k, v in self.env.items()]
        command = "exec " + shlex.join([LER, *argv])
        width, height = self.size
        self._run("new-session", "-d", "-s", self.session, "-x", str(width), "-y",
                  str(height), *env, command)

    def pid(self) -> int:
        """The process id of the program in the pane."""
        return int(self._run("display-message", "-p", "-t", self.session,
                             "#{pane_pid}").strip())

    def alive(self) -> bool:
        """Whether the session (and so the program in it) still runs."""
        proc = subprocess.run([self.tmux, "-L", self.socket, "has-session", "-t", self.session],
                              capture_output=True, check=False, timeout=30)
        return proc.returncode == 0

    def screen(self) -> str:
        """The text on the screen now."""
        return self._run("capture-pane", "-p", "-t", self.session, check=False)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the screen until ``text`` shows; returns the screen."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")

    def keys(self, *names: str) -> None:
        """Press named keys (C-s, Enter, Escape...)."""
        self._run("send-keys", "-t", self.session, *names)

    def type(self, text: str, chunk: int = 4) -> None:
        """Type literal text in small chunks, so no key is dropped."""
        for start in range(0, len(text), chunk):
            self._run("send-keys", "-t", self.session, "-l", "--", text[start:start + chunk])
            time.sleep(0.03)

    def close(self) -> None:
        """Kill the private server (and anything still running in it)."""
        self._run("kill-server", check=False)


def ler_env(home: Path) -> dict[str, str]:
    """What the app needs in tmux: our LER_HOME, no passphrase, a plain colour terminal."""
    return {"LER_HOME": str(home), "TEXTUAL_ANIMATIONS": "none", "COLORTERM": "truecolor",
            "PATH": os.environ.get("PATH", "")}
