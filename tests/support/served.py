"""Run `quiz serve` in a subprocess on a free loopback port, and drive it from a headless chromium."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]

CAPTURE_SCREEN = """
(() => {
  window.__screen = "";
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  function Capturing(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__screen += decoder.decode(event.data, {stream: true});
    });
    return socket;
  }
  Capturing.prototype = Native.prototype;
  window.WebSocket = Capturing;
})();
"""
"""The terminal draws on a canvas, so the text the app sent is read off the websocket (escapes removed)."""

_ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=!]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][A-Z0-9]|[=>78MDEc])")


def plain(terminal_output: str) -> str:
    return _ESCAPES.sub("", terminal_output)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    process: subprocess.Popen[str]
    port: int
    url: str
    """The join URL as printed."""
    lines: list[str]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self, timeout: float = 30) -> int:
        """SIGINT to the server alone (its sessions must be stopped by it); the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=timeout)


@contextmanager
def serve(*arguments: str) -> Iterator[Served]:
    """`python -m quiz serve --port P ARGUMENTS` from the worktree, until its join URL is printed."""
    port = free_port()
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", "serve", "--port", str(port), *arguments],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
        start_new_session=True,
    )
    lines: list[str] = []
    url = ""
    assert process.stdout is not None
    deadline = time.monotonic() + 30
    while not url and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if "learners open " in line:
            url = line.split("learners open ", 1)[1].strip()
    if not url:
        process.kill()
        raise AssertionError("quiz serve did not start:\n" + "\n".join([*lines, process.stdout.read()]))
    threading.Thread(target=_drain, args=(process.stdout, lines), daemon=True).start()
    served = Served(process, port, url, lines)
    try:
        yield served
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def _drain(stream: IO[str], lines: list[str]) -> None:
    """Keep reading the server's output, so it never blocks on a full pipe."""
    for line in stream:
        lines.append(line.rstrip("\n"))


def launch_chromium(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def need_chromium() -> None:
    """Skip, saying how to get it, where Debian's chromium or Playwright is missing."""
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        pytest.skip("needs Debian's chromium at /usr/bin/chromium: apt-get install chromium")
    pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python: pip install -e '.[test]'")
