"""Bulk requests against recorded answers: what Elasticsearch asks to retry is retried, what it
refuses is reported with its reason, and nothing is lost or sent twice once accepted."""

from __future__ import annotations

import json

import pytest
from elasticsearch import ApiError, Elasticsearch

from search.index import bulk
from search.index.bulk import ATTEMPTS, StillRefused, send
from search.index.workers import Prepared
from tests.support.helpers import DATA
from tests.support.replay import replaying

RECORDED = DATA / "recorded"
QUEUE_FULL = {"type": "es_rejected_execution_exception", "reason": "rejected execution"}


def _items(*statuses: int) -> dict[str, object]:
    return {
        "items": [
            {"index": {"status": s, **({"error": QUEUE_FULL} if s == 429 else {})}}
            for s in statuses
        ]
    }


def _doc(n: int) -> Prepared:
    return Prepared(f"a{n}", f"src{n}", ((f"a{n}", json.dumps({"id": f"a{n}"}).encode()),), b"")


def _ids(body: bytes) -> list[str]:
    lines = body.decode().splitlines()
    return [json.loads(line)["index"]["_id"] for line in lines[::2]]


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "FIRST_BACKOFF", 0.0)


def _send(url: str, chunk: list[Prepared]) -> dict[str, str | None]:
    outcomes: dict[str, str | None] = {}
    es = Elasticsearch(url, max_retries=0)
    send(es, "idx", chunk, lambda item, failure: outcomes.__setitem__(item.id, failure))
    return outcomes


def test_a_full_queue_is_retried_for_the_rejected_items_only() -> None:
    chunk = [_doc(1), _doc(2), _doc(3)]
    answers = [(429, {"error": QUEUE_FULL, "status": 429}), (200, _items(201, 429, 201))]
    answers.append((200, _items(201)))
    with replaying(answers) as replay:
        outcomes = _send(replay.url, chunk)
    assert outcomes == {"a1": None, "a2": None, "a3": None}
    assert [_ids(b) for b in replay.received] == [["a1", "a2", "a3"]] * 2 + [["a2"]]


def test_a_refused_document_is_reported_with_elasticsearch_s_reason() -> None:
    recorded = json.loads((RECORDED / "bulk_one_refused.json").read_text())
    with replaying([(200, recorded)]) as replay:
        outcomes = _send(replay.url, [_doc(1), _doc(2)])
    assert outcomes["a1"] is None
    assert "Elasticsearch refused it (400)" in (outcomes["a2"] or "")
    assert "strict_dynamic_mapping_exception" in (outcomes["a2"] or "")
    assert len(replay.received) == 1  # a document's own fault is not retried


def test_a_gateway_that_keeps_failing_ends_in_an_error_not_a_loss() -> None:
    answers = [(504, {"error": "gateway timeout", "status": 504})] * ATTEMPTS
    with replaying(answers) as replay, pytest.raises(ApiError):
        _send(replay.url, [_doc(1)])
    assert len(replay.received) == ATTEMPTS


def test_items_refused_through_every_attempt_end_in_an_error_not_a_reject() -> None:
    # A full queue, or a shard whose node is gone: the cluster failed, not the document.
    answers = [(200, _items(201, 429))] + [(200, _items(429))] * (ATTEMPTS - 1)
    with replaying(answers) as replay, pytest.raises(StillRefused, match=r"\(429\)"):
        _send(replay.url, [_doc(1), _doc(2)])
    assert [_ids(b) for b in replay.received] == [["a1", "a2"]] + [["a2"]] * (ATTEMPTS - 1)
