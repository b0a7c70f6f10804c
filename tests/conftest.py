"""Fixtures for live tests (marked `es`): the node, and per-test index names.

Without a node the live tests skip with one reason; with DATELINE_REQUIRE_ES=1 (the test
command sets it, so CI does) a missing node fails them instead of skipping. Tests also marked
`cluster` start a local cluster of their own (tests/test_cluster_live.py), not this node.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from tests.helpers import drop_indices, unavailable


def _session_folder(variable: str, folder: Path) -> Iterator[None]:
    """`variable` names `folder` for the session, then what it named before."""
    given = os.environ.get(variable)
    os.environ[variable] = str(folder)
    yield
    if given is None:
        del os.environ[variable]
    else:
        os.environ[variable] = given


@pytest.fixture(scope="session", autouse=True)
def _own_metrics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests write their progress files (for /metrics) in the session's own
    folder, not beside the local node where a served Dateline would read them."""
    yield from _session_folder("DATELINE_METRICS_DIR", tmp_path_factory.mktemp("metrics"))


@pytest.fixture(scope="session", autouse=True)
def _own_archive_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests keep their inputs in the session's own archive store, not in the
    one beside the local node."""
    yield from _session_folder("DATELINE_ARCHIVE_DIR", tmp_path_factory.mktemp("archive"))


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
    if item.get_closest_marker("es") is None or item.get_closest_marker("cluster"):
        return
    client, reason = _node()
    if client is None:
        unavailable(reason)


@pytest.fixture(scope="session")
def es() -> Elasticsearch:
    """The cluster every command uses (DATELINE_ES_URL, or the local node deploy/ starts)."""
    client, reason = _node()
    if client is None:
        pytest.fail(f"a test that needs the node is not marked `es`: {reason}")
    return client


@pytest.fixture
def alias(es: Elasticsearch) -> Iterator[str]:
    """An alias (and index prefix) of this test's own, deleted afterwards."""
    name = f"dateline-test-{uuid.uuid4().hex[:10]}"
    yield name
    drop_indices(es, name)
