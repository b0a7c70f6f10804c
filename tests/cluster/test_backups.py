"""Backups on the local cluster: its snapshots go to a repository of its own, and an archive
grown on the single node moves onto the cluster by snapshot, without a second build (the single
node's repository registered read-only on the cluster: one repository, one writer)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from elasticsearch import ApiError, Elasticsearch

from search.config import EsSettings, backup_dir
from search.index.indices import count_articles, live_index
from search.scan import scan
from search.schema import ARTICLE, only
from tests.support.cluster import Cluster
from tests.support.helpers import drop_indices, run_dateline, write_corpus

pytestmark = pytest.mark.cluster


def dateline(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    run = run_dateline(*args, **env)
    assert run.returncode == 0, run.stderr
    return run


def _ids(es: Elasticsearch, alias: str) -> list[str]:
    es.indices.refresh(index=alias)
    hits = scan(es, alias, only(ARTICLE), source=False)
    return sorted(hit["_id"] for page in hits for hit in page)


def test_the_cluster_snapshots_to_a_repository_of_its_own(
    cluster: Cluster, alias: str, tmp_path: Path
) -> None:
    env = {
        **cluster.settings.environment(),
        "DATELINE_BACKUP_DIR": str(cluster.backups),
        "DATELINE_INDEX": alias,
    }
    corpus = write_corpus(tmp_path / "a.jsonl", 40)
    dateline(env, "reindex", str(corpus), "--workers", "1", "--shards", "3", "--replicas", "1",
             "--rejects", str(tmp_path / "r.jsonl"))  # fmt: skip
    served = _ids(cluster.es, alias)
    dateline(env, "snapshot", "create", "on-the-cluster")
    try:
        location = cluster.es.snapshot.get_repository(name="dateline")["dateline"]["settings"]
        assert Path(location["location"]) == cluster.backups / "elasticsearch"
        lost = live_index(cluster.es, alias)
        assert lost is not None
        cluster.es.indices.delete(index=lost)
        dateline(env, "snapshot", "restore", "on-the-cluster")
        assert _ids(cluster.es, alias) == served
    finally:
        cluster.es.snapshot.delete(repository="dateline", snapshot="on-the-cluster")


def test_an_archive_moves_from_the_single_node_onto_the_cluster(
    cluster: Cluster, alias: str, tmp_path: Path
) -> None:
    single = EsSettings.from_env()
    single_es = single.client()
    mine = {key: value for key, value in os.environ.items() if key != "DATELINE_BACKUP_DIR"}
    on_single = {
        **single.environment(),
        "DATELINE_INDEX": alias,
        "DATELINE_BACKUP_DIR": str(backup_dir(mine)),  # the single node's own backups
    }
    corpus = write_corpus(tmp_path / "a.jsonl", 40)
    dateline(on_single, "reindex", str(corpus), "--workers", "1",
             "--rejects", str(tmp_path / "r.jsonl"))  # fmt: skip
    grown = _ids(single_es, alias)
    dateline(on_single, "snapshot", "create", "to-move")
    # Read-only: the single node stays the repository's one writer.
    repository = "dateline-test-single-node"
    location = str(backup_dir(on_single) / "elasticsearch")
    cluster.es.snapshot.create_repository(
        name=repository,
        repository={"type": "fs", "settings": {"location": location, "readonly": True}},
    )
    try:
        # The store's copy is the single node's too: DATELINE_BACKUP_DIR stays its folder.
        on_cluster = {**on_single, **cluster.settings.environment()}
        on_cluster["DATELINE_SNAPSHOT_REPO"] = repository
        moved = dateline(on_cluster, "snapshot", "restore", "to-move")
        assert f"{alias} ->" in moved.stdout
        assert _ids(cluster.es, alias) == grown
        # What a cluster adds once it holds the archive: a copy of every shard on another node.
        cluster.es.indices.put_settings(index=alias, settings={"number_of_replicas": 1})
        cluster.wait_green()
        assert count_articles(cluster.es, alias) == len(grown)
        with pytest.raises(ApiError, match=r"read-?only"):
            cluster.es.snapshot.create(repository=repository, snapshot="refused", indices=alias)
    finally:
        cluster.es.snapshot.delete_repository(name=repository)
        single_es.snapshot.delete(repository="dateline", snapshot="to-move")
        drop_indices(single_es, alias)
