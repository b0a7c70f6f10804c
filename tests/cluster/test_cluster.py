"""Dateline on a real three-node cluster that loses a node: replicas restored before the alias
moves, articles added to a replicated index, stable cursors over replicas; a node killed in
the middle of a reindex, a node killed under search load, a rolling restart under search load.

The cluster is the one `bash deploy/elasticsearch.sh start --nodes 3` runs (ports 9201–9203),
started here if it is not running and stopped again at the end. Alone:
`.venv/bin/python -m pytest -m cluster`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from api import create_app
from search.index.archive import ReindexError, reindex
from search.index.indices import count_articles, live_index, managed_indices
from search.scan import scan
from search.schema import ARTICLE, only
from tests.support.cluster import Cluster, SearchLoad, new_alias, wait_until
from tests.support.helpers import REPO, SAMPLE, drop_indices, write_corpus

Dateline = Callable[..., subprocess.Popen[str]]
ARCHIVE = 1200  # articles of the archive the search tests read (each of 20 texts 60 times)


@pytest.fixture(scope="module")
def archive(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Three shards with a replica each: every node holds a primary and a copy of another."""
    name = new_alias()
    corpus = write_corpus(tmp_path_factory.mktemp("archive") / "a.jsonl", ARCHIVE)
    reindex(cluster.es, name, [corpus], workers=1, shards=3, replicas=1)
    yield name
    drop_indices(cluster.es, name)


def _ids(es: Elasticsearch, index: str) -> list[str]:
    return [hit["_id"] for hits in scan(es, index, only(ARTICLE), source=False) for hit in hits]


def _primary_holder(es: Elasticsearch, index: str) -> str:
    """A node holding a primary shard of `index`: losing it loses or promotes that shard."""
    shards = es.cat.shards(index=index, format="json", h="prirep,node")
    return sorted(shard["node"] for shard in shards if shard["prirep"] == "p")[0]


def test_the_alias_moves_once_the_replicas_are_green(cluster: Cluster, archive: str) -> None:
    index = live_index(cluster.es, archive)
    assert index is not None
    health = cluster.es.cluster.health(index=index)  # as it was when reindex returned
    settings = cluster.es.indices.get_settings(index=index)[index]["settings"]["index"]
    assert (health["status"], settings["number_of_shards"], settings["number_of_replicas"]) == (
        "green",
        "3",
        "1",
    )
    # Three replicas need four nodes: refused before anything is loaded.
    with pytest.raises(ReindexError, match="need 4 data nodes"):
        reindex(cluster.es, archive, [SAMPLE], workers=1, replicas=3)
    assert list(managed_indices(cluster.es, archive)) == [index]  # nothing made, nothing moved


def test_index_adds_to_a_replicated_live_index(
    cluster: Cluster, alias: str, tmp_path: Path, dateline: Dateline
) -> None:
    reindex(cluster.es, alias, [write_corpus(tmp_path / "a.jsonl", 40)], shards=3, replicas=1)
    more = write_corpus(tmp_path / "b.jsonl", 70)  # 40 seen again, 30 new
    run = dateline("index", str(more))
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    assert count_articles(cluster.es, alias) == 70
    cluster.wait_green()
    stats = cluster.es.indices.stats(index=alias, metric="docs")["_all"]
    assert stats["total"]["docs"]["count"] == 2 * stats["primaries"]["docs"]["count"]


def test_cursors_page_through_every_document_once_over_replicas(
    cluster: Cluster, archive: str
) -> None:
    client = create_app({"INDEX": archive, "ES_SETTINGS": cluster.settings}).test_client()
    seen: list[str] = []
    query = {"q": "strike", "size": "50", "sort": "relevance"}
    while True:
        body = client.get("/api/search", query_string=query).get_json()
        seen += [hit["id"] for hit in body["hits"]]
        if not body["next_cursor"]:
            break
        query["cursor"] = body["next_cursor"]
    # Copies of one text score alike: only the tie-breaker and the shard copies kept by the
    # search's `preference` keep the order the same from page to page.
    assert len(seen) == len(set(seen)) == body["total"]["value"] > 50


