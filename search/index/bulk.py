"""Sending prepared documents in bounded bulk requests, retrying what Elasticsearch asks us to.

Requests are capped by count and by bytes. A 429 (queue full) or a 502/503/504 for the whole
request, or for single items, is retried with exponential backoff; any other item failure is the
document's own fault and is reported, not retried.
https://www.elastic.co/docs/api/doc/elasticsearch/operation/operation-bulk
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator

import orjson
from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch
from elasticsearch import ConnectionError as EsConnectionError

from search.index.workers import Prepared

BULK_DOCS = 500
BULK_BYTES = 8 * 1024 * 1024
ATTEMPTS = 8
RETRYABLE = {429, 502, 503, 504}
FIRST_BACKOFF = 0.5  # seconds; doubles at each attempt
MAX_BACKOFF = 30.0
_ITEM_FIELDS = ["items.*.status", "items.*.error"]

# Called once per document: with None when it was indexed, else with Elasticsearch's reason.
Outcome = Callable[[Prepared, str | None], None]


def chunks(items: Iterable[Prepared]) -> Iterator[list[Prepared]]:
    chunk: list[Prepared] = []
    size = 0
    for item in items:
        if chunk and (len(chunk) >= BULK_DOCS or size + len(item.document) > BULK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += len(item.document) + 64
    if chunk:
        yield chunk


def _body(chunk: list[Prepared]) -> bytes:
    lines = []
    for item in chunk:
        lines.append(b'{"index":{"_id":' + orjson.dumps(item.id) + b"}}\n")
        lines.append(item.document + b"\n")
    return b"".join(lines)


def _backoff(attempt: int) -> None:
    time.sleep(min(FIRST_BACKOFF * 2**attempt, MAX_BACKOFF))


def send(es: Elasticsearch, index: str, chunk: list[Prepared], outcome: Outcome) -> None:
    """Index one chunk; raises only when Elasticsearch stays unreachable or keeps refusing."""
    pending = chunk
    for attempt in range(ATTEMPTS):
        last = attempt == ATTEMPTS - 1
        try:
            # Only each item's status and error come back: the rest of the answer (ids, versions,
            # shard counts) would be serialized and parsed for nothing, 500 times a request.
            # The body goes as the bytes the workers serialized (the client sends bytes as they
            # are; its type hints only name parsed operations).
            response = es.bulk(
                index=index,
                operations=_body(pending),  # type: ignore[arg-type]
                filter_path=_ITEM_FIELDS,
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
        for item, result in zip(pending, response["items"], strict=True):
            status = result["index"]["status"]
            if status < 300:
                outcome(item, None)
            elif status in RETRYABLE and not last:
                retry.append(item)
            else:
                reason = json.dumps(result["index"].get("error"), ensure_ascii=False)
                outcome(item, f"Elasticsearch refused it ({status}): {reason}")
        if not retry:
            return
        pending = retry
        _backoff(attempt)


def bulk_load(es: Elasticsearch, index: str, items: Iterable[Prepared], outcome: Outcome) -> None:
    for chunk in chunks(items):
        send(es, index, chunk, outcome)
