"""One article in full with the reader's words marked, and the articles related to it, wire
copies of one story grouped: request bodies and answers, pure."""

from __future__ import annotations

import html
import re
from typing import Any

from search.query import language
from search.query.anchors import anchored
from search.query.body import marks
from search.query.shape import shown_fields
from search.schema import (
    ARTICLE,
    ARTICLE_PAGE,
    BODY,
    QUOTE_SAID,
    QUOTES,
    RELATED_ARTICLE,
    SPEAKERS,
    TITLE,
    marked,
    only,
    shown,
)

MAX_QUOTES_MARKED = 100  # Elasticsearch's index.max_inner_result_window
RELATED = 10
_CANDIDATES = 40  # more-like-this hits looked at, before copies are grouped
SAME_STORY = 0.5  # share of word 5-grams two texts have in common to be one story
_WORD = re.compile(r"\w+")
_PAGE_SOURCE = [f.path for f in shown(ARTICLE_PAGE)]
# The body tells copies apart.
_RELATED_SOURCE = [f.path for f in shown(RELATED_ARTICLE)] + [BODY.path]
_MARKED_QUOTE = QUOTES.sub("text")


def article_body(article_id: str, q: str) -> dict[str, Any]:
    """The article, its body and title marked for `q`, and its quotes marked where they
    match."""
    body: dict[str, Any] = {
        "size": 1,
        "_source": list(_PAGE_SOURCE),
        "query": {"bool": {"filter": [{"ids": {"values": [article_id]}}, only(ARTICLE)]}},
    }
    parsed = language.parse(q)
    quotes = language.shown(
        parsed,
        language.ARTICLES,
        inner_hits={
            "size": MAX_QUOTES_MARKED,
            "_source": False,
            "highlight": marks(marked(ARTICLE_PAGE, QUOTES)),
        },
    )
    if quotes is not None:
        body["query"]["bool"]["should"] = [quotes]
    if parsed.root is not None:
        highlight = marks(marked(ARTICLE_PAGE))
        highlight["highlight_query"] = language.to_query(parsed, language.ARTICLES)
        body["highlight"] = highlight
    return body


def article(response: dict[str, Any]) -> dict[str, Any] | None:
    """The API's article, or None when there is no such article."""
    hits = response["hits"]["hits"]
    if not hits:
        return None
    hit = hits[0]
    source = hit["_source"]
    highlight = hit.get("highlight", {})
    inner = hit.get("inner_hits", {}).get(QUOTES.path, {}).get("hits", {}).get("hits", [])
    quote_marks = {
        q["_nested"]["offset"]: q["highlight"][_MARKED_QUOTE][0]
        for q in inner
        if q.get("highlight", {}).get(_MARKED_QUOTE)
    }
    roles = {s.get("id"): s.get("role") for s in source.get(SPEAKERS.path, [])}
    quotes = [
        {
            **{at: q.get(at) for at in QUOTE_SAID},
            "role": roles.get(q.get("speaker_id")),
            "position": n,
            "text": q.get("text"),
            "text_html": quote_marks.get(n) or html.escape(q.get("text") or ""),
            "start": q.get("start"),
            "end": q.get("end"),
        }
        for n, q in enumerate(source.get(QUOTES.path, []))
    ]
    spans = [(q["start"] or 0, q["end"] or 0) for q in quotes]
    return {
        **shown_fields(source, ARTICLE_PAGE),
        "title_html": _html(highlight, source, TITLE.path),
        "body_html": anchored(_html(highlight, source, BODY.path), spans),
        "quotes": quotes,
    }


def _html(highlight: dict[str, Any], source: dict[str, Any], path: str) -> str:
    """The whole field as marked, else as stored, escaped."""
    return str((highlight.get(path) or [html.escape(source.get(path) or "")])[0])


def related_body(index: str, article_id: str) -> dict[str, Any]:
    """Articles on the same subject: more-like-this on the title and body.
    https://www.elastic.co/docs/reference/query-languages/query-dsl/query-dsl-mlt-query"""
    return {
        "size": _CANDIDATES,
        "_source": list(_RELATED_SOURCE),
        "query": {
            "bool": {
                "filter": [only(ARTICLE)],
                "must_not": [{"ids": {"values": [article_id]}}],
                "must": [
                    {
                        "more_like_this": {
                            "fields": [TITLE.path, BODY.path],
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
    return shown_fields(source, RELATED_ARTICLE)


def related(response: dict[str, Any], body: str) -> dict[str, Any]:
    """Copies of the article's own story, and the other stories, their copies grouped."""
    own = _grams(body)
    copies: list[dict[str, Any]] = []
    stories: list[tuple[frozenset[tuple[str, ...]], dict[str, Any]]] = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        grams = _grams(source.get(BODY.path) or "")
        if same_story(own, grams):
            copies.append(_brief(source))
            continue
        home = next((story for g, story in stories if same_story(g, grams)), None)
        if home is not None:
            home["copies"].append(_brief(source))
        elif len(stories) < RELATED:
            stories.append((grams, {**_brief(source), "copies": []}))
    return {"copies": copies, "related": [story for _, story in stories]}
