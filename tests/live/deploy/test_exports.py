"""Exports that cannot sink the service (issue 20), on the served stack through a relay to the
node that a test stalls: a few at once per client and in all (429 with Retry-After beyond),
clients told apart behind a trusted proxy, an export that cannot start answers the envelope,
one that fails mid-stream ends without the terminating chunk. Loopback only; each held
request is ended by the request deadline."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from search.index.archive import reindex
from tests.support.archive import Archive
from tests.support.helpers import write_corpus
from tests.support.relay import Relay
from tests.support.stack import Answer, Stack

DEADLINE = "4"  # seconds an export waits on the stalled engine before it fails


@pytest.fixture
def relay() -> Iterator[Relay]:
    through = Relay(EsSettings.from_env())
    yield through
    through.cut()


def _stack(sample: Archive, relay: Relay, **env: str) -> Stack:
    return Stack(
        sample.alias,
        DATELINE_REQUEST_DEADLINE=DEADLINE,
        DATELINE_TRUSTED_PROXIES="127.0.0.1",
        **relay.env(),
        **env,
    )


def _envelope(answer: Answer, code: int) -> None:
    payload = json.loads(answer.body)
    assert set(payload) == {"code", "status", "message", "errors"} and payload["code"] == code


def test_exports_are_capped_per_client_and_in_all(sample: Archive, relay: Relay) -> None:
    stack = _stack(sample, relay, DATELINE_EXPORTS_PER_CLIENT="2", DATELINE_EXPORTS_TOTAL="3")
    try:
        assert stack.get("/api/export?q=harbour&format=jsonl").status == 200
        relay.stall()  # every export now waits on the engine until its deadline
        held: list[Answer] = []

        def export(client: str) -> None:
            held.append(stack.get("/api/export?q=harbour", {"X-Forwarded-For": client}))

        waiting = [threading.Thread(target=export, args=(c,)) for c in ("10.0.0.1",) * 2]
        waiting.append(threading.Thread(target=export, args=("10.0.0.2",)))
        for thread in waiting:
            thread.start()
        time.sleep(1)  # all three are in, waiting on the engine
        per_client = stack.get("/api/export?q=harbour", {"X-Forwarded-For": "10.0.0.1"})
        in_all = stack.get("/api/export?q=harbour", {"X-Forwarded-For": "10.0.0.3"})
        # A search is not an export: it is let in (and waits on the stalled engine like them).
        searching = stack.get("/api/search?q=harbour", {"X-Forwarded-For": "10.0.0.1"})
        for thread in waiting:
            thread.join(timeout=30)
        for refused in (per_client, in_all):
            assert refused.status == 429, refused.body[:200]
            _envelope(refused, 429)
            assert refused.headers["Retry-After"] == "10"  # an export takes seconds
        assert searching.status == 503
        # The held ones could not start: the envelope, not a 200 that breaks.
        assert len(held) == 3 and {a.status for a in held} == {503}, [a.status for a in held]
        for answer in held:
            _envelope(answer, 503)
        relay.resume()
        assert stack.get("/api/export?q=harbour", {"X-Forwarded-For": "10.0.0.3"}).status == 200
    finally:
        stack.stop()


def test_an_export_cut_mid_stream_is_a_failed_transfer(sample: Archive, relay: Relay) -> None:
    """One hit per engine request, so the export is still reading when the engine stalls."""
    stack = _stack(sample, relay, DATELINE_EXPORT_PAGE="1")
    try:
        with socket.create_connection(("127.0.0.1", stack.port), timeout=30) as conn:
            conn.sendall(b"GET /api/export?format=jsonl HTTP/1.1\r\nHost: x\r\n\r\n")
            received = b""
            while b"\r\n\r\n" not in received or b"}\n" not in received.partition(b"\r\n\r\n")[2]:
                received += conn.recv(65536)
            relay.stall()
            while chunk := conn.recv(65536):
                received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200") and b"transfer-encoding: chunked" in head.lower()
        assert b'"id"' in body
        # No terminating chunk: the client knows the file is not whole.
        assert not body.endswith(b"0\r\n\r\n")
        relay.resume()
        whole = stack.get("/api/export?format=jsonl")
        assert whole.status == 200 and whole.body.count(b"\n") > body.count(b"}\n")
    finally:
        stack.stop()


def test_connections_per_client_are_capped(sample: Archive, relay: Relay) -> None:
    stack = _stack(sample, relay, DATELINE_CONNECTIONS_PER_CLIENT="3")
    try:
        relay.stall()  # each search now waits on the engine until its deadline
        held: list[Answer] = []
        waiting = [
            threading.Thread(
                target=lambda: held.append(
                    stack.get("/api/search?q=harbour", {"X-Forwarded-For": "10.0.0.9"})
                )
            )
            for _ in range(3)
        ]
        for thread in waiting:
            thread.start()
        time.sleep(1)
        fourth = stack.get("/api/health/live", {"X-Forwarded-For": "10.0.0.9"})
        other = stack.get("/api/health/live", {"X-Forwarded-For": "10.0.0.8"})
        for thread in waiting:
            thread.join(timeout=30)
        assert fourth.status == 429 and other.status == 200
        _envelope(fourth, 429)
        assert {a.status for a in held} == {503}
        # Behind the trusted proxy a visitor is who X-Forwarded-For names: /metrics stays
        # loopback-only instead of open to everyone the proxy forwards.
        assert stack.get("/metrics", {"X-Forwarded-For": "203.0.113.5"}).status == 403
        assert stack.get("/metrics").status == 200
    finally:
        stack.stop()


def test_a_slow_body_holds_nothing(sample: Archive, relay: Relay) -> None:
    """The API reads no body: one announced is refused before it is read, and a client still
    trickling it is cut (bounded: 20 s at most here)."""
    stack = _stack(sample, relay)
    try:
        with socket.create_connection(("127.0.0.1", stack.port), timeout=5) as conn:
            conn.sendall(b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            answer = conn.recv(65536)
            assert answer.startswith(b"HTTP/1.1 413")
            conn.settimeout(1)
            cut = False
            for _ in range(20):
                try:
                    conn.sendall(b"x")
                    if conn.recv(65536) == b"":
                        cut = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    cut = True
                    break
            assert cut
    finally:
        stack.stop()


def test_a_reader_that_takes_nothing_is_cut_and_nothing_is_spooled(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    """An export of a few megabytes to a client that stops reading: nginx keeps nothing on disk
    (it reads from the app only as fast as the client takes), cuts the reader after the send
    timeout without the terminating chunk, and the client's export slot is free again."""
    reindex(es, alias, [write_corpus(tmp_path / "many.jsonl", 2000)], workers=1)
    stack = Stack(alias, DATELINE_EXPORT_SEND_TIMEOUT="3", DATELINE_RATE_LIMIT="0")
    reader = socket.socket()
    try:
        reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        reader.settimeout(30)
        reader.connect(("127.0.0.1", stack.port))
        reader.sendall(b"GET /api/export?format=jsonl HTTP/1.1\r\nHost: x\r\n\r\n")
        received = reader.recv(4096)
        assert received.startswith(b"HTTP/1.1 200"), received[:200]
        busy = stack.get("/api/export?format=jsonl&q=harbour")  # the same client's one slot
        assert busy.status == 429, busy.body[:200]
        time.sleep(1)
        spool = stack.run_dir / "nginx" / "proxy"
        assert [f for f in spool.rglob("*") if f.is_file()] == []
        time.sleep(5)  # past the send timeout: nginx has given up on this reader
        with contextlib.suppress(ConnectionResetError):
            while chunk := reader.recv(65536):
                received += chunk
        body = received.partition(b"\r\n\r\n")[2]
        assert b'{"' in body and not body.endswith(b"0\r\n\r\n")  # a record began; not whole
        assert len(body) < 2_000_000  # far from the whole export: it was cut, not finished
        assert stack.get("/api/export?format=jsonl&q=harbour").status == 200
    finally:
        reader.close()
        stack.stop()
