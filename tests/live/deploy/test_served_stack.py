"""The served stack (deploy/serve.sh: nginx in front of gunicorn) on a real node: what slow,
hostile and too many clients get, what a stalled engine does to the routes that need none, and
what operations see (metrics, logs, one control socket per instance). Loopback only; every
loop is bounded in count and time."""

from __future__ import annotations

import json
import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from search.index.archive import reindex
from tests.data.records import SCRIPT
from tests.support.archive import Archive
from tests.support.helpers import run_dateline, write_corpus
from tests.support.relay import Relay
from tests.support.stack import Stack

# Far past what any answer here takes, and short of what a request held up behind slow clients
# or a stalled engine would wait (the window of the attack, the engine's own 30 s timeout).
HELD_UP = 10.0


@pytest.fixture(scope="module")
def archive(sample: Archive) -> str:
    """The sample archive: its `EVERY_FIELD` article holds a script in every field."""
    return sample.alias


@pytest.fixture(scope="module")
def metrics_dir() -> Iterator[Path]:
    # Where the web workers' account (deploy/gunicorn.conf.py) can read what the commands write.
    folder = Path(tempfile.mkdtemp(prefix="dateline-test-metrics."))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def stack(archive: str, metrics_dir: Path) -> Iterator[Stack]:
    served = Stack(archive, DATELINE_METRICS_DIR=str(metrics_dir))
    yield served
    served.stop()


def _envelope(body: bytes, code: int) -> None:
    payload = json.loads(body)
    assert set(payload) == {"code", "status", "message", "errors"} and payload["code"] == code


