"""What the browser tests need: the app served on a free local port, and Debian's Chromium driven
by Playwright (browsers cannot be downloaded here: `deploy/setup.sh` installs `chromium` from
apt, and Playwright is pointed at it)."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from tests.support.helpers import REPO

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network and a root user: no sandbox, nothing fetched in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Where the pages' pictures go (DATELINE_SCREENSHOTS: a folder of your own, to look at them).
SCREENSHOTS = Path(os.environ.get("DATELINE_SCREENSHOTS") or REPO / "test-output" / "screenshots")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
FIRST_PORT = 8400  # ports below are other services'


def chromium() -> str | None:
    """The system's Chromium, if installed."""
    found = shutil.which(CHROMIUM)
    return found if found and Path(found).exists() else None


class _Quiet(WSGIRequestHandler):
    """No line per request in the test output."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


def _bound(app: Flask) -> BaseWSGIServer:
    """A server on the first free port from FIRST_PORT (werkzeug exits the process when its
    own bind fails, so the port is bound and listened on here, and handed over)."""
    for port in range(FIRST_PORT, FIRST_PORT + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError as error:
                if error.errno != errno.EADDRINUSE:
                    raise
                continue
            probe.listen()
            return make_server(
                "127.0.0.1", port, app, threaded=True, request_handler=_Quiet, fd=probe.fileno()
            )
    raise RuntimeError(f"no free port from {FIRST_PORT}")


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The app on 127.0.0.1, in a thread, for as long as the block runs; yields its base URL."""
    server = _bound(app)
    thread = threading.Thread(target=server.serve_forever, name="live-app", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
