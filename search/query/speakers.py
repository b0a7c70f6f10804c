"""Speakers on the read path: which people a `speaker` value names, the directory of speakers,
and one speaker's profile. Requests are built here and answers shaped here, both pure.

A value may be a person's id ("barack-obama"), their canonical name or any spelling the archive
holds ("Jim Comey", "President Obama"), or a surname alone, which names every person of that
name ("Clinton": Bill and Hillary). It is matched against what each article's speakers carry:
id, canonical name, name as written, key (given name, nicknames included, and surname) and
surname, and the people found are the filter.
"""

from __future__ import annotations

from typing import Any

from search.query.params import Interval
from search.schema import ARTICLE, DATELINE, PUBLISHED, QUOTE, SPEAKER, SPEAKERS, only
from search.speakers.names import fold, given_names_alike, person_name

MAX_PEOPLE_PER_VALUE = 50
# Where an article's speakers (nested) hold what a value is matched against and what is counted.
_NESTED = SPEAKERS.path
_ID = SPEAKERS.sub("id")
_NAME = SPEAKERS.sub("name")
_FOLDED = SPEAKERS.sub("name.folded")
_NAME_WORDS = SPEAKERS.sub("name.text")
_WRITTEN = SPEAKERS.sub("as_written")
_WRITTEN_FOLDED = SPEAKERS.sub("as_written.folded")
_WRITTEN_WORDS = SPEAKERS.sub("as_written.text")
_KEY = SPEAKERS.sub("key")
_SURNAME = SPEAKERS.sub("surname")
_ROLE = SPEAKERS.sub("role.keyword")
_QUOTE_COUNT = SPEAKERS.sub("quote_count")
_QUOTED_ID = SPEAKER.sub("id")  # a quote document's speaker
_DATELINE = DATELINE.sub("name")


def _matches(value: str) -> dict[str, Any]:
    """Speakers (nested documents) that `value` may name."""
    folded = fold(value)
    should: list[dict[str, Any]] = [
        {"term": {_ID: value}},
        {"term": {_FOLDED: folded}},
        {"term": {_WRITTEN_FOLDED: folded}},
    ]
    name = person_name(value)
    if name is not None and name.given:
        keys = [
            " ".join(filter(None, (given, name.surname, name.suffix)))
            for given in sorted(given_names_alike(name.given))
        ]
        should.append({"terms": {_KEY: keys}})
    elif name is not None:
        should.append({"term": {_SURNAME: name.surname}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def resolve_body(values: tuple[str, ...]) -> dict[str, Any]:
    """One request: for each value, the ids of the people it names."""
    per_value = {
        str(n): {
            "filter": _matches(value),
            "aggs": {"ids": {"terms": {"field": _ID, "size": MAX_PEOPLE_PER_VALUE}}},
        }
        for n, value in enumerate(values)
    }
    return {
        "size": 0,
        "query": only(ARTICLE),
        "aggs": {"people": {"nested": {"path": _NESTED}, "aggs": per_value}},
    }


def resolved_ids(response: dict[str, Any], values: tuple[str, ...]) -> dict[str, list[str]]:
    """Each value's people ids (none, when nobody in the archive bears that name)."""
    people = response["aggregations"]["people"]
    return {
        value: [b["key"] for b in people[str(n)]["ids"]["buckets"]]
        for n, value in enumerate(values)
    }


def _person_aggs() -> dict[str, Any]:
    """What the directory and the profile say of each person (inside the nested speakers)."""
    return {
        "name": {"terms": {"field": _NAME, "size": 1}},
        "roles": {"terms": {"field": _ROLE, "size": 5}},
        "quotes": {"sum": {"field": _QUOTE_COUNT}},
        "article": {
            "reverse_nested": {},
            "aggs": {
                "first": {"min": {"field": PUBLISHED.path, "format": "strict_date"}},
                "last": {"max": {"field": PUBLISHED.path, "format": "strict_date"}},
            },
        },
    }


def directory_body(prefix: str, size: int) -> dict[str, Any]:
    """The most quoted people, or those with a name word starting with `prefix`."""
    speakers: dict[str, Any] = {"match_all": {}}
    if prefix.strip():
        words = fold(prefix).split()
        speakers = {
            "bool": {
                "should": [
                    {"prefix": {_NAME_WORDS: words[-1]}},
                    {"prefix": {_WRITTEN_WORDS: words[-1]}},
                ],
                "filter": [{"term": {_NAME_WORDS: w}} for w in words[:-1]],
                "minimum_should_match": 1,
            }
        }
    return {
        "size": 0,
        "query": only(ARTICLE),
        "aggs": {
            "people": {
                "nested": {"path": _NESTED},
                "aggs": {
                    "matching": {
                        "filter": speakers,
                        "aggs": {
                            "ids": {
                                "terms": {"field": _ID, "size": size},
                                "aggs": _person_aggs(),
                            }
                        },
                    }
                },
            }
        },
    }


def _person(bucket: dict[str, Any]) -> dict[str, Any]:
    names = bucket["name"]["buckets"]
    article = bucket["article"]
    return {
        "id": bucket["key"],
        "name": names[0]["key"] if names else bucket["key"],
        "roles": [b["key"] for b in bucket["roles"]["buckets"]],
        "articles": article["doc_count"],
        "quotes": int(bucket["quotes"]["value"]),
        "first": article["first"].get("value_as_string"),
        "last": article["last"].get("value_as_string"),
    }


def directory(response: dict[str, Any]) -> list[dict[str, Any]]:
    buckets = response["aggregations"]["people"]["matching"]["ids"]["buckets"]
    return [_person(b) for b in buckets]


def profile_body(person_id: str, interval: Interval, top: int = 10) -> dict[str, Any]:
    """One person: variants, roles, places, co-speakers from articles; quotes over time."""
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
                            "me": {
                                "filter": {"term": {_ID: person_id}},
                                "aggs": {
                                    **_person_aggs(),
                                    "variants": {"terms": {"field": _WRITTEN, "size": 20}},
                                },
                            },
                            "others": {
                                "filter": {"bool": {"must_not": {"term": {_ID: person_id}}}},
                                "aggs": {
                                    "ids": {
                                        "terms": {"field": _ID, "size": top},
                                        "aggs": {"name": {"terms": {"field": _NAME, "size": 1}}},
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


def profile(response: dict[str, Any], person_id: str, interval: Interval) -> dict[str, Any] | None:
    """The person's profile, or None when nobody has that id."""
    articles = response["aggregations"]["articles"]
    me = articles["speakers"]["me"]
    if not me["doc_count"]:
        return None
    person = _person({**me, "key": person_id})
    quotes = response["aggregations"]["quotes"]
    return {
        **person,
        "quotes": quotes["doc_count"],
        "variants": [b["key"] for b in me["variants"]["buckets"]],
        "places": [
            {"value": b["key"], "count": b["doc_count"]} for b in articles["places"]["buckets"]
        ],
        "co_speakers": [
            {
                "id": b["key"],
                "name": b["name"]["buckets"][0]["key"] if b["name"]["buckets"] else b["key"],
                "articles": b["doc_count"],
            }
            for b in articles["speakers"]["others"]["ids"]["buckets"]
        ],
        "interval": interval,
        "over_time": [
            {"value": b["key_as_string"], "count": b["doc_count"]}
            for b in quotes["over_time"]["buckets"]
        ],
    }
