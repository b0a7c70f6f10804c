"""Building the search request: pure functions from validated parameters to a request body.

Nothing here sees a Flask request or a cluster, so tests compare bodies directly. The free text
goes through ``simple_query_string``, which never fails on odd syntax (``"unbalanced``,
``AND OR (``): what a reader types is answered, not refused. Facets are disjunctive: selected
values filter hits through ``post_filter``, and each facet is counted under every selection but
its own, so a reader can widen a choice as well as narrow it.
https://www.elastic.co/docs/reference/query-languages/query-dsl/query-dsl-simple-query-string-query
"""

from __future__ import annotations

from typing import Any

from search.query.facets import FACETS
from search.query.params import FACET_SIZE, SearchParams

MARK = ("<mark>", "</mark>")
TEXT_FIELDS = ["title^3", "lead^2", "body", "speakers.name^2", "people", "dateline.name"]


def text_query(q: str) -> dict[str, Any]:
    """Stemmed matching on the article fields or on what someone was quoted saying."""
    if not q.strip():
        return {"match_all": {}}
    common = {
        "query": q,
        "default_operator": "and",
        # A quoted phrase searches the unstemmed twin, so "says" in quotes is not "said".
        "quote_field_suffix": ".exact",
        "flags": "AND|OR|NOT|PHRASE|PRECEDENCE|PREFIX|WHITESPACE|ESCAPE",
    }
    return {
        "bool": {
            "should": [
                {"simple_query_string": {**common, "fields": TEXT_FIELDS}},
                {
                    "nested": {
                        "path": "quotes",
                        "score_mode": "max",
                        "query": {"simple_query_string": {**common, "fields": ["quotes.text"]}},
                        "inner_hits": {
                            "size": 3,
                            "_source": ["quotes.speaker", "quotes.cue", "quotes.text"],
                            "highlight": {
                                "encoder": "html",
                                "pre_tags": [MARK[0]],
                                "post_tags": [MARK[1]],
                                # Phrases match the unstemmed twin: mark them in the text shown.
                                "fields": {
                                    "quotes.text": {
                                        "number_of_fragments": 0,
                                        "matched_fields": ["quotes.text", "quotes.text.exact"],
                                    }
                                },
                            },
                        },
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def date_filter(params: SearchParams) -> dict[str, Any] | None:
    if params.date_from is None and params.date_to is None:
        return None
    bounds = {}
    if params.date_from:
        bounds["gte"] = params.date_from.isoformat()
    if params.date_to:
        bounds["lte"] = params.date_to.isoformat()
    return {"range": {"published": bounds}}


def facet_filters(params: SearchParams, *, skip: str | None = None) -> list[dict[str, Any]]:
    """Filters for every selected facet except `skip`."""
    return [
        {"terms": {facet.filter_field: [v.lower() for v in params.filters[facet.name]]}}
        for facet in FACETS
        if facet.name != skip and params.filters.get(facet.name)
    ]


def aggregations(params: SearchParams) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for facet in FACETS:
        others = facet_filters(params, skip=facet.name)
        aggs[facet.name] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": facet.field, "size": FACET_SIZE}}},
        }
    # Dates are filtered in the main query, so the histogram follows every facet selection.
    selected = facet_filters(params)
    aggs["date"] = {
        "filter": {"bool": {"filter": selected}} if selected else {"match_all": {}},
        "aggs": {
            "values": {
                "date_histogram": {
                    "field": "published",
                    "calendar_interval": "month",
                    "format": "yyyy-MM",
                    "min_doc_count": 1,
                }
            }
        },
    }
    return aggs


def highlight() -> dict[str, Any]:
    """Marks for words and for quoted phrases, which match the fields' unstemmed twins."""

    def field(name: str, **options: Any) -> dict[str, Any]:
        return {"matched_fields": [name, f"{name}.exact"], **options}

    return {
        "encoder": "html",  # everything outside <mark> comes back HTML-escaped
        "pre_tags": [MARK[0]],
        "post_tags": [MARK[1]],
        "fields": {
            "title": field("title", number_of_fragments=0),
            "lead": field("lead", number_of_fragments=0),
            "body": field("body", fragment_size=180, number_of_fragments=3, no_match_size=0),
        },
    }


def sort(params: SearchParams) -> list[Any]:
    """Always ends with the id, so equal scores or dates page deterministically."""
    newest = {"published": {"order": "desc", "missing": "_last"}}
    if params.sort == "newest":
        return [newest, {"id": "asc"}]
    if params.sort == "oldest":
        return [{"published": {"order": "asc", "missing": "_last"}}, {"id": "asc"}]
    return ["_score", newest, {"id": "asc"}]


def build(params: SearchParams) -> dict[str, Any]:
    """The whole request body for one search."""
    query: dict[str, Any] = text_query(params.q)
    dates = date_filter(params)
    if dates:
        query = {"bool": {"must": [query], "filter": [dates]}}
    body: dict[str, Any] = {
        "query": query,
        "aggs": aggregations(params),
        "highlight": highlight(),
        "sort": sort(params),
        "from": (params.page - 1) * params.size,
        "size": params.size,
        "track_total_hits": True,
        "_source": {"excludes": ["body", "quotes", "suggest"]},
    }
    selected = facet_filters(params)
    if selected:
        body["post_filter"] = {"bool": {"filter": selected}}
    return body


def suggest_body(prefix: str, size: int) -> dict[str, Any]:
    """Completions of `prefix` from the names and titles each article offers (`suggest`)."""
    return {
        "source": ["suggest", "title"],
        "suggest": {
            "names": {
                "prefix": prefix,
                "completion": {"field": "suggest", "size": size, "skip_duplicates": True},
            }
        },
    }
