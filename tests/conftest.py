"""Shared fixtures: the live Elasticsearch node, per-run index names, the shared corpora."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpora" / "seed"
SEED_ARTICLE = SEED / "tass-2016-11-14-kremlin-no-contacts-with-trump-team.txt"
POLNEAR = SHARED / "corpora" / "polnear"
SAMPLE = REPO / "deploy" / "sample"


def need_shared(path: Path) -> Path:
    """The shared corpora live beside the repo, read-only; elsewhere these tests cannot run."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


@pytest.fixture(scope="session")
def es() -> Elasticsearch:
    """The cluster every command uses (DATELINE_ES_URL, or the local node deploy/ starts)."""
    client = EsSettings.from_env().client()
    client.cluster.health(wait_for_status="yellow", timeout="60s")
    return client


@pytest.fixture
def alias(es: Elasticsearch) -> Iterator[str]:
    """An alias (and index prefix) of this test's own, deleted afterwards."""
    name = f"dateline-test-{uuid.uuid4().hex[:10]}"
    yield name
    drop_indices(es, name)


def drop_indices(es: Elasticsearch, prefix: str) -> None:
    # Wildcard deletes are refused by default (action.destructive_requires_name): name each one.
    found = es.indices.get(index=f"{prefix}*", expand_wildcards="all", allow_no_indices=True)
    for index in found:
        es.indices.delete(index=index)
