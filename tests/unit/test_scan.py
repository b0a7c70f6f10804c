"""Walking every hit of a query under a point in time, against recorded answers: a page that
comes back without some shards' hits stops the walk (export, relabelling) instead of losing
documents without a word."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from search.scan import ShardsLost, scan
from tests.support.replay import replaying


def test_a_walk_that_loses_a_shard_stops_instead_of_losing_documents() -> None:
    lost = {
        "pit_id": "p",
        "_shards": {"total": 3, "successful": 2, "failed": 1},
        "hits": {"hits": [{"_id": "a1", "_source": {}, "sort": [1]}]},
    }
    answers = [(200, {"id": "p"}), (200, lost), (200, {"succeeded": True})]
    with replaying(answers) as replay, pytest.raises(ShardsLost):
        list(scan(Elasticsearch(replay.url, max_retries=0), "idx", {"match_all": {}}))
    assert len(replay.received) == 3  # the point in time is closed all the same
