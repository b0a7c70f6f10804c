"""A bad day for the engine, on the real node through a relay: down when Dateline starts, gone in
the middle of a request, stalled (connections accepted, nothing answered). Each time the API
answers 503 with Retry-After by its deadline, and recovers by itself when the engine does."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest
from flask import Flask

from api import create_app
from search.config import EsSettings
from tests.support.archive import Archive
from tests.support.relay import Relay
from tests.support.stack import free_port

DEADLINE = 2.0
# How long a test waits for an answer before calling the request hung: only the deadline can end
# a request to an engine that never answers, and far sooner than this.
HUNG = 60.0


@pytest.fixture(scope="module")
def archive(sample: Archive) -> str:
    return sample.alias


def _app(archive: str, relay: Relay) -> Flask:
    # The client's own timeout is past HUNG: only the deadline can end a stalled request in time.
    settings = replace(relay.settings_through(), timeout=2 * HUNG)
    return create_app({"INDEX": archive, "ES_SETTINGS": settings, "REQUEST_DEADLINE": DEADLINE})


Answer = tuple[int, dict[str, str]]  # status, headers


def _get(app: Flask, url: str) -> Answer:
    response = app.test_client().get(url)
    return response.status_code, dict(response.headers)


def _answered(asking: threading.Thread, answers: list[Answer]) -> Answer:
    """The one answer `asking` got; a request that never ended fails the test, not the run."""
    asking.join(timeout=HUNG)
    assert not asking.is_alive(), "the request never ended"
    [answer] = answers
    return answer


def _asked(app: Flask, url: str) -> tuple[threading.Thread, list[Answer]]:
    """`url` asked in a thread of its own, so that the test can act on the engine meanwhile."""
    answers: list[Answer] = []
    asking = threading.Thread(target=lambda: answers.append(_get(app, url)), daemon=True)
    asking.start()
    return asking, answers


def _answered_once_back(app: Flask, port: int) -> None:
    """The engine comes up where it was expected: the next search is answered."""
    relay = Relay(EsSettings.from_env(), port=port)
    try:
        assert _get(app, "/api/search?q=strike")[0] == 200
    finally:
        relay.cut()


def test_engine_down_at_start_then_back(archive: str) -> None:
    port = free_port()
    settings = replace(EsSettings.from_env(), url=f"http://127.0.0.1:{port}", timeout=2 * HUNG)
    app = create_app({"INDEX": archive, "ES_SETTINGS": settings, "REQUEST_DEADLINE": DEADLINE})
    status, headers = _answered(*_asked(app, "/api/search?q=strike"))
    assert status == 503 and headers["Retry-After"]
    _answered_once_back(app, port)


def test_engine_gone_mid_request_then_back(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    app = _app(archive, relay)
    assert _get(app, "/api/search?q=strike")[0] == 200
    relay.stall()
    asking, answers = _asked(app, "/api/search?q=x")
    time.sleep(0.5)  # the request is with the engine
    relay.cut()
    status, headers = _answered(asking, answers)
    assert status == 503 and headers["Retry-After"]
    _answered_once_back(app, relay.port)


def test_a_stalled_engine_costs_a_request_its_deadline_then_recovers(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    app = _app(archive, relay)
    try:
        relay.stall()
        for url in ("/api/search?q=strike", "/api/quotes", "/api/articles/x", "/"):
            # The engine never answers: the request ends by its deadline, or never.
            status, headers = _answered(*_asked(app, url))
            assert status == 503 and headers["Retry-After"], url
        # What needs no engine does not wait for it: it answers, asking the engine nothing.
        sent = len(relay.requests)
        for url in ("/api/openapi.json", "/api/health/live"):
            assert _get(app, url)[0] == 200, url
        assert len(relay.requests) == sent
        # An engine slow to answer, but within the deadline, is waited for.
        asking, answers = _asked(app, "/api/search?q=strike")
        time.sleep(DEADLINE / 2)
        relay.resume()
        assert _answered(asking, answers)[0] == 200
        assert _get(app, "/api/search?q=strike")[0] == 200
    finally:
        relay.cut()


def test_requests_reach_the_engine_with_their_id_and_a_search_timeout(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    app = _app(archive, relay)
    try:
        response = app.test_client().get("/api/search?q=strike", headers={"X-Request-Id": "r-42"})
        assert response.status_code == 200 and response.headers["X-Request-Id"] == "r-42"
        sent = bytes(relay.requests).lower()
        assert b"x-opaque-id: r-42" in sent
        # A search is its hits and its counts in one multi-search: each bounded by
        # Elasticsearch's own timeout (so is every other search it asks, the people
        # registry's among them).
        start = sent.index(b"post /_msearch ")
        end = sent.find(b"post /", start + 1)
        assert sent[start : end if end > 0 else None].count(b'"timeout":"') == 2
        searches = sent.count(b"/_search ") + sent.count(b"/_msearch ")
        assert sent.count(b'"timeout":"') >= searches
    finally:
        relay.cut()


def test_a_node_that_refuses_connections_costs_no_request(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    dead = f"http://127.0.0.1:{free_port()}"  # a node of the list that is down
    settings = replace(relay.settings_through(), url=f"{dead},{relay.url}")
    app = create_app({"INDEX": archive, "ES_SETTINGS": settings, "REQUEST_DEADLINE": DEADLINE})
    try:
        # The client takes the nodes in turn: without moving on, one request in two would fail.
        assert [_get(app, "/api/search?q=strike")[0] for _ in range(6)] == [200] * 6
    finally:
        relay.cut()
