"""Shaping Elasticsearch's answers into what the API and the page show: pure functions, so
tests feed them recorded answers.

Everything that came from an article is HTML-escaped here or by Elasticsearch's highlighter
(``encoder: html``); only the highlighter's own ``<mark>`` tags are markup, and in an
article's body the quotes' anchors (search.query.anchors).
"""

from __future__ import annotations

import calendar
import html
from datetime import date
from functools import cache
from typing import Any

from search.query.body import Selection
from search.query.params import Interval, SearchParams, split_excluded
from search.schema import (
    ARTICLE,
    ARTICLE_HIT,
    ARTICLE_ID,
    BODY,
    CONTEXT,
    LEAD,
    QUOTE_HIT,
    QUOTE_SAID,
    QUOTED_IN,
    QUOTES,
    SUGGEST,
    TEXT,
    TITLE,
    Facet,
    Kind,
    View,
    facets_of,
    shown,
)

_MARKED_QUOTE = QUOTES.sub("text")


def _marked(hit: dict[str, Any], field: str, plain: str | None) -> str:
    """The highlighted field, else the plain value escaped."""
    fragments = hit.get("highlight", {}).get(field)
    return fragments[0] if fragments else html.escape(plain or "")


def _snippets(hit: dict[str, Any]) -> list[str]:
    """Highlighted body fragments, else the (escaped) lead, so every hit shows some text."""
    fragments = hit.get("highlight", {}).get(BODY.path, [])
    if fragments:
        return list(fragments)
    lead = hit["_source"].get(LEAD.path)
    return [html.escape(lead[:300])] if lead else []


def _hit_quotes(hit: dict[str, Any]) -> list[dict[str, Any]]:
    inner = hit.get("inner_hits", {}).get(QUOTES.path, {}).get("hits", {}).get("hits", [])
    return [
        {
            **{at: quote["_source"].get(at) for at in QUOTE_SAID},
            "position": quote["_nested"]["offset"],
            "text": _marked(quote, _MARKED_QUOTE, quote["_source"].get("text")),
        }
        for quote in inner
    ]


def speaker(person: dict[str, Any]) -> dict[str, Any]:
    """A speaker as the API shows one: the person (id, canonical name) and how it was written."""
    return {
        "id": person.get("id"),
        "name": person.get("name"),
        "as_written": person.get("as_written"),
        "role": person.get("role"),
        **({"quote_count": person["quote_count"]} if "quote_count" in person else {}),
    }


@cache
def _shown(view: View) -> tuple[tuple[str, ...], ...]:
    """The paths `view` shows as stored, by how each is shaped (`Field.shape`): as it is, a
    list, a person, people. Fields without a shape are shaped by hand."""
    fields = [f for f in shown(view) if f.shape is not None]
    return (
        tuple(f.path for f in fields if f.shape in ("string", "number", "place")),
        tuple(f.path for f in fields if f.shape in ("strings", "places")),
        tuple(f.path for f in fields if f.shape == "person" and not f.nullable),
        tuple(f.path for f in fields if f.shape == "person" and f.nullable),
        tuple(f.path for f in fields if f.shape == "people"),
    )


def shown_fields(source: dict[str, Any], view: View) -> dict[str, Any]:
    """What `view` shows of a document as stored."""
    values, lists, persons, maybe_persons, people = _shown(view)
    found = {path: source.get(path) for path in values}
    for path in lists:
        found[path] = source.get(path, [])
    for path in persons:
        found[path] = speaker(source.get(path) or {})
    for path in maybe_persons:
        found[path] = speaker(source[path]) if source.get(path) else None
    for path in people:
        found[path] = [speaker(s) for s in source.get(path, [])]
    return found


def _article_hit(hit: dict[str, Any]) -> dict[str, Any]:
    source = hit["_source"]
    return {
        **shown_fields(source, ARTICLE_HIT),
        "title_html": _marked(hit, TITLE.path, source.get(TITLE.path)),
        "score": hit.get("_score"),
        "snippets": _snippets(hit),
        "quotes": _hit_quotes(hit),
    }


def _quote_hit(hit: dict[str, Any]) -> dict[str, Any]:
    source = hit["_source"]
    article = source.get(QUOTED_IN.path) or {}
    return {
        **shown_fields(source, QUOTE_HIT),
        "text": _marked(hit, TEXT.path, source.get(TEXT.path)),
        "context": source.get(CONTEXT.path),
        "article": {
            "id": source.get(ARTICLE_ID.path),
            "title": article.get("title"),
            "url": article.get("url"),
        },
        "score": hit.get("_score"),
    }


