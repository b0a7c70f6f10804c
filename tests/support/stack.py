"""The served stack as deploy/serve.sh runs it (nginx in front of gunicorn), started by a test
on a free loopback port, and raw HTTP to it (what a hostile or slow client sends)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from tests.support.helpers import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes
    seconds: float  # for bench/load.py's probes; the tests assert no timings


class Stack:
    """deploy/serve.sh with its own port, run directory and log; `stop()` ends it."""

    def __init__(self, alias: str, **env: str) -> None:
        self.port = free_port()
        # In the system's temporary folder: nginx's workers (www-data) must reach the socket.
        self.run_dir = Path(tempfile.mkdtemp(prefix="dateline-test-stack."))
        self.log = Path(f"{self.run_dir}.log")  # its own: with_suffix would share one name
        settings = {
            "DATELINE_BIND": f"127.0.0.1:{self.port}",
            "DATELINE_RUN_DIR": str(self.run_dir),
            "DATELINE_INDEX": alias,
            "DATELINE_RATE_LIMIT": "0",
            "DATELINE_WORKERS": "2",
        }
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["bash", "deploy/serve.sh"],
                cwd=REPO,
                env={**os.environ, **settings, **env},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while self.get("/api/health/live", timeout=2).status != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the stack did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.2)

    def get(self, path: str, headers: dict[str, str] | None = None, timeout: float = 30) -> Answer:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers=headers or {}
        )
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body, status, got = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, got = error.read(), error.code, error.headers
        except OSError:
            body, status, got = b"", 0, Message()
        return Answer(status, got, body, time.perf_counter() - began)

    def raw(self, data: bytes, timeout: float = 10) -> bytes:
        """Send bytes as they are and read until the server closes or goes quiet."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as conn:
            conn.sendall(data)
            received = b""
            with contextlib.suppress(TimeoutError, ConnectionResetError):
                while chunk := conn.recv(65536):
                    received += chunk
            return received

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        shutil.rmtree(self.run_dir, ignore_errors=True)
        self.log.unlink(missing_ok=True)
