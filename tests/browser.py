"""What the page tests share: a fixture archive with planted markup, the app served on a free
local port, and Debian's Chromium driven by Playwright (browsers cannot be downloaded here:
`deploy/setup.sh` installs `chromium` from apt, and Playwright is pointed at it)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from elasticsearch import Elasticsearch
from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from search.index.archive import reindex
from tests.data.people import RECORDS
from tests.helpers import REPO, SAMPLE

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
SCREENSHOTS = REPO / "test-output" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
FIRST_PORT = 8400  # ports below are other services'

PLANTED = "window.__pwned = true"
# Markup where text belongs, in an article and its quotes; a source link that is a script; an id
# with slashes; a source link and an author to show.
EXTRA = [
    {
        "id": "planted-script",
        "published": "2031-07-20",
        "agency": "NWS",
        "url": "javascript:alert(1)",
        "title": f"<script>{PLANTED}</script> Harbour <b>bridge</b> opens",
        "text": "Harbour bridge opens\n\nOSLO (NWS) — The <img src=x onerror='"
        + PLANTED
        + "'> harbour bridge opened on Sunday. "
        + f'"The <script>{PLANTED}</script> bridge & the harbour are one," Mara Lindqvist said.',
    },
    {
        "id": "wire/2031/07/ferry-returns",
        "published": "2031-07-21",
        "agency": "DPN",
        "author": "Ana Duarte",
        "url": "https://example.org/ferry-returns",
        "title": "Harbour ferry returns after the bridge works",
        "text": "Harbour ferry returns after the bridge works\n\nLISBON (DPN) — The river ferry "
        'runs again from Monday. "We missed the morning crossing," Beatriz Mourão said.',
    },
]


def index_archive(es: Elasticsearch, folder: Path) -> str:
    """The sample corpus, the people fixture and `EXTRA` in an alias of their own."""
    records = folder / "records.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in [*RECORDS, *EXTRA]]
    records.write_text("".join(lines), encoding="utf-8")
    alias = f"dateline-test-pages-{uuid.uuid4().hex[:8]}"
    reindex(es, alias, [SAMPLE, records], workers=1)
    return alias


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
