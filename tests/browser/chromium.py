"""Headless Chromium for page tests, cut off from the network, with a net log to inspect.

Chromium runs with the flags a root CI needs, every host name resolving to nothing and
every connection sent to a closed loopback port, so no request can leave the machine;
``--log-net-log`` records what the browser tried anyway. The browser itself asks
Google for updates and accounts ("not an origin" initiator); :func:`page_requests`
returns only the http(s) requests made on behalf of a page.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
BASE_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-features=NetworkTimeServiceQuerying",
    "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
)


def need_chromium() -> str:
    """The browser's path; skip without it, fail under ``LER_REQUIRE_BROWSER=1``."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    message = "headless Chromium not found (Debian package: chromium)"
    if os.environ.get("LER_REQUIRE_BROWSER", "") not in ("", "0", "false", "no"):
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError("unreachable")


@contextmanager
def closed_port() -> Iterator[int]:
    """A loopback port that is bound but never listens: every connection is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def run_chromium(browser: str, work: Path, url: str, *args: str, name: str) -> tuple[str, Path]:
    """Run one headless command on ``url``; returns stdout and the net log's path."""
    profile = work / f"profile-{name}"
    net_log = work / f"netlog-{name}.json"
    with closed_port() as port:
        proc = subprocess.run(
            [browser, *BASE_FLAGS, f"--user-data-dir={profile}",
             f"--proxy-server=127.0.0.1:{port}", f"--log-net-log={net_log}", *args, url],
            capture_output=True, text=True, timeout=180, check=False,
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    shutil.rmtree(profile, ignore_errors=True)
    return proc.stdout, net_log


def page_requests(net_log: Path) -> list[str]:
    """Every http(s) URL the browser requested on behalf of a page (not its own chatter)."""
    data: dict[str, Any] = json.loads(net_log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = []
    for event in data["events"]:
        params = event.get("params") or {}
        url = str(params.get("url", ""))
        if event["type"] != start or not url.lower().startswith(("http://", "https://")):
            continue
        if params.get("initiator") != "not an origin":
            found.append(url)
    return found


def all_requests(net_log: Path) -> list[str]:
    """Every http(s) URL the browser tried at all (for the report of a failure)."""
    data: dict[str, Any] = json.loads(net_log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = [str((e.get("params") or {}).get("url", "")) for e in data["events"]
            if e["type"] == start]
    return [url for url in urls if url.startswith("http")]
