"""Speakers on the read path, from the people registry (search.schema.REGISTRY): which people a
`speaker` value names, the names shown for person ids, the directory of speakers, and one
speaker's profile. Requests are built here and answers shaped here, both pure.

A value may be a person's id ("barack-obama"), their canonical name or any spelling the archive
holds ("Jim Comey", "President Obama"), a title form ("Mrs. Clinton"), a surname or a given name
alone: `search.speakers.lookup` reads it over the registry; a name with one prominent bearer is
that person, else it names its candidates; a misspelt one names nobody and gets did-you-mean
suggestions. Documents carry person ids only: the names shown come from the registry, and the
directory's and a profile's counts are the registry's, which are the documents' own (the same
numbers the speaker facet and quote search give).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

from search.query.cursor import BadCursor
from search.query.params import Interval
from search.schema import (
    ARTICLE,
    ID,
    INDEXED_AT,
    LOCATION_FACET,
    ON_BEHALF_OF,
    ON_BEHALF_OF_FACET,
    PERSON,
    PUBLISHED,
    QUOTE,
    QUOTES,
    REGISTRY,
    SPEAKER,
    SPEAKER_FACET,
    SPEAKERS,
    only,
)
from search.speakers.lookup import Resolution
from search.speakers.names import fold

DirectorySort = Literal["quotes", "articles", "name"]
DIRECTORY_SORTS: tuple[DirectorySort, ...] = ("quotes", "articles", "name")
_NESTED = SPEAKERS.path
_ID = SPEAKERS.sub("id")
_QUOTED_ID = SPEAKER.sub("id")
# By the label the Datelines facet shows and filters by: "Portland, Maine", "Portland, Oregon".
_DATELINE = LOCATION_FACET.fields(ARTICLE).shown
_KIND = REGISTRY.sub("kind")
_NAME_WORDS = REGISTRY.sub("name.text")
_VARIANT_WORDS = REGISTRY.sub("variants.text")
_BY_NAME = REGISTRY.sub("name.folded")
_ARTICLES = REGISTRY.sub("articles")
_QUOTES = REGISTRY.sub("quotes")
_SORTS: Mapping[DirectorySort, list[dict[str, Any]]] = {
    "quotes": [{_QUOTES: "desc"}, {_ARTICLES: "desc"}, {_BY_NAME: "asc"}, {ID.path: "asc"}],
    "articles": [{_ARTICLES: "desc"}, {_QUOTES: "desc"}, {_BY_NAME: "asc"}, {ID.path: "asc"}],
    "name": [{_BY_NAME: "asc"}, {ID.path: "asc"}],
}


# --- the registry, read whole by the read path (search.query.execute caches it) --------------


def stamp_body() -> dict[str, Any]:
    """What tells one version of the registry from another: its entries and last write."""
    return {
        "size": 0,
        "query": only(PERSON),
        "track_total_hits": True,
        "aggs": {"written": {"max": {"field": INDEXED_AT.path}}},
    }


def stamp(response: dict[str, Any]) -> tuple[Any, ...]:
    written = response["aggregations"]["written"].get("value")
    return (response["hits"]["total"]["value"], written)


# --- what a value names --------------------------------------------------------------------


def filtered_ids(resolution: Resolution) -> list[str]:
    """The ids a value filters by: its people, else every candidate (a surname shared by
    several people names each of them), else none (nobody: no result, and suggestions)."""
    return resolution.people or resolution.candidates


def described(value: str, found: Resolution, names: Mapping[str, str]) -> dict[str, Any]:
    """How a `speaker` value was read, for the answer: the people it names, the candidates it
    may name, what to try instead."""

    def person(person_id: str) -> dict[str, str]:
        return {"id": person_id, "name": names.get(person_id, person_id)}

    return {
        "value": value,
        "people": [person(i) for i in found.people],
        "candidates": [person(i) for i in found.candidates],
        "did_you_mean": list(found.suggestions),
        "rule": found.rule,
    }


# --- names shown for ids --------------------------------------------------------------------


def _rename_person(person: dict[str, Any] | None, names: Mapping[str, str]) -> None:
    if person and person.get("id") in names:
        person["name"] = names[person["id"]]


def named_document(source: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """A document as stored (an export's row) with its people shown by the registry's name for
    their ids. In place; returned."""
    for person in source.get(SPEAKERS.path) or []:
        _rename_person(person, names)
    _rename_person(source.get(SPEAKER.path), names)
    _rename_person(source.get(ON_BEHALF_OF.path), names)
    for quote in source.get(QUOTES.path) or []:
        _rename_quote(quote, names)
    return source


def _rename_quote(quote: dict[str, Any], names: Mapping[str, str]) -> None:
    """An article's quote (nested): its speaker and the one spoken for, by the registry's name."""
    for at in ("speaker", "on_behalf_of"):
        if quote.get(f"{at}_id") in names:
            quote[at] = names[quote[f"{at}_id"]]


def named(shaped: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """A shaped search answer with every person shown by the registry's name for their id:
    hits' speakers, their quotes' speakers, the speaker facet. In place; returned."""
    for hit in shaped.get("hits", []):
        for person in hit.get(SPEAKERS.path) or []:
            _rename_person(person, names)
        _rename_person(hit.get(SPEAKER.path), names)
        _rename_person(hit.get(ON_BEHALF_OF.path), names)
        for quote in hit.get("quotes") or []:
            _rename_quote(quote, names)
    for facet in (SPEAKER_FACET, ON_BEHALF_OF_FACET):
        for bucket in (shaped.get("facets") or {}).get(facet.name) or []:
            if bucket.get("id") in names:
                bucket["value"] = names[bucket["id"]]
    return shaped


# --- the directory ------------------------------------------------------------------------------


def _directory_fingerprint(prefix: str, sort: DirectorySort, size: int) -> str:
    described_ = json.dumps(["speakers", fold(prefix), sort, size])
    return hashlib.blake2b(described_.encode(), digest_size=6).hexdigest()


def directory_cursor(prefix: str, sort: DirectorySort, size: int, after: list[Any]) -> str:
    data = {"s": _directory_fingerprint(prefix, sort, size), "a": after}
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# What each sort value of a directory cursor is: a count (a long) or a keyword. A cursor holding
# anything else was not handed out here, and Elasticsearch would refuse it with an error.
_SORT_KINDS: Mapping[DirectorySort, tuple[type, ...]] = {
    "quotes": (int, int, str, str),
    "articles": (int, int, str, str),
    "name": (str, str),
}
_LONG = 2**63


def _of_kind(value: Any, kind: type) -> bool:
    if kind is int:
        return type(value) is int and -_LONG <= value < _LONG
    return isinstance(value, str)


def directory_after(prefix: str, sort: DirectorySort, size: int, cursor: str) -> list[Any]:
    """The sort values a directory cursor resumes after; BadCursor when it is not this list's."""
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        after, given = data["a"], data["s"]
    except (ValueError, TypeError, KeyError) as error:
        raise BadCursor("not a cursor this API handed out") from error
    kinds = _SORT_KINDS[sort]
    if (
        not isinstance(after, list)
        or len(after) != len(kinds)
        or not all(_of_kind(v, kind) for v, kind in zip(after, kinds, strict=False))
    ):
        raise BadCursor("not a cursor this API handed out")
    if given != _directory_fingerprint(prefix, sort, size):
        raise BadCursor("this cursor belongs to another list: repeat its parameters with it")
    return after


def directory_body(
    prefix: str, size: int, sort: DirectorySort = "quotes", after: list[Any] | None = None
) -> dict[str, Any]:
    """People of the registry, most quoted first (or by articles, or by name); with `prefix`,
    those with a word of a name or spelling starting so (their counts whole)."""
    clauses: list[dict[str, Any]] = [only(PERSON), {"term": {_KIND: "person"}}]
    words = fold(prefix).split()
    if words:
        for n, word in enumerate(words):
            kind = "prefix" if n == len(words) - 1 else "term"
            clauses.append(
                {
                    "bool": {
                        "should": [{kind: {_NAME_WORDS: word}}, {kind: {_VARIANT_WORDS: word}}],
                        "minimum_should_match": 1,
                    }
                }
            )
    body: dict[str, Any] = {
        "size": size,
        "query": {"bool": {"filter": clauses}},
        "sort": _SORTS[sort],
        "track_total_hits": True,
        "_source": [ID.path, REGISTRY.path],
    }
    if after:
        body["search_after"] = after
    return body


def _person(person_id: str, held: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": person_id,
        "name": held.get("name") or person_id,
        "roles": list(held.get("roles") or []),
        "articles": int(held.get("articles") or 0),
        "quotes": int(held.get("quotes") or 0),
        "first": held.get("first"),
        "last": held.get("last"),
    }


def directory(response: dict[str, Any], size: int) -> tuple[list[dict[str, Any]], int, list[Any]]:
    """The people of one page, how many match in all, and the last one's sort values (none
    when this page is the last)."""
    hits = response["hits"]["hits"]
    people = [_person(h["_source"][ID.path], h["_source"].get(REGISTRY.path) or {}) for h in hits]
    last = hits[-1]["sort"] if len(hits) == size else []
    return people, response["hits"]["total"]["value"], last


# --- one person ---------------------------------------------------------------------------------


def profile_body(person_id: str, interval: Interval, top: int = 10) -> dict[str, Any]:
    """One person, from the documents: places, co-speakers, quotes over time (their numbers
    and names are the registry's: `profile`)."""
    mine = {"nested": {"path": _NESTED, "query": {"term": {_ID: person_id}}}}
    return {
        "size": 0,
        "query": {
            "bool": {
                "should": [
                    {"bool": {"filter": [only(ARTICLE), mine]}},
                    {"bool": {"filter": [only(QUOTE), {"term": {_QUOTED_ID: person_id}}]}},
                ]
            }
        },
        "aggs": {
            "articles": {
                "filter": only(ARTICLE),
                "aggs": {
                    "places": {"terms": {"field": _DATELINE, "size": top}},
                    "speakers": {
                        "nested": {"path": _NESTED},
                        "aggs": {
                            "others": {
                                "filter": {"bool": {"must_not": {"term": {_ID: person_id}}}},
                                "aggs": {
                                    "ids": {
                                        "terms": {"field": _ID, "size": top},
                                        "aggs": {"articles": {"reverse_nested": {}}},
                                    }
                                },
                            },
                        },
                    },
                },
            },
            "quotes": {
                "filter": only(QUOTE),
                "aggs": {
                    "over_time": {
                        "date_histogram": {
                            "field": PUBLISHED.path,
                            "calendar_interval": interval,
                            "format": "strict_date",
                            "min_doc_count": 1,
                        }
                    }
                },
            },
        },
    }


def profile(
    response: dict[str, Any],
    person_id: str,
    held: Mapping[str, Any],
    interval: Interval,
    names: Mapping[str, str],
) -> dict[str, Any]:
    """The person's profile: the registry's entry (`held`), with what the documents say."""
    articles = response["aggregations"]["articles"]
    quotes = response["aggregations"]["quotes"]
    return {
        **_person(person_id, held),
        "variants": list(held.get("variants") or []),
        "places": [
            {"value": b["key"], "count": b["doc_count"]} for b in articles["places"]["buckets"]
        ],
        "co_speakers": [
            {
                "id": b["key"],
                "name": names.get(b["key"], b["key"]),
                "articles": b["articles"]["doc_count"],
            }
            for b in articles["speakers"]["others"]["ids"]["buckets"]
        ],
        "interval": interval,
        "over_time": [
            {"value": b["key_as_string"], "count": b["doc_count"]}
            for b in quotes["over_time"]["buckets"]
        ],
    }
