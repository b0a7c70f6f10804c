"""A bad day for the engine, on the real node through a relay: down when Dateline starts, gone in
the middle of a request, stalled (connections accepted, nothing answered). Each time the API
answers 503 with Retry-After within its deadline, and recovers by itself when the engine does."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from elasticsearch import Elasticsearch
from flask import Flask

from api import create_app
from search.config import EsSettings
from search.index.archive import reindex
from tests.helpers import SAMPLE, drop_indices
from tests.relay import Relay
from tests.stack import free_port

pytestmark = pytest.mark.es
DEADLINE = 2.0
MARGIN = 3.0  # a loaded machine is slow; a hang would be many times this


@pytest.fixture(scope="module")
def archive(es: Elasticsearch) -> Iterator[str]:
    alias = f"dateline-test-{uuid.uuid4().hex[:10]}"
    reindex(es, alias, [SAMPLE], workers=1)
    yield alias
    drop_indices(es, alias)


def _app(archive: str, relay: Relay) -> Flask:
    return create_app(
        {
            "INDEX": archive,
            "ES_SETTINGS": relay.settings_through(),
            "REQUEST_DEADLINE": DEADLINE,
            "TESTING": True,
        }
    )


def _timed_get(app: Flask, url: str) -> tuple[int, dict[str, str], float]:
    began = time.monotonic()
    response = app.test_client().get(url)
    return response.status_code, dict(response.headers), time.monotonic() - began


def test_engine_down_at_start_then_back(archive: str) -> None:
    port = free_port()
    app = create_app(
        {
            "INDEX": archive,
            "ES_SETTINGS": replace(EsSettings.from_env(), url=f"http://127.0.0.1:{port}"),
            "REQUEST_DEADLINE": DEADLINE,
        }
    )
    status, headers, seconds = _timed_get(app, "/api/search?q=strike")
    assert status == 503 and headers["Retry-After"] and seconds < DEADLINE + MARGIN
    relay = Relay(EsSettings.from_env(), port=port)  # the engine comes up where it was expected
    try:
        assert _timed_get(app, "/api/search?q=strike")[0] == 200
    finally:
        relay.cut()


def test_engine_gone_mid_request_then_back(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    app = _app(archive, relay)
    assert _timed_get(app, "/api/search?q=strike")[0] == 200
    relay.stall()
    answers: list[tuple[int, dict[str, str], float]] = []
    asking = threading.Thread(target=lambda: answers.append(_timed_get(app, "/api/search?q=x")))
    asking.start()
    time.sleep(0.5)  # the request is with the engine
    relay.cut()
    asking.join(timeout=DEADLINE + MARGIN)
    [(status, headers, seconds)] = answers
    assert status == 503 and headers["Retry-After"] and seconds < DEADLINE + MARGIN
    back = Relay(EsSettings.from_env(), port=relay.port)
    try:
        assert _timed_get(app, "/api/search?q=strike")[0] == 200
    finally:
        back.cut()


def test_a_stalled_engine_costs_a_request_its_deadline_then_recovers(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    app = _app(archive, relay)
    try:
        relay.stall()
        for url in ("/api/search?q=strike", "/api/quotes", "/api/articles/x", "/"):
            status, headers, seconds = _timed_get(app, url)
            assert status == 503 and headers["Retry-After"], url
            assert DEADLINE * 0.9 < seconds < DEADLINE + MARGIN, url
        # What needs no engine does not wait for it.
        for url in ("/api/openapi.json", "/api/health/live"):
            status, _, seconds = _timed_get(app, url)
            assert status == 200 and seconds < 1.0, url
        relay.resume()
        assert _timed_get(app, "/api/search?q=strike")[0] == 200
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
        # Elasticsearch's own timeout.
        assert b"post /_msearch " in sent and sent.count(b'"timeout":"') == 2
    finally:
        relay.cut()


def test_a_node_that_refuses_connections_costs_no_request(archive: str) -> None:
    relay = Relay(EsSettings.from_env())
    dead = f"http://127.0.0.1:{free_port()}"  # a node of the list that is down
    settings = replace(relay.settings_through(), url=f"{dead},{relay.url}")
    app = create_app({"INDEX": archive, "ES_SETTINGS": settings, "REQUEST_DEADLINE": DEADLINE})
    try:
        # The client takes the nodes in turn: without moving on, one request in two would fail.
        assert [_timed_get(app, "/api/search?q=strike")[0] for _ in range(6)] == [200] * 6
    finally:
        relay.cut()
