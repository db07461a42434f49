"""Run real kiosk sessions in dedicated folders, then look everywhere for what they held.

Each run gets its own HOME, TMPDIR, LER_HOME, working folder and (unless the default
RAM disk is being tested) LER_KIOSK_DIR, and a clean environment (``env -i``). After
the run every file under those folders, every new entry in /dev/shm and the system
temporary folder, and the saved profile are searched for the person's name, answers,
passphrase and key material. Only the signed record the person chose to save may hold
them (it is plain JSON by design).
"""

from __future__ import annotations

import base64
import io
import json
import os
import secrets
import shlex
import signal
import string
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from lerkit.core.credentials.keys import SealedKey
from lerkit.services import keys, people, profiles
from lerkit.services.context import Lerkit
from lerkit.services.interview import replay_answers
from lerkit.storage import keys as key_rows
from tests.tui.tmux import LER, Tmux

SHARED_TEMP = [Path("/dev/shm"), Path(tempfile.gettempdir())]


@dataclass
class Box:
    """The dedicated folders of one kiosk run."""

    root: Path
    use_ram_disk: bool = False
    needles: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # unique to this run, so that no other file anywhere can hold them by chance
        token = "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
        self.token = token
        self.name = f"Zephyrine Quillfeather-{token.title()}"
        self.story = f"I ran the bake sale for the Vandermolen-{token} harpsichord museum"
        self.passphrase = f"kiosk passphrase {token}"
        for name in ("home", "tmp", "ler-home", "kiosk", "cwd", "usb", "inputs"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        (self.inputs / "answers.yaml").write_text(
            f"format: lerkit-answers/1\nperson:\n  name: {self.name}\nmodules:\n"
            f"  fundraising:\n    - answers:\n        story: {self.story}\n"
            "      accept: [fundraising.fundraising-events]\n", encoding="utf-8")
        self.shared_before = {p: _entries(p) for p in SHARED_TEMP}

    @property
    def inputs(self) -> Path:
        """What the test prepared (answers file, profile to resume): not searched."""
        return self.root / "inputs"

    @property
    def usb(self) -> Path:
        """Where the person saves."""
        return self.root / "usb"

    def env(self) -> dict[str, str]:
        """The kiosk's whole environment."""
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(self.root / "home"),
               "TMPDIR": str(self.root / "tmp"), "LER_HOME": str(self.root / "ler-home"),
               "LER_PASSPHRASE": self.passphrase, "TERM": "xterm-256color",
               "COLORTERM": "truecolor", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}
        if not self.use_ram_disk:
            env["LER_KIOSK_DIR"] = str(self.root / "kiosk")
        return env

    def argv(self, *args: str) -> list[str]:
        """``ler kiosk ARGS``."""
        return [LER, "kiosk", *args]

    # --- what the person had --------------------------------------------------------

    def resume_file(self) -> Path:
        """A saved profile of the person (made in a normal lerkit); sets the needles."""
        ler = Lerkit.open(home=self.inputs / "maker")
        try:
            person = people.add_person(ler, self.name)
            keys.init_key(ler, person.id, self.passphrase)
            replay_answers(ler, person.id, self.inputs / "answers.yaml")
            path = self.inputs / "resume.lerprofile"
            profiles.save_profile(ler, person.id, path, self.passphrase)
            self.learn_keys(ler, person.id)
        finally:
            ler.close()
        return path

    def learn_keys(self, ler: Lerkit, person_id: str) -> None:
        """The person's key material, to look for afterwards."""
        seed = keys.unlock(ler, person_id, self.passphrase).export_seed()
        with ler.db.session() as session:
            row = key_rows.active_key(session=session, person_id=person_id)
        assert row is not None
        sealed = SealedKey.from_dict(json.loads(row.sealed_secret))
        self.needles.update({
            "name": self.name.encode(), "story": f"Vandermolen-{self.token}".encode(),
            "passphrase": self.passphrase.encode(), "seed": seed, "seed hex": seed.hex().encode(),
            "seed base64": base64.b64encode(seed), "sealed box": base64.b64encode(sealed.box),
            "salt": base64.b64encode(sealed.salt), "did": row.did.encode(),
        })

    def learn_from_saved(self, profile: Path) -> str:
        """Open a profile the kiosk saved (in a fresh home); returns the person id."""
        ler = Lerkit.open(home=self.inputs / f"checker-{time.monotonic_ns()}")
        try:
            loaded = profiles.load_profile(ler, profile, self.passphrase)
            assert loaded.name == self.name
            self.learn_keys(ler, loaded.person_id)
            return loaded.person_id
        finally:
            ler.close()

    # --- afterwards ---------------------------------------------------------------------

    def leftovers(self) -> list[str]:
        """Every place a needle was found (nothing is expected)."""
        assert self.needles, "learn the needles first"
        roots = [self.root / n for n in ("home", "tmp", "ler-home", "kiosk", "cwd", "usb")]
        for place in SHARED_TEMP:
            roots += [place / n for n in _entries(place) - self.shared_before[place]]
        found = []
        for root in roots:
            for path in _files(root):
                if path.parent == self.usb and path.name.startswith("lerkit-record-"):
                    continue  # the signed record, plain by design, where the person chose
                data = _read(path)
                found += [f"{path}: {what}" for what, needle in self.needles.items()
                          if needle in data]
        return found

    def workspace_of(self, pid: int) -> Path:
        """The workspace a running kiosk made (found by its owner file)."""
        places = [self.root / "kiosk", *SHARED_TEMP]
        for place in places:
            for entry in place.glob("lerkit-kiosk-*"):
                owner = entry / "owner.pid"
                if owner.exists() and owner.read_text(encoding="ascii").strip() == str(pid):
                    self.workspace = entry
                    return entry
        raise AssertionError(f"no workspace of process {pid}")

    def workspaces_left(self) -> list[str]:
        """Kiosk folders of this run still on disk (none are expected)."""
        left = [str(p) for p in (self.root / "kiosk").iterdir()]
        workspace = getattr(self, "workspace", None)
        if workspace is not None and workspace.exists():
            left.append(str(workspace))
        return left

    def saved(self) -> tuple[list[Path], list[Path]]:
        """Profiles and signed records in the save folder, oldest first."""
        return (sorted(self.usb.glob("*.lerprofile")), sorted(self.usb.glob("lerkit-record-*")))