def test_answers_carry_security_headers_and_a_request_id(stack: Stack) -> None:
    for path in ("/api/search?q=harbour", "/", "/static/dateline.css", "/api/nothing"):
        answer = stack.get(path, headers={"X-Request-Id": "abc-1"})
        assert answer.status in (200, 404), path
        assert answer.headers["X-Content-Type-Options"] == "nosniff", path
        policy = answer.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy, path
        assert answer.headers["Referrer-Policy"] == "no-referrer", path
        assert answer.headers["X-Request-Id"] == "abc-1", path
    made = stack.get("/api/health/live", headers={"X-Request-Id": "not an id; <b>"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["X-Request-Id"])


def test_errors_of_nginx_itself_are_the_envelope(stack: Stack) -> None:
    long_uri = stack.get("/api/search?q=" + "a" * 7000)
    assert long_uri.status == 414
    _envelope(long_uri.body, 414)
    assert long_uri.headers["X-Content-Type-Options"] == "nosniff"
    big_header = stack.get("/api/search?q=a", headers={"X-Big": "b" * 7000})
    assert big_header.status == 431
    _envelope(big_header.body, 431)
    many_headers = stack.get("/api/search?q=a", headers={f"X-H{i}": "v" * 1000 for i in range(40)})
    assert many_headers.status == 431
    malformed = stack.raw(b"GET /api/search HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
    assert malformed.startswith(b"HTTP/1.1 400")
    _envelope(malformed.partition(b"\r\n\r\n")[2], 400)


def test_request_smuggling_is_refused_before_gunicorn(stack: Stack) -> None:
    smuggled = b"GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n"
    body = b"0\r\n\r\n" + smuggled
    request = (
        b"POST /api/health/live HTTP/1.1\r\nHost: x\r\n"
        + b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n" % len(body)
        + body
    )
    answer = stack.raw(request)
    assert answer.startswith(b"HTTP/1.1 400") and answer.count(b"HTTP/1.1 ") == 1
    _envelope(answer.partition(b"\r\n\r\n")[2], 400)


@pytest.mark.parametrize(
    "q",
    [
        "a" * 1_000_000,
        "(" * 10_000,
        "(" * 2_000 + "x",
        "a*|" * 333,
        "".join(chr(c) for c in range(32)) + "x\x7f",
        "\ud800 x \udfff",
        '"' * 501 + "-" * 500 + "~" * 500,
    ],
    ids=["1MB", "10k-parens", "2k-parens", "a*|x333", "control", "surrogates", "quotes"],
)
def test_hostile_queries_get_an_answer_or_the_envelope_in_bounded_time(
    stack: Stack, q: str
) -> None:
    path = "/api/search?q=" + quote(q.encode("utf-8", "surrogatepass"), safe="")
    answer = stack.get(path, timeout=30)
    # Not a 503: the query did not use up the request's deadline; not 0: it was answered.
    assert answer.status in (200, 400, 414, 422), (answer.status, answer.body[:300])
    payload = json.loads(answer.body)
    if answer.status != 200:
        _envelope(answer.body, answer.status)
    assert (b"<" not in answer.body and "hits" in payload) or "code" in payload


def test_a_stored_script_is_never_markup(stack: Stack) -> None:
    for path in ("/api/search?q=harbour", "/api/quotes?q=harbour", "/api/speakers"):
        answer = stack.get(path)
        assert answer.status == 200 and b"<" not in answer.body, path  # JSON escapes < > &
    assert "alert(1)" in json.dumps(json.loads(stack.get("/api/search?q=harbour").body))
    page = stack.get("/?q=harbour").body.decode()
    own = re.compile(r'<script src="/static/dateline\.js" defer></script>')
    assert "alert(1)" in page and "<script" not in own.sub("", page).lower()
    missing = stack.get("/api/articles/" + quote(f"nope{SCRIPT}", safe=""))
    assert missing.status == 404 and b"<script" not in missing.body.lower()
    feed = stack.get("/api/feed.atom?q=harbour").body.decode()
    assert "<script" not in feed.lower()


def test_slow_clients_do_not_hold_up_the_others(stack: Stack) -> None:
    """100 connections trickle their headers, a byte a second, for 20 s (reconnecting when
    nginx drops them) while a client searches every half second."""
    stop = time.monotonic() + 20
    dropped = 0

    def trickle() -> None:
        nonlocal dropped
        while time.monotonic() < stop:
            try:
                with socket.create_connection(("127.0.0.1", stack.port), timeout=5) as conn:
                    conn.sendall(b"GET /api/search?q=slow HTTP/1.1\r\nHost: x\r\n")
                    while time.monotonic() < stop:
                        conn.sendall(b"X")
                        time.sleep(1)
            except OSError:
                dropped += 1
                time.sleep(0.5)

    slow = [threading.Thread(target=trickle, daemon=True) for _ in range(100)]
    for thread in slow:
        thread.start()
    time.sleep(2)
    normal = []
    while time.monotonic() < stop:
        # Held up, a search would wait for a worker until the slow clients gave up, past the
        # timeout given here, and count as failed (status 0).
        normal.append(stack.get("/api/search?q=harbour", timeout=HELD_UP))
        time.sleep(0.5)
    for thread in slow:
        thread.join(timeout=10)
    assert normal and all(a.status == 200 for a in normal), [a.status for a in normal]
    assert dropped >= 100  # nginx gave up on each slow header after its client_header_timeout


def test_metrics_count_requests_and_show_a_reindex_in_progress(
    stack: Stack, es: Elasticsearch, alias: str, metrics_dir: Path, tmp_path: Path
) -> None:
    stack.get("/api/search?q=harbour")
    # `dateline index` adds to an archive: one of this test's own, not the shared sample.
    reindex(es, alias, [write_corpus(tmp_path / "first.jsonl", 1)], workers=1)
    (tmp_path / "one.txt").write_text("Vote\n\nOSLO (NWS) — The vote passed.\n")
    index = run_dateline(
        "index",
        str(tmp_path / "one.txt"),
        alias=alias,
        cwd=tmp_path,
        DATELINE_METRICS_DIR=str(metrics_dir),
    )
    assert index.returncode == 0, index.stderr
    text = stack.get("/metrics").body.decode()
    assert re.search(r'dateline_http_requests_total\{[^}]*route="/api/search"[^}]*\} [1-9]', text)
    assert "dateline_http_request_duration_seconds_bucket" in text
    found = rf'dateline_reindex_articles\{{alias="{alias}",command="index",state="indexed"\}} 1'
    assert re.search(found, text)
    assert f'dateline_reindex_succeeded{{alias="{alias}",command="index"}} 1' in text


def test_logs_are_json_with_the_request_id(stack: Stack) -> None:
    stack.get("/api/search?q=harbour", headers={"X-Request-Id": "trace-77"})
    time.sleep(0.5)
    entries = []
    for line in stack.log.read_text().splitlines():
        if line.startswith("{"):
            entries.append(json.loads(line))
    mine = [e for e in entries if e.get("request_id") == "trace-77"]
    assert {e["logger"] for e in mine} == {"nginx", "dateline.access"}, mine


def test_rate_limit_and_one_control_socket_per_instance(stack: Stack, archive: str) -> None:
    limited = Stack(archive, DATELINE_RATE_LIMIT="2")
    try:
        for _ in range(50):  # made once the app is loaded: 10 s at most
            if (limited.run_dir / "gunicorn.ctl").exists():
                break
            time.sleep(0.2)
        assert (stack.run_dir / "gunicorn.ctl").exists()
        assert (limited.run_dir / "gunicorn.ctl").exists()
        time.sleep(2.5)  # the burst its start-up checks used comes back (2 a second)
        answers = [limited.get("/api/health/live") for _ in range(12)]
        refused = [a for a in answers if a.status == 429]
        assert refused and answers[0].status == 200
        _envelope(refused[0].body, 429)
        assert refused[0].headers["Retry-After"]
    finally:
        limited.stop()
    # The second instance stopping leaves the first one's control socket alone.
    assert (stack.run_dir / "gunicorn.ctl").exists()
    assert stack.get("/api/health/live").status == 200


def test_a_stalled_engine_leaves_the_routes_that_need_none_answering(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    stalled = Stack(archive, DATELINE_REQUEST_DEADLINE="3", **relay.env())
    try:
        assert stalled.get("/api/search?q=harbour").status == 200
        relay.stall()
        stuck: list = []
        askers = [
            threading.Thread(target=lambda i=i: stuck.append(stalled.get(f"/api/search?q=s{i}")))
            for i in range(24)
        ]
        for thread in askers:
            thread.start()
        time.sleep(1)
        sent = len(relay.requests)
        for path in ("/api/openapi.json", "/api/health/live", "/static/dateline.css"):
            # Answered while 24 searches wait on the engine, and without asking it anything.
            answer = stalled.get(path, timeout=HELD_UP)
            assert answer.status == 200, path
        assert len(relay.requests) == sent
        for thread in askers:
            thread.join(timeout=20)
        # The engine never answered them: each was ended by its deadline (3 s), well before
        # the engine's own timeout (30 s), or it would be missing here.
        assert len(stuck) == 24
        assert {a.status for a in stuck} == {503}
        assert all(a.headers["Retry-After"] for a in stuck)
        relay.resume()
        time.sleep(0.5)
        assert stalled.get("/api/search?q=harbour").status == 200
    finally:
        stalled.stop()
        relay.cut()
