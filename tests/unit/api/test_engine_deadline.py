"""The request deadline, held by Dateline's own transport (api/engine.py) against loopback
servers that play Elasticsearch: a stalled node costs one try and the deadline, a node that
refuses moves the call on, and calls carry the request's id. No node needed: if a client release
changed how calls reach the transport, these fail instead of the deadline silently going away.
(That searches carry Elasticsearch's own timeout is checked on the real node:
tests/live/api/test_faults.py.)"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from api import create_app
from search.config import EsSettings

DEADLINE = 0.5
# A bound on hanging, not a speed goal: without the deadline a call would wait the client's own
# request timeout (60 s here) and retry.
HANG = 20.0

_HEADERS = (
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    "X-Elastic-Product: Elasticsearch\r\nContent-Length: {}\r\n\r\n"
)
_COUNT = json.dumps({"count": 3, "_shards": {"total": 1, "successful": 1, "failed": 0}})


class Fake:
    """A loopback server that accepts connections and, unless stalled, answers every request
    as a count of three documents; it keeps what it was sent."""

    def __init__(self, *, stall: bool) -> None:
        self.stall = stall
        self.connections = 0
        self.received = b""
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.open: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            self.open.append(conn)
            if not self.stall:
                threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(
                next(
                    (
                        line.split(b":")[1]
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    b"0",
                )
            )
            while len(body) < length:
                body += conn.recv(65536)
            self.received += head + b"\r\n\r\n" + body
            conn.sendall((_HEADERS.format(len(_COUNT)) + _COUNT).encode())

    def close(self) -> None:
        self.server.close()
        for conn in self.open:
            conn.close()


@contextmanager
def fake(*, stall: bool) -> Iterator[Fake]:
    server = Fake(stall=stall)
    try:
        yield server
    finally:
        server.close()


def _get(url: str, nodes: str) -> tuple[int, dict[str, object] | None]:
    settings = EsSettings(url=nodes, timeout=60)
    app = create_app({"ES_SETTINGS": settings, "REQUEST_DEADLINE": DEADLINE, "INDEX": "news"})
    answers: list[tuple[int, dict[str, object] | None]] = []

    def ask() -> None:
        response = app.test_client().get(url, headers={"X-Request-Id": "r-7"})
        answers.append((response.status_code, response.get_json(silent=True)))

    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    asking.join(timeout=HANG)
    assert answers, "the request outlived its deadline many times over"
    return answers[0]


def test_a_stalled_node_costs_one_try_then_a_503() -> None:
    with fake(stall=True) as node:
        status, body = _get("/api/health", f"http://127.0.0.1:{node.port}")
        assert status == 503 and body and body["code"] == 503
        assert node.connections == 1  # a timeout is not tried again


def test_a_refusing_node_moves_the_call_on_to_the_next() -> None:
    with socket.create_server(("127.0.0.1", 0)) as closed:
        dead = closed.getsockname()[1]
    with fake(stall=False) as node:
        nodes = f"http://127.0.0.1:{dead},http://127.0.0.1:{node.port}"
        # The client takes the nodes in turn: without moving on, a request would fail.
        for _ in range(3):
            assert _get("/api/health", nodes)[0] == 200


def test_calls_carry_the_request_id() -> None:
    with fake(stall=False) as node:
        status, body = _get("/api/health", f"http://127.0.0.1:{node.port}")
        assert status == 200 and body == {"status": "ok", "articles": 3}
        assert b"x-opaque-id: r-7" in node.received.lower()
