"""Fixtures of the cluster lane: the local three-node cluster, and an alias of a test's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from search.config import EsSettings
from tests.support.cluster import Cluster, new_alias, script
from tests.support.helpers import drop_indices, unavailable


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    """The local cluster, started through the script unless it already runs."""
    started = script("status").returncode != 0
    if started:
        run = script("start")
        if run.returncode != 0:
            unavailable(f"the local cluster did not start: {run.stderr[-2000:]}")
    printed = script("env").stdout.splitlines()
    env = dict(line.removeprefix("export ").split("=", 1) for line in printed)
    yield Cluster(EsSettings.from_env(env), Path(env["DATELINE_BACKUP_DIR"]))
    if started:
        script("stop")


@pytest.fixture
def alias(cluster: Cluster) -> Iterator[str]:
    name = new_alias()
    yield name
    drop_indices(cluster.es, name)
