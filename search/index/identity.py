"""Labelling the archive's speakers as people: after a reindex or `dateline index`, every
spelling of one person carries that person's id and canonical name (`search.speakers.merge`).

Identity is computed over the whole index, not article by article as documents stream in:
whether "Obama" is Barack Obama depends on whether the archive knows one Obama or two, and a
document written before the answer was known must follow it. So the write path labels each
speaker by its own spelling, then asks the index for every spelling (an aggregation: one key
per name, not one per article), merges them, and rewrites only the documents whose label
changed. Run again after `dateline index` adds articles, this keeps old and new consistent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson
from elasticsearch import Elasticsearch

from search.scan import scan
from search.schema import ARTICLE, only
from search.speakers.merge import Pair, Person, candidate_pairs, people
from search.speakers.names import person_name
from search.speakers.stats import NameStats

_PAGE = 5000  # composite aggregation page
_KEYS_PER_QUERY = 1000  # keys looked up by one search
_PAIRS_PER_REQUEST = 200


def _composite(
    es: Elasticsearch, index: str, fields: dict[str, str]
) -> Iterator[tuple[dict[str, Any], int]]:
    """Every combination of the nested speakers' `fields` in the index, with its count."""
    after: dict[str, Any] | None = None
    sources = [{name: {"terms": {"field": field}}} for name, field in fields.items()]
    while True:
        composite: dict[str, Any] = {"size": _PAGE, "sources": sources}
        if after:
            composite["after"] = after
        response = es.search(
            index=index,
            size=0,
            query=only(ARTICLE),
            aggs={"s": {"nested": {"path": "speakers"}, "aggs": {"c": {"composite": composite}}}},
        )
        result = response["aggregations"]["s"]["c"]
        for bucket in result["buckets"]:
            yield bucket["key"], bucket["doc_count"]
        after = result.get("after_key")
        if not after or not result["buckets"]:
            return


def key_stats(es: Elasticsearch, index: str) -> list[NameStats]:
    """Each spelling of the index's speakers, with its articles."""
    stats: dict[str, NameStats] = {}
    fields = {"key": "speakers.key", "written": "speakers.as_written"}
    for combination, count in _composite(es, index, fields):
        name = person_name(combination["written"])
        if name is None or name.key != combination["key"]:
            continue
        stats.setdefault(
            combination["written"], NameStats(combination["written"])
        ).articles += count
    return list(stats.values())


def _named_together(es: Elasticsearch, index: str, pairs: Iterable[Pair]) -> set[Pair]:
    """The pairs of keys that some article names both of (so they are two people)."""
    pending = [tuple(sorted(pair)) for pair in pairs]
    together: set[Pair] = set()
    for start in range(0, len(pending), _PAIRS_PER_REQUEST):
        batch = pending[start : start + _PAIRS_PER_REQUEST]
        filters = {
            str(n): {"bool": {"filter": [{"term": {"people_keys": k}} for k in pair]}}
            for n, pair in enumerate(batch)
        }
        response = es.search(index=index, size=0, aggs={"pairs": {"filters": {"filters": filters}}})
        buckets = response["aggregations"]["pairs"]["buckets"]
        together.update(frozenset(batch[int(n)]) for n, b in buckets.items() if b["doc_count"])
    return together


def _changed(es: Elasticsearch, index: str, found: dict[str, Person]) -> dict[str, Person]:
    """The keys some of whose documents carry another person's label than `found` says."""
    fields = {"key": "speakers.key", "id": "speakers.id", "name": "speakers.name"}
    changed: dict[str, Person] = {}
    for combination, _ in _composite(es, index, fields):
        person = found.get(combination["key"])
        if person and (combination["id"], combination["name"]) != (person.id, person.name):
            changed[combination["key"]] = person
    return changed


def _relabel(source: dict[str, Any], people: dict[str, Person]) -> None:
    """Give each speaker (and quote) of a document their person's id and name, in place."""
    persons = source.get("speakers", []) + ([source["speaker"]] if source.get("speaker") else [])
    for person in persons:
        found = people.get(person.get("key") or "")
        if found:
            person["id"], person["name"] = found.id, found.name
    for quote in source.get("quotes", []):
        found = people.get(quote.get("speaker_key") or "")
        if found:
            quote["speaker_id"], quote["speaker"] = found.id, found.name


def relabel_speakers(es: Elasticsearch, index: str) -> int:
    """Give every speaker in `index` their person's id and name; returns documents rewritten.

    The documents are read and written back whole (a bulk request): the distribution Dateline
    runs locally has no update-by-query (its `reindex` module is absent)."""
    stats = key_stats(es, index)
    found = people(stats, _named_together(es, index, candidate_pairs(stats)))
    changed = _changed(es, index, found)
    keys = sorted(changed)
    rewritten = 0
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        batch = keys[start : start + _KEYS_PER_QUERY]
        query = {
            "bool": {
                "should": [
                    {"nested": {"path": "speakers", "query": {"terms": {"speakers.key": batch}}}},
                    {"terms": {"speaker.key": batch}},
                ]
            }
        }
        for hits in scan(es, index, query):
            lines = []
            for hit in hits:
                _relabel(hit["_source"], changed)
                lines.append(orjson.dumps({"index": {"_id": hit["_id"]}}))
                lines.append(orjson.dumps(hit["_source"]))
            body = b"\n".join(lines) + b"\n"
            response = es.bulk(index=index, operations=body)  # type: ignore[arg-type]
            if response["errors"]:
                raise RuntimeError(f"relabelling speakers failed in {index}")
            rewritten += len(hits)
    es.indices.refresh(index=index)
    return rewritten
