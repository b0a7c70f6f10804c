"""Clean failures in the write path (issue 20): a reindex killed mid-load is reported failed in
/metrics (by the next command, or `dateline doctor`) and its partial index removed (`doctor
--fix`, or the next command); a reindex that would shrink the archive by more than 10% leaves
the alias where it was unless told `--allow-shrink`."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.index.indices import count_articles, live_index, loading_indices
from tests.support.helpers import REPO, run_dateline, write_corpus
from tests.support.stack import Stack


@pytest.fixture
def metrics() -> Iterator[Path]:
    # Where the served stack's workers (an unprivileged account, as root) can read it.
    folder = Path(tempfile.mkdtemp(prefix="dateline-test-metrics."))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_killed_reindex_is_reported_failed_and_its_partial_index_removed(
    es: Elasticsearch, alias: str, metrics: Path, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "many.jsonl", 3000)
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_METRICS_DIR": str(metrics)}
    loading = subprocess.Popen(
        [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--workers", "1",
         "--rejects", str(tmp_path / "rejects.jsonl")],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(300):  # 60 s at most for the run to create its index
            if loading_indices(es, alias) or loading.poll() is not None:
                break
            time.sleep(0.2)
        assert loading.poll() is None, "the reindex ended before it could be killed"
        time.sleep(1)  # its metrics file says "running"
        loading.send_signal(signal.SIGKILL)
        loading.wait(30)
    finally:
        if loading.poll() is None:
            loading.kill()
    assert loading_indices(es, alias)  # what it left
    stack = Stack(alias, DATELINE_METRICS_DIR=str(metrics))
    try:
        still = stack.get("/metrics").body.decode()
        assert f'dateline_reindex_running{{alias="{alias}",command="reindex"}} 1.0' in still
        doctor = run_dateline("doctor", "--fix", alias=alias, DATELINE_METRICS_DIR=str(metrics))
        assert "was killed" in doctor.stdout and "FIXED alias: removed" in doctor.stdout
        text = stack.get("/metrics").body.decode()
        labels = f'{{alias="{alias}",command="reindex"}}'
        assert f"dateline_reindex_running{labels} 0.0" in text
        assert f"dateline_reindex_succeeded{labels} 0.0" in text
    finally:
        stack.stop()
    assert not loading_indices(es, alias)


def test_a_reindex_that_would_shrink_the_archive_keeps_the_alias(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    full = run_dateline("reindex", str(write_corpus(tmp_path / "full.jsonl", 40)), alias=alias,
                        cwd=tmp_path)  # fmt: skip
    assert full.returncode == 0, full.stderr
    before = live_index(es, alias)
    assert before and count_articles(es, before) == 40
    few = write_corpus(tmp_path / "few.jsonl", 30)  # a quarter gone
    shrunk = run_dateline("reindex", str(few), alias=alias, cwd=tmp_path)
    assert shrunk.returncode != 0
    assert re.search(r"30 articles, the live one 40.*--allow-shrink", shrunk.stderr, re.S)
    assert live_index(es, alias) == before and not loading_indices(es, alias)
    meant = run_dateline("reindex", str(few), "--allow-shrink", alias=alias, cwd=tmp_path)
    assert meant.returncode == 0, meant.stderr
    now = live_index(es, alias)
    assert now != before and now and count_articles(es, now) == 30
    # Within the allowed share (10%), no flag is needed.
    again = run_dateline("reindex", str(write_corpus(tmp_path / "n.jsonl", 28)), alias=alias,
                         cwd=tmp_path)  # fmt: skip
    assert again.returncode == 0, again.stderr
