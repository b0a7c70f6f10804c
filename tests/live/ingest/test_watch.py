"""`dateline watch` on a real node: files arriving while it runs, a file still being written,
a writer that renames, a stop and a restart (nothing skipped, nothing read twice)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.store.archive import Store
from tests.support.helpers import REPO, SAMPLE

pytestmark = pytest.mark.es

SETTLE = 1.5  # seconds a file written in place must rest


def _start(folder: Path, alias: str, store: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_ARCHIVE_DIR": str(store)}
    command = [sys.executable, "-m", "search.cli", "watch", str(folder), "--interval", "0.2",
               "--settle", str(SETTLE), *extra]  # fmt: skip
    return subprocess.Popen(
        command, env=env, cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )


def _until(condition: Callable[[], bool], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not seen within {seconds:.0f}s: {what}")
        time.sleep(0.2)


def _articles(es: Elasticsearch, alias: str) -> set[str]:
    if not es.indices.exists_alias(name=alias):
        return set()
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, query={"term": {"kind": "article"}}, size=100, source=False)
    return {hit["_id"] for hit in hits["hits"]["hits"]}


def _stored(store: Path, alias: str) -> list[tuple[str, int | None]]:
    with Store(store / alias) as archive:
        return [(row.id, row.version) for row in archive.catalog.live()]


def test_watch_takes_whole_files_as_they_come_and_a_restart_repeats_nothing(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    folder, store = tmp_path / "drop", tmp_path / "store"
    folder.mkdir()
    samples = sorted(SAMPLE.glob("*.txt"))
    (folder / samples[0].name).write_bytes(samples[0].read_bytes())  # there before the start
    watcher = _start(folder, alias, store)
    try:
        _until(lambda: _articles(es, alias) == {samples[0].stem}, "the file present at start")
        # A writer that renames: the partial name is never read, the final one at once.
        partial = folder / (samples[1].name + ".part")
        partial.write_bytes(samples[1].read_bytes()[:200])
        time.sleep(SETTLE + 1)
        assert samples[1].stem not in _articles(es, alias)
        partial.write_bytes(samples[1].read_bytes())
        partial.rename(folder / samples[1].name)
        # A writer that writes in place, slowly: read only once it has rested, whole.
        slow = folder / samples[2].name
        data = samples[2].read_bytes()
        with slow.open("wb") as handle:
            for start in range(0, len(data), len(data) // 8 + 1):
                handle.write(data[start : start + len(data) // 8 + 1])
                handle.flush()
                time.sleep(SETTLE / 3)
        _until(
            lambda: _articles(es, alias) == {s.stem for s in samples[:3]},
            "the renamed file and the slow one",
        )
    finally:
        watcher.send_signal(signal.SIGTERM)
        _, stderr = watcher.communicate(timeout=120)
    assert watcher.returncode == 0, stderr
    stored = _stored(store, alias)
    assert sorted(stored) == sorted((s.stem, 1) for s in samples[:3])  # never a partial version
    body = es.get(index=alias, id=samples[2].stem)["_source"]["body"]
    assert body.split()[-1] in data.decode()  # the whole text: its last word is there

    # Stopped: two files arrive meanwhile, and one of the taken ones is saved again unchanged.
    for sample in samples[3:5]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    os.utime(folder / samples[0].name)
    restarted = _start(folder, alias, store, "--once")
    _, stderr = restarted.communicate(timeout=300)
    assert restarted.returncode == 0, stderr
    assert _articles(es, alias) == {s.stem for s in samples[:5]}
    assert sorted(_stored(store, alias)) == sorted((s.stem, 1) for s in samples[:5])
    taken = [line for line in stderr.splitlines() if "file(s): read" in line]
    assert sum(int(line.split(" file(s)")[0]) for line in taken) == 3  # two new, one touched

    # Once more: nothing new, nothing read.
    again = _start(folder, alias, store, "--once")
    _, stderr = again.communicate(timeout=300)
    assert again.returncode == 0 and "file(s): read" not in stderr, stderr
