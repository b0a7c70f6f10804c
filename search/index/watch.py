"""`dateline watch`: index the files that arrive in a drop folder, as they arrive.

At least once, and idempotent: a batch of files is indexed into the live index and kept in the
store first, and only then remembered as taken (search.ingest.drop). A crash in between means
the batch is read again at the next start, where the same texts are duplicates that change
nothing. A file that cannot be used is written to the rejects file with its reason and
remembered too, so it is not retried until it changes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch, TransportError

from search.index.archive import Keeping, Report, index_into_live
from search.ingest.drop import DropFolder, DropState

RETRY_AFTER = 10.0  # seconds before a batch Elasticsearch failed is tried again


@dataclass(frozen=True)
class WatchSettings:
    interval: float = 2.0  # seconds between two looks at the folder
    settle: float = 5.0  # seconds a file written in place must be left alone
    batch: int = 200  # files indexed at a time
    workers: int = 1  # extraction processes (one: no pool to start for every batch)
    year: int | None = None


@contextmanager
def _stop_on_term(stop: threading.Event) -> Iterator[None]:
    """SIGTERM ends the watch after the batch under way (SIGINT stops it at once, and the batch
    is read again at the next start)."""
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def watch(
    es: Elasticsearch,
    alias: str,
    folder: Path,
    keeping: Keeping,
    state: Path,
    settings: WatchSettings,
    *,
    rejects_path: Path | None = None,
    once: bool = False,
    told: Callable[[str, Report | None], None] = lambda line, report: None,
) -> None:
    """Watch `folder` until stopped (SIGTERM), or with `once` until every file in it is taken
    (files still being written are waited for)."""
    drop = DropFolder(folder, DropState.load(state), settings.settle)
    stop = threading.Event()
    named: set[str] = set()
    with _stop_on_term(stop):
        while not stop.is_set():
            ready = drop.ready(settings.batch)
            fresh = drop.not_articles - named
            if fresh:
                told(f"not articles, not read: {', '.join(sorted(fresh))}", None)
                named |= fresh
            if not ready:
                if once and drop.settled():
                    return
                stop.wait(settings.interval)
                continue
            try:
                report = index_into_live(
                    es,
                    alias,
                    [folder / name for name, _ in ready],
                    year=settings.year,
                    workers=settings.workers,
                    rejects_path=rejects_path,
                    keeping=keeping,
                    command="watch",
                    append_rejects=True,
                )
            except (ApiError, TransportError) as error:
                told(f"Elasticsearch failed, trying again in {RETRY_AFTER:.0f}s: {error}", None)
                stop.wait(RETRY_AFTER)
                continue
            drop.taken(ready)
            told(f"{len(ready)} file(s): {report.summary()}", report)