@pytest.fixture
def dateline(cluster: Cluster, alias: str, tmp_path: Path) -> Iterator[Dateline]:
    """Starts `dateline` commands against the cluster, as an operator would run them; any
    still running when the test ends (it failed) are killed and reaped."""
    started: list[subprocess.Popen[str]] = []

    def run(*args: str) -> subprocess.Popen[str]:
        env = {
            **os.environ,
            **cluster.settings.environment(),
            "DATELINE_INDEX": alias,
            "DATELINE_METRICS_DIR": str(tmp_path / "metrics"),
        }
        command = [sys.executable, "-m", "search.cli", *args]
        process = subprocess.Popen(
            [*command, "--rejects", str(tmp_path / "r.jsonl"), "--workers", "1"],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_a_node_killed_mid_reindex_loses_nothing(
    cluster: Cluster, alias: str, tmp_path: Path, dateline: Dateline
) -> None:
    es = cluster.es
    before = write_corpus(tmp_path / "before.jsonl", 3000, tag="-before")
    live = reindex(es, alias, [before], workers=1, shards=3, replicas=1).index
    assert live is not None
    served = sorted(_ids(es, alias))
    after = write_corpus(tmp_path / "after.jsonl", 3000, tag="-after")
    shards = ("--shards", "3", "--replicas", "1")
    process = dateline("reindex", str(after), *shards)
    wait_until(lambda: len(managed_indices(es, alias)) == 2, 120, "no new index")
    [loading] = [name for name in managed_indices(es, alias) if name != live]

    def indexed() -> int:
        # Empty until the new index's primaries have started.
        stats = es.indices.stats(index=loading, metric="indexing")["_all"]["primaries"]
        count: int = stats.get("indexing", {}).get("index_total", 0)
        return count

    wait_until(lambda: indexed() > 5000, 120, "nothing loaded")  # about a tenth, with quotes
    began = time.monotonic()
    cluster.stop_node(_primary_holder(es, loading), signal.SIGKILL)
    _, stderr = process.communicate(timeout=900)  # a bound on hanging, not a goal
    print(f"reindex exited {process.returncode} {time.monotonic() - began:.0f}s after the kill")
    if process.returncode == 0:  # the lost shard came back in time: the new archive is whole
        assert live_index(es, alias) == loading
        assert sorted(_ids(es, alias)) == sorted(f"gen-after-{n}" for n in range(3000))
    else:  # failed cleanly: said so, removed what it built, the alias never moved
        assert process.returncode == 2 and "Elasticsearch failed" in stderr, stderr
        assert live_index(es, alias) == live and list(managed_indices(es, alias)) == [live]
        assert sorted(_ids(es, alias)) == served
    cluster.start_missing()
    assert sorted(_ids(es, live)) == served


def test_searches_survive_a_node_killed_under_load(cluster: Cluster, archive: str) -> None:
    index = live_index(cluster.es, archive)
    assert index is not None
    with SearchLoad(cluster, archive) as load:
        time.sleep(3)
        cluster.stop_node(_primary_holder(cluster.es, index), signal.SIGKILL)
        time.sleep(7)
    print(f"{load.searches} searches, {len(load.failures)} failed")
    assert load.failures == [] and load.searches > 40
    cluster.start_missing()
    assert count_articles(cluster.es, archive) == ARCHIVE


def test_searches_survive_a_rolling_restart(cluster: Cluster, archive: str) -> None:
    with SearchLoad(cluster, archive) as load:
        for name in sorted(cluster.pids()):
            cluster.stop_node(name, signal.SIGTERM)
            cluster.start_missing()
    print(f"{load.searches} searches, {len(load.failures)} failed")
    assert load.failures == [] and load.searches > 100
    assert count_articles(cluster.es, archive) == ARCHIVE
