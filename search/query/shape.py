"""Shaping Elasticsearch's answers into what the API and the page show: pure functions, so
tests feed them recorded answers.

Everything that came from an article is HTML-escaped here or by Elasticsearch's highlighter
(``encoder: html``); only the highlighter's own ``<mark>`` tags are markup.
"""

from __future__ import annotations

import html
from typing import Any

from search.query.facets import FACETS
from search.query.params import SearchParams


def _snippets(hit: dict[str, Any]) -> list[str]:
    """Highlighted body fragments, else the (escaped) lead, so every hit shows some text."""
    fragments = hit.get("highlight", {}).get("body", [])
    if fragments:
        return list(fragments)
    lead = hit["_source"].get("lead")
    return [html.escape(lead[:300])] if lead else []


def _quotes(hit: dict[str, Any]) -> list[dict[str, Any]]:
    inner = hit.get("inner_hits", {}).get("quotes", {}).get("hits", {}).get("hits", [])
    quotes = []
    for quote in inner:
        marked = quote.get("highlight", {}).get("quotes.text", [])
        plain = html.escape(quote["_source"].get("text") or "")
        quotes.append(
            {
                "speaker": quote["_source"].get("speaker"),
                "cue": quote["_source"].get("cue"),
                "text": marked[0] if marked else plain,
            }
        )
    return quotes


def _hit(hit: dict[str, Any]) -> dict[str, Any]:
    source = hit["_source"]
    marks = hit.get("highlight", {})
    return {
        "id": source["id"],
        "title": source.get("title"),
        "title_html": (marks.get("title") or [html.escape(source.get("title") or "")])[0],
        "lead": source.get("lead"),
        "published": source.get("published"),
        "date_precision": source.get("date_precision"),
        "agency": source.get("agency"),
        "publisher": source.get("publisher"),
        "author": source.get("author"),
        "dateline": source.get("dateline"),
        "speakers": source.get("speakers", []),
        "url": source.get("url"),
        "score": hit.get("_score"),
        "snippets": _snippets(hit),
        "quotes": _quotes(hit),
    }


def _facets(aggs: dict[str, Any], params: SearchParams) -> dict[str, list[dict[str, Any]]]:
    facets: dict[str, list[dict[str, Any]]] = {}
    for facet in FACETS:
        selected = {v.lower() for v in params.filters.get(facet.name, ())}
        buckets = [
            {"value": b["key"], "count": b["doc_count"], "selected": b["key"].lower() in selected}
            for b in aggs[facet.name]["values"]["buckets"]
        ]
        # A selected value stays visible even when it falls out of the top buckets.
        shown = {b["value"].lower() for b in buckets}
        for value in params.filters.get(facet.name, ()):
            if value.lower() not in shown:
                buckets.append({"value": value, "count": 0, "selected": True})
        facets[facet.name] = buckets
    facets["date"] = [
        {"value": b["key_as_string"], "count": b["doc_count"], "selected": False}
        for b in aggs["date"]["values"]["buckets"]
    ]
    return facets


def search_result(response: dict[str, Any], params: SearchParams) -> dict[str, Any]:
    """The API's answer to a search, from Elasticsearch's."""
    return {
        "total": response["hits"]["total"]["value"],
        "page": params.page,
        "size": params.size,
        "hits": [_hit(h) for h in response["hits"]["hits"]],
        "facets": _facets(response["aggregations"], params),
    }


def suggestions(response: dict[str, Any]) -> list[str]:
    """Completions, each shown as the fullest name it came from."""
    shown: list[str] = []
    for option in response["suggest"]["names"][0]["options"]:
        matched = option["text"]
        source = option.get("_source", {})
        names = [i for i in source.get("suggest", []) if i != source.get("title")]
        fuller = [i for i in names if i.lower().endswith(matched.lower())]
        shown.append(max(fuller, key=len) if fuller else matched)
    return list(dict.fromkeys(shown))