def _entries(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found = []
    for folder, _dirs, names in os.walk(root):
        found += [Path(folder) / n for n in names]
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


class KioskTerminal(Tmux):
    """The kiosk's full screen in tmux, under a shell that records its exit status."""

    def __init__(self, box: Box) -> None:
        super().__init__({}, width=110, height=32)
        self.box = box
        self.status_file = box.root / "exit-status"

    def start_kiosk(self, *args: str) -> None:
        """``cd`` to the run's folder, then ``env -i ... ler kiosk ARGS``."""
        assignments = [f"{k}={v}" for k, v in self.box.env().items()]
        command = (f"cd {shlex.quote(str(self.box.root / 'cwd'))} && env -i "
                   + shlex.join([*assignments, *self.box.argv(*args)])
                   + f"; echo $? > {shlex.quote(str(self.status_file))}")
        width, height = self.size
        self._run("new-session", "-d", "-s", self.session, "-x", str(width), "-y",
                  str(height), command)
        self._run("set-option", "-t", self.session, "remain-on-exit", "on")

    def kiosk_pid(self) -> int:
        """The kiosk process (the shell's child)."""
        shell = self.pid()
        children = _read(Path(f"/proc/{shell}/task/{shell}/children")).split()
        assert children, "the kiosk is not running"
        return int(children[0])

    def history(self) -> str:
        """The screen and what scrolled off it."""
        return self._run("capture-pane", "-p", "-S", "-", "-t", self.session, check=False)

    def exit_status(self, timeout: float = 30.0) -> int:
        """Wait for the kiosk to end; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = _read(self.status_file).decode().strip()
            if text:
                return int(text)
            time.sleep(0.1)
        children = _read(Path(f"/proc/{self.pid()}/task/{self.pid()}/children")).split()
        doing = _threads(int(children[0])) if children else "no kiosk process"
        raise AssertionError(f"the kiosk did not end ({doing}); the screen "
                             f"was:\n{self.history()}")


def _threads(pid: int) -> str:
    """What a process's threads are doing (for a failure message)."""
    found = []
    for task in sorted(Path(f"/proc/{pid}/task").glob("*")):
        state = [line for line in _read(task / "status").decode().splitlines()
                 if line.startswith("State")]
        found.append(f"{_read(task / 'comm').decode().strip()}: {_read(task / 'wchan').decode()} "
                     f"{state}")
    return "; ".join(found) or "no such process"


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(errors="replace")
    except OSError:
        return False
    return "State:\tZ" not in status


def wait_gone(pid: int, timeout: float = 30.0) -> None:
    """Wait until a process (not our child) has ended."""
    deadline = time.monotonic() + timeout
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid), "the kiosk is still running"


class PlainKiosk:
    """``ler kiosk --plain`` on pipes, its output collected as it comes."""

    def __init__(self, box: Box, *args: str) -> None:
        self.proc = subprocess.Popen(
            box.argv("--plain", *args), cwd=box.root / "cwd", env=box.env(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert isinstance(stream, io.BufferedReader)  # a pipe, buffered (Popen's default)
        while chunk := stream.read1(4096):
            self.output += chunk

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Until ``text`` was printed."""
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output and time.monotonic() < deadline:
            time.sleep(0.05)
        assert text.encode() in self.output, self.output.decode(errors="replace")

    def type(self, *lines: str) -> None:
        """Type lines (each followed by Enter)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("".join(f"{line}\n" for line in lines).encode())
        self.proc.stdin.flush()

    def signal(self, signum: signal.Signals) -> None:
        """Send a signal to the kiosk."""
        self.proc.send_signal(signum)

    def finish(self, timeout: float = 60.0) -> int:
        """Wait for the end; the exit status (negative for a deadly signal)."""
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=5)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        return code
