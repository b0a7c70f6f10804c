"""Backups that restore, on a node of its own that deploy/elasticsearch.sh starts with a
snapshot repository path (`path.repo`; the shared node keeps running as it was started):
snapshot, lose the index (and the store), restore, and compare every id and count."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from search.scan import scan
from search.schema import ARTICLE, QUOTE, only
from tests.support.helpers import REPO, SAMPLE, write_corpus

pytestmark = pytest.mark.es
SCRIPT = REPO / "deploy" / "elasticsearch.sh"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def node() -> Iterator[dict[str, str]]:
    """The environment of a single node of our own (512 MB heap, free ports, its own home and
    backup folder), started and stopped through deploy/elasticsearch.sh. Its home is not in
    pytest's temporary folder, which only its owner may enter: the node runs as its own user."""
    home = Path(tempfile.mkdtemp(prefix="dateline-snapshot-node-"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("DATELINE_ES_")}
    env |= {
        "DATELINE_ES_HOME": str(home / "elasticsearch"),
        "DATELINE_ES_PORT": str(_free_port()),
        "DATELINE_ES_TRANSPORT_PORT": str(_free_port()),
        "DATELINE_ES_HEAP": "512m",
        "DATELINE_BACKUP_DIR": str(home / "backups"),
        "DATELINE_ARCHIVE_DIR": str(home / "archive"),
    }
    started = subprocess.run(
        ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=600
    )
    try:
        assert started.returncode == 0, started.stderr
        yield env
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(home, ignore_errors=True)


def dateline(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(
        [sys.executable, "-m", "search.cli", *args], env=env, cwd=REPO,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run


def _contents(es: Elasticsearch, alias: str) -> tuple[set[str], int]:
    """Every article id of the alias, and how many quote documents it holds."""
    es.indices.refresh(index=alias)
    ids = {hit["_id"] for hits in scan(es, alias, only(ARTICLE), source=False) for hit in hits}
    return ids, int(es.count(index=alias, query=only(QUOTE))["count"])


def test_snapshot_lose_everything_restore_compare(node: dict[str, str], tmp_path: Path) -> None:
    env = {**node, "DATELINE_INDEX": "dateline-snapped"}
    es = EsSettings.from_env(env).client()
    dateline(env, "reindex", str(SAMPLE), "--workers", "1", "--rejects", str(tmp_path / "r"))
    dateline(env, "index", str(write_corpus(tmp_path / "more.jsonl", 5)), "--workers", "1",
             "--rejects", str(tmp_path / "r"))  # fmt: skip
    registry = "dateline-snapped-people"  # a stand-in for the people registry
    es.index(index=registry, id="ana", document={"name": "Ana Ferreira"}, refresh=True)
    ids, quotes = _contents(es, "dateline-snapped")
    assert len(ids) == len(list(SAMPLE.glob("*.txt"))) + 5 and quotes > 0

    for name in ("first", "second", "third"):
        made = dateline(env, "snapshot", "create", name, "--keep", "2")
    assert "deleted older snapshots: first" in made.stderr
    listed = dateline(env, "snapshot", "list").stdout.splitlines()
    assert [line.split("\t")[:2] for line in listed] == [
        ["second", "SUCCESS"],
        ["third", "SUCCESS"],
    ]
    assert all(line.split("\t")[3] == str(len(ids)) for line in listed)

    # A takedown after the snapshot, then the index and the registry are lost.
    victim = sorted(ids)[0]
    dateline(env, "remove", victim, "--reason", "court order", "--by", "legal")
    live = next(iter(es.indices.get_alias(name="dateline-snapped")))
    es.indices.delete(index=live)
    es.indices.delete(index=registry)
    restored = dateline(env, "snapshot", "restore", "third")
    assert "dateline-snapped ->" in restored.stdout and registry in restored.stderr
    after, after_quotes = _contents(es, "dateline-snapped")
    assert after == ids - {victim}  # the removal is newer than the snapshot: it stays
    assert es.get(index=registry, id="ana")["_source"]["name"] == "Ana Ferreira"

    # The disk is lost: the archive store too. The newest snapshot brings back both.
    live = next(iter(es.indices.get_alias(name="dateline-snapped")))
    es.indices.delete(index=live)
    shutil.rmtree(Path(env["DATELINE_ARCHIVE_DIR"]))
    restored = dateline(env, "snapshot", "restore")
    assert "archive store brought back" in restored.stderr
    assert _contents(es, "dateline-snapped") == (ids, quotes)
    dateline(env, "reindex", "--workers", "1", "--rejects", str(tmp_path / "r"))  # the store
    assert _contents(es, "dateline-snapped") == (ids, quotes)
    assert after_quotes <= quotes