def _buckets(agg: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(key, shown value, count) of a facet's terms buckets: people are counted by id and
    shown by name, in articles; other values are shown as they are."""
    found = []
    for bucket in agg["buckets"]:
        named = bucket.get("shown", {}).get("buckets")
        found.append(
            (bucket["key"], named[0]["key"] if named else bucket["key"], bucket["doc_count"])
        )
    return found


def facet_values(
    facet: Facet, agg: dict[str, Any], chosen: tuple[str, ...]
) -> list[dict[str, Any]]:
    """A facet's buckets: the top values, then any chosen value outside them, with its count.
    `chosen` are the filtered keys (person ids, or lower-cased values); an excluded one
    ("-united states") is shown `excluded`."""
    counts = agg.get("counts", agg)  # under the facet's filter, or asked for alone
    wanted, unwanted = split_excluded(chosen)
    chosen_keys, excluded_keys = set(wanted), set(unwanted)
    values: list[dict[str, Any]] = []
    seen: set[str] = set()
    rows = _buckets(counts["values"]) + (_buckets(counts["chosen"]) if "chosen" in counts else [])
    for key, display, count in rows:
        filtered = key if facet.by_id else display.lower()
        if filtered in seen:
            continue
        seen.add(filtered)
        bucket = {"value": display, "count": count, "selected": filtered in chosen_keys}
        if filtered in excluded_keys:
            bucket["excluded"] = True
        if facet.by_id:
            bucket["id"] = key
        values.append(bucket)
    return values


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def date_buckets(
    agg: dict[str, Any], interval: Interval, params: SearchParams
) -> list[dict[str, Any]]:
    """Histogram bars, each with the range a click on it filters to; month bars become year
    bars when the span calls for years (`execute` asks for months then)."""
    rows = [(date.fromisoformat(b["key_as_string"]), b["doc_count"]) for b in agg["buckets"]]
    if interval == "year":
        years: dict[int, int] = {}
        for day, count in rows:
            years[day.year] = years.get(day.year, 0) + count
        rows = [(date(year, 1, 1), count) for year, count in sorted(years.items())]
    bars = []
    for first, count in rows:
        if interval == "day":
            last, label = first, first.isoformat()
        elif interval == "month":
            last, label = _month_end(first), first.isoformat()[:7]
        else:
            last, label = date(first.year, 12, 31), str(first.year)
        selected = (params.date_from is not None or params.date_to is not None) and (
            (params.date_from or date.min) <= first and last <= (params.date_to or date.max)
        )
        bars.append(
            {
                "value": label,
                "count": count,
                "from": first.isoformat(),
                "to": last.isoformat(),
                "selected": selected,
            }
        )
    return bars


def facets(
    aggs: dict[str, Any],
    params: SearchParams,
    selection: Selection,
    interval: Interval,
    kind: Kind,
) -> dict[str, list[dict[str, Any]]]:
    shaped = {
        facet.name: facet_values(facet, aggs[facet.name], selection.get(facet.name, ()))
        for facet in facets_of(kind)
    }
    shaped["date"] = date_buckets(aggs["date"]["values"], interval, params)
    return shaped


FEW_HITS = 3  # fewer hits than this and a spelling suggestion is offered


def result(
    response: dict[str, Any],
    params: SearchParams,
    selection: Selection,
    interval: Interval,
    kind: Kind,
) -> dict[str, Any]:
    """The API's answer to a search of articles or quotes, from Elasticsearch's."""
    hits = response["hits"]["hits"]
    total = response["hits"]["total"]
    shaped: dict[str, Any] = {
        "total": {"value": total["value"], "relation": total["relation"]},
        "page": params.page if params.after is None else None,
        "size": params.size,
        "hits": [_article_hit(h) if kind == ARTICLE else _quote_hit(h) for h in hits],
        "facets": facets(response["aggregations"], params, selection, interval, kind),
        "date_interval": interval,
        "suggestion": None,  # did-you-mean, asked apart when there are few hits (execute)
        # Elasticsearch's own timeout ran out: hits and counts are what it found by then.
        "partial": bool(response.get("timed_out")),
    }
    shaped["last_sort"] = hits[-1]["sort"] if len(hits) == params.size else None
    return shaped


def suggestions(response: dict[str, Any]) -> list[str]:
    """Completions, each shown as the fullest name it came from."""
    shown: list[str] = []
    for option in response["suggest"]["names"][0]["options"]:
        matched = option["text"]
        source = option.get("_source", {})
        names = [i for i in source.get(SUGGEST.path, []) if i != source.get(TITLE.path)]
        fuller = [i for i in names if i.lower().endswith(matched.lower())]
        shown.append(max(fuller, key=len) if fuller else matched)
    return list(dict.fromkeys(shown))
