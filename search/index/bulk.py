"""Sending prepared articles in bounded bulk requests, retrying what Elasticsearch asks us to.

Requests are capped by count and by bytes. A 429 (queue full) or a 502/503/504 for the whole
request, or for single items, is retried with exponential backoff, and ends the run when it
lasts through every attempt: the cluster failed, not the documents. Any other item failure is
the document's own fault and is reported, not retried.
https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-bulk
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import orjson
from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch, TransportError
from elasticsearch import ConnectionError as EsConnectionError

BULK_DOCS = 2000  # documents (an article and its quotes are several)
BULK_BYTES = 8 * 1024 * 1024
ATTEMPTS = 8
RETRYABLE = {429, 502, 503, 504}
FIRST_BACKOFF = 0.5  # seconds; doubles at each attempt
MAX_BACKOFF = 30.0
# How long Elasticsearch holds a document for a shard that has no primary (its node gone) before
# answering 503 for it: well under the client's request timeout (30 s), so the answer comes back
# and only those documents are retried here. With the default (1 min) the client gives up first,
# sets a healthy node aside and sends the whole request again, and a lost shard costs minutes a
# request. https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-bulk
SHARD_WAIT = "10s"
_ITEM_FIELDS = ["items.*.status", "items.*.error"]


@dataclass(frozen=True)
class Prepared:
    """An article ready to send: made by the workers (search.index.workers), sent here."""

    id: str
    source: str
    # The article's Elasticsearch documents (itself, then its quotes): ids and JSON bodies.
    documents: tuple[tuple[str, bytes], ...]
    # Of the title and body: tells the same article read twice from two that share an id.
    digest: str
    warnings: tuple[str, ...] = ()  # what reading and extraction noticed (invalid UTF-8, …)
    stated: bool = False  # the input states the id (a record's `id`): no other text is this one
    # For the archive store (search/store), when the run keeps what it reads: the input as
    # read, as JSON, and its digest (a new version is a new input with a new text).
    raw: bytes | None = None
    raw_digest: str | None = None

    @property
    def size(self) -> int:
        return sum(len(body) for _, body in self.documents)


class StillRefused(TransportError):
    """Elasticsearch refused documents for its own reasons (a full queue, a shard with no
    primary) through every attempt."""


# Called once per article: with None when all its documents were indexed, else with the reason
# Elasticsearch gave for the first one it refused.
Outcome = Callable[[Prepared, str | None], None]


def chunks(items: Iterable[Prepared]) -> Iterator[list[Prepared]]:
    """Whole articles per request, capped by documents and bytes."""
    chunk: list[Prepared] = []
    docs = size = 0
    for item in items:
        if chunk and (docs + len(item.documents) > BULK_DOCS or size + item.size > BULK_BYTES):
            yield chunk
            chunk, docs, size = [], 0, 0
        chunk.append(item)
        docs += len(item.documents)
        size += item.size + 64 * len(item.documents)
    if chunk:
        yield chunk


_Doc = tuple[int, str, bytes]  # the article's place in its chunk, document id, body


def _body(docs: list[_Doc]) -> bytes:
    lines = []
    for _, doc_id, body in docs:
        lines.append(b'{"index":{"_id":' + orjson.dumps(doc_id) + b"}}\n")
        lines.append(body + b"\n")
    return b"".join(lines)


def _backoff(attempt: int) -> None:
    time.sleep(min(FIRST_BACKOFF * 2**attempt, MAX_BACKOFF))


def send(es: Elasticsearch, index: str, chunk: list[Prepared], outcome: Outcome) -> None:
    """Index one chunk; raises only when Elasticsearch stays unreachable or keeps refusing."""
    pending: list[_Doc] = [
        (n, doc_id, body) for n, item in enumerate(chunk) for doc_id, body in item.documents
    ]
    failures: dict[int, str] = {}
    for attempt in range(ATTEMPTS):
        last = attempt == ATTEMPTS - 1
        try:
            # Only each item's status and error come back: the rest of the answer (ids, versions,
            # shard counts) would be serialized and parsed for nothing, 2,000 times a request.
            # The body goes as the bytes the workers serialized (the client sends bytes as they
            # are; its type hints only name parsed operations).
            response = es.bulk(
                index=index,
                operations=_body(pending),  # type: ignore[arg-type]
                filter_path=_ITEM_FIELDS,
                timeout=SHARD_WAIT,
            )
        except (EsConnectionError, ConnectionTimeout):
            if last:
                raise
            _backoff(attempt)
            continue
        except ApiError as error:
            if error.meta.status not in RETRYABLE or last:
                raise
            _backoff(attempt)
            continue
        retry = []
        for doc, result in zip(pending, response["items"], strict=True):
            status = result["index"]["status"]
            if status < 300:
                continue
            reason = json.dumps(result["index"].get("error"), ensure_ascii=False)
            if status not in RETRYABLE:
                failures.setdefault(doc[0], f"Elasticsearch refused it ({status}): {reason}")
            elif last:
                raise StillRefused(f"still refused after {ATTEMPTS} tries ({status}): {reason}")
            else:
                retry.append(doc)
        if not retry:
            break
        pending = retry
        _backoff(attempt)
    for n, item in enumerate(chunk):
        outcome(item, failures.get(n))


def bulk_load(es: Elasticsearch, index: str, items: Iterable[Prepared], outcome: Outcome) -> None:
    for chunk in chunks(items):
        send(es, index, chunk, outcome)
