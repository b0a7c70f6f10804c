"""A loopback HTTP server that answers with recorded Elasticsearch responses, in order, so the
real client can be driven through failures a live node will not produce on demand (a full
queue, a gateway timeout)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = tuple[int, Any]  # HTTP status, JSON body


@dataclass
class Replay:
    url: str
    received: list[bytes] = field(default_factory=list)  # request bodies, in order


@contextmanager
def replaying(answers: list[Answer]) -> Iterator[Replay]:
    """Serve `answers`, one per request, on a free loopback port."""
    queue = list(answers)
    replay = Replay(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            replay.received.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            status, body = queue.pop(0)
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_PUT = do_DELETE = do_POST

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    replay.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield replay
    finally:
        server.shutdown()
        server.server_close()
