"""One article in full with the reader's words marked, and the articles related to it, wire
copies of one story grouped: request bodies and answers, pure."""

from __future__ import annotations

import html
import re
from typing import Any

from search.kinds import ARTICLE, only
from search.query import language
from search.query.body import marks
from search.query.language import ARTICLES
from search.query.shape import article_fields

MAX_QUOTES_MARKED = 100  # Elasticsearch's index.max_inner_result_window
RELATED = 10
_CANDIDATES = 40  # more-like-this hits looked at, before copies are grouped
SAME_STORY = 0.5  # share of word 5-grams two texts have in common to be one story
_WORD = re.compile(r"\w+")


def article_body(article_id: str, q: str) -> dict[str, Any]:
    """The article, its body and title marked for `q`, and its quotes marked where they
    match."""
    body: dict[str, Any] = {
        "size": 1,
        "_source": {"excludes": ["suggest", "people_keys"]},
        "query": {"bool": {"filter": [{"ids": {"values": [article_id]}}, only(ARTICLE)]}},
    }
    parsed = language.parse(q)
    quotes = language.shown(
        parsed,
        ARTICLES,
        inner_hits={
            "size": MAX_QUOTES_MARKED,
            "_source": False,
            "highlight": marks(**{"quotes.text": {"number_of_fragments": 0}}),
        },
    )
    if quotes is not None:
        body["query"]["bool"]["should"] = [quotes]
    if parsed.root is not None:
        highlight = marks(title={"number_of_fragments": 0}, body={"number_of_fragments": 0})
        highlight["highlight_query"] = language.to_query(parsed, ARTICLES)
        body["highlight"] = highlight
    return body


def article(response: dict[str, Any]) -> dict[str, Any] | None:
    """The API's article, or None when there is no such article."""
    hits = response["hits"]["hits"]
    if not hits:
        return None
    hit = hits[0]
    source = hit["_source"]
    marked = hit.get("highlight", {})
    inner = hit.get("inner_hits", {}).get("quotes", {}).get("hits", {}).get("hits", [])
    quote_marks = {
        q["_nested"]["offset"]: q["highlight"]["quotes.text"][0]
        for q in inner
        if q.get("highlight", {}).get("quotes.text")
    }
    roles = {s.get("id"): s.get("role") for s in source.get("speakers", [])}
    quotes = [
        {
            "speaker": q.get("speaker"),
            "speaker_id": q.get("speaker_id"),
            "role": roles.get(q.get("speaker_id")),
            "text": q.get("text"),
            "text_html": quote_marks.get(n) or html.escape(q.get("text") or ""),
            "cue": q.get("cue"),
            "start": q.get("start"),
            "end": q.get("end"),
        }
        for n, q in enumerate(source.get("quotes", []))
    ]
    return {
        **article_fields(source),
        "title_html": (marked.get("title") or [html.escape(source.get("title") or "")])[0],
        "body": source.get("body"),
        "body_html": (marked.get("body") or [html.escape(source.get("body") or "")])[0],
        "places": source.get("places", []),
        "people": source.get("people", []),
        "quotes": quotes,
        "photo_credit": source.get("photo_credit"),
        "corrected": source.get("corrected"),
        "versions": source.get("versions") or 1,
    }


def related_body(index: str, article_id: str) -> dict[str, Any]:
    """Articles on the same subject: more-like-this on the title and body.
    https://www.elastic.co/docs/reference/query-languages/query-dsl/query-dsl-mlt-query"""
    return {
        "size": _CANDIDATES,
        "_source": ["id", "title", "published", "agency", "publisher", "dateline", "body"],
        "query": {
            "bool": {
                "filter": [only(ARTICLE)],
                "must_not": [{"ids": {"values": [article_id]}}],
                "must": [
                    {
                        "more_like_this": {
                            "fields": ["title", "body"],
                            "like": [{"_index": index, "_id": article_id}],
                            "min_term_freq": 1,
                            "min_doc_freq": 1,
                            "max_query_terms": 40,
                            "minimum_should_match": "20%",
                        }
                    }
                ],
            }
        },
    }


def _grams(text: str) -> frozenset[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(tuple(words[i : i + 5]) for i in range(max(len(words) - 4, 1)))


def same_story(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    """Wire copies: most of the shorter text's 5-word runs are in the other (a copy is often
    cut, or given another headline and a line of its own)."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_STORY


def _brief(source: dict[str, Any]) -> dict[str, Any]:
    return {k: source.get(k) for k in ("id", "title", "published", "agency", "publisher")} | {
        "dateline": source.get("dateline")
    }


def related(response: dict[str, Any], body: str) -> dict[str, Any]:
    """Copies of the article's own story, and the other stories, their copies grouped."""
    own = _grams(body)
    copies: list[dict[str, Any]] = []
    stories: list[tuple[frozenset[tuple[str, ...]], dict[str, Any]]] = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        grams = _grams(source.get("body") or "")
        if same_story(own, grams):
            copies.append(_brief(source))
            continue
        home = next((story for g, story in stories if same_story(g, grams)), None)
        if home is not None:
            home["copies"].append(_brief(source))
        elif len(stories) < RELATED:
            stories.append((grams, {**_brief(source), "copies": []}))
    return {"copies": copies, "related": [story for _, story in stories]}
