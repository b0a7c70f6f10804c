"""Turning input units into ready-to-send documents, in parallel worker processes.

Workers do everything that costs CPU (decoding, extraction, JSON serialization), so the parent
only moves bytes to Elasticsearch. Results come back in input order, with a bounded number of
batches in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import orjson

from search.extract.gazetteer import gazetteer
from search.extract.pipeline import extract_or_reject
from search.index.bulk import Prepared
from search.index.documents import Labels, to_documents
from search.ingest.read import read_unit
from search.ingest.unit import Unit
from search.model import Rejected
from search.store.records import encode_raw, raw_digest, text_digest

BATCH = 32  # articles handed to a worker at a time: amortizes the inter-process hop
# Articles prepared ahead of the consumer: more than a bulk request holds, so workers keep
# extracting while the parent waits for Elasticsearch to index the last request.
AHEAD = 1024
# Workers yield the CPU to Elasticsearch (and to searches served while a reindex runs): on a
# machine they share, Elasticsearch then indexes without waiting for a core, and the workers
# use what it leaves, instead of the two starving each other in turns.
WORKER_NICENESS = 10
# The person id each name's key gets (the live people registry's), set by `prepare_all` before
# the workers fork, so each inherits it instead of receiving it with every batch.
_LABELS: Labels = {}


def prepare(unit: Unit | Rejected, year: int | None, keep: bool = False) -> Prepared | Rejected:
    """One unit read, extracted and serialized; with `keep`, the input too (for the store)."""
    raw = read_unit(unit)
    article = extract_or_reject(raw, year=(unit.year if isinstance(unit, Unit) else None) or year)
    if isinstance(article, Rejected):
        return article
    assert not isinstance(raw, Rejected)  # extraction passes a rejected input on as it is
    # orjson: 7x json.dumps, and a reindex is CPU-bound
    documents = tuple((doc_id, orjson.dumps(doc)) for doc_id, doc in to_documents(article, _LABELS))
    return Prepared(
        article.id,
        article.source,
        documents,
        text_digest(article.title, article.body),
        tuple(article.warnings),
        stated=raw.meta.get("id") not in (None, ""),
        raw=encode_raw(raw) if keep else None,
        raw_digest=raw_digest(raw) if keep else None,
    )


def _start_worker() -> None:
    """Lower the worker's priority; load the gazetteer, then exempt it from garbage collection:
    it lives as long as the worker, and scanning its objects at every collection only costs."""
    os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM
    gazetteer()
    gc.freeze()


def _prepare_batch(
    batch: list[Unit | Rejected], year: int | None, keep: bool
) -> list[Prepared | Rejected]:
    return [prepare(unit, year, keep) for unit in batch]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def prepare_all(
    todo: Iterable[Unit | Rejected],
    *,
    year: int | None = None,
    workers: int | None = None,
    keep: bool = False,
    labels: Labels | None = None,
) -> Iterator[Prepared | Rejected]:
    """Every unit (of a `Walk`), prepared or rejected with its reason, in input order; speakers
    get the person ids `labels` gives their names (see search.index.documents)."""
    global _LABELS
    _LABELS = labels or {}
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1:
        for unit in todo:
            yield prepare(unit, year, keep)
        return
    with multiprocessing.get_context("fork").Pool(workers, _start_worker) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(todo, BATCH):
            pending.append(pool.apply_async(_prepare_batch, (batch, year, keep)))
            if len(pending) * BATCH >= AHEAD:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
