"""Every hit of a query, page by page: a point in time keeps the view still while
`search_after` walks it, so memory stays flat however many hits, and none is skipped or seen
twice while the index changes underneath. Used by export (read) and by relabelling (write).
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/point-in-time-api
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elasticsearch import Elasticsearch

from search.schema import FOLDED_SOURCE

PAGE = 1000
KEEP_ALIVE = "2m"
BY_INDEX_ORDER: list[Any] = ["_shard_doc"]  # the cheapest total order under a point in time


class ShardsLost(RuntimeError):
    """A page came back without some shards' hits: walking on would lose documents silently."""


def scan(
    es: Elasticsearch,
    index: str,
    query: dict[str, Any],
    *,
    sort: list[Any] | None = None,
    source: list[str] | bool = True,
    page: int = PAGE,
) -> Iterator[list[dict[str, Any]]]:
    """Pages of hits (each with `_id`, `_source` and `sort`) of `query` in `index`. `source`
    given as fields leaves out their folded twins (only searched); True is the whole
    document, as a rewrite needs it."""
    pit = es.open_point_in_time(index=index, keep_alive=KEEP_ALIVE)["id"]
    try:
        after: list[Any] | None = None
        while True:
            extra: dict[str, Any] = {"search_after": after} if after is not None else {}
            response = es.search(
                pit={"id": pit, "keep_alive": KEEP_ALIVE},
                query=query,
                sort=sort or BY_INDEX_ORDER,
                size=page,
                source=source
                if isinstance(source, bool)
                else {"includes": source, "excludes": FOLDED_SOURCE},
                track_total_hits=False,
                **extra,
            )
            pit = response.get("pit_id", pit)
            if response["_shards"].get("failed"):
                # A shard lost (a node gone): its hits would be missing without a word.
                raise ShardsLost(f"{response['_shards']['failed']} shard(s) of {index} failed")
            hits = response["hits"]["hits"]
            if hits:
                yield hits
            if len(hits) < page:
                return
            after = hits[-1]["sort"]
    finally:
        es.close_point_in_time(id=pit)
