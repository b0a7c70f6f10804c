"""Fixtures of the live lane: the node, an alias of a test's own, and the sample archive every
read-only test shares, with the app and a client over it (the Flask tutorial's `app` and
`client`).

Without a node the live tests skip with one reason; with DATELINE_REQUIRE_ES=1 (the test
command sets it, so CI does) a missing node fails them instead of skipping.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import cache

import pytest
from elasticsearch import Elasticsearch
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from search.config import EsSettings
from tests.data.compare import RECORDS as COMPARED
from tests.support.archive import Archive, build_records, build_sample
from tests.support.helpers import drop_indices, unavailable


@cache
def _node() -> tuple[Elasticsearch | None, str]:
    settings = EsSettings.from_env()
    client = settings.client()
    try:
        client.options(request_timeout=5, max_retries=0).cluster.health(
            wait_for_status="yellow", timeout="60s"
        )
    except Exception as error:
        return None, f"no Elasticsearch at {settings.url} ({type(error).__name__}): " + (
            "start it with `bash deploy/elasticsearch.sh start`"
        )
    return client, ""


def pytest_runtest_setup(item: pytest.Item) -> None:
    client, reason = _node()
    if client is None:
        unavailable(reason)


@pytest.fixture(scope="session")
def es() -> Elasticsearch:
    """The cluster every command uses (DATELINE_ES_URL, or the local node deploy/ starts)."""
    client, reason = _node()
    if client is None:
        pytest.fail(reason)
    return client


@pytest.fixture
def alias(es: Elasticsearch) -> Iterator[str]:
    """An alias (and index prefix) of this test's own, deleted afterwards: for tests that write."""
    name = f"dateline-test-{uuid.uuid4().hex[:10]}"
    yield name
    drop_indices(es, name)


@pytest.fixture(scope="session")
def sample(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The sample archive (tests/support/archive.py), built once for the session and deleted
    after it. Read-only: a test that adds or replaces articles uses an `alias` of its own."""
    built = build_sample(tmp_path_factory.mktemp("sample"))
    try:
        yield built
    finally:
        drop_indices(es, built.alias)


@pytest.fixture(scope="session")
def app(sample: Archive) -> Flask:
    return create_app({"INDEX": sample.alias, "TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def compared(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The alias of tests/data/compare.py's archive, whose counts are known by construction;
    read-only, deleted after the session."""
    built = build_records(tmp_path_factory.mktemp("compare"), COMPARED, "dateline-test-compare")
    try:
        yield built
    finally:
        drop_indices(es, built)


@pytest.fixture(scope="session")
def compare_app(compared: str) -> Flask:
    return create_app({"INDEX": compared, "TESTING": True})
