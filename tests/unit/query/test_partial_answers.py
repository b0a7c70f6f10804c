"""An answer with failed shards (a node left between the query and the fetch phase) is not
shown as if whole: the read path asks once more, against recorded answers."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from search.query.execute import _search
from tests.support.replay import replaying


def _answer(failed: int, ids: list[str]) -> dict[str, object]:
    hits = [{"_id": i, "_score": 1.0} for i in ids]
    shards = {"total": 3, "successful": 3 - failed, "skipped": 0, "failed": failed}
    return {"took": 1, "timed_out": False, "_shards": shards, "hits": {"hits": hits}}


def test_a_search_whose_shards_failed_is_asked_once_more() -> None:
    answers = [(200, _answer(1, ["a"])), (200, _answer(0, ["a", "b"]))]
    with replaying(answers) as replay:
        found = _search(Elasticsearch(replay.url), "idx", {"query": {"match_all": {}}}, "p")
    assert [hit["_id"] for hit in found["hits"]["hits"]] == ["a", "b"]
    assert len(replay.received) == 2


def test_a_whole_answer_is_asked_once() -> None:
    with replaying([(200, _answer(0, ["a"]))]) as replay:
        _search(Elasticsearch(replay.url), "idx", {"query": {"match_all": {}}})
    assert len(replay.received) == 1
