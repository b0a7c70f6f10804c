"""Every result of a search, streamed as CSV or JSON Lines (`search.scan` walks them)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import orjson
from elasticsearch import Elasticsearch

from search.kinds import ARTICLE, Kind
from search.query.body import Selection, article_query, filters, quote_query
from search.query.params import SearchParams
from search.scan import scan

ARTICLE_COLUMNS = (
    "id",
    "published",
    "title",
    "lead",
    "agency",
    "publisher",
    "author",
    "dateline",
    "country",
    "speakers",
    "url",
)
QUOTE_COLUMNS = (
    "id",
    "published",
    "speaker",
    "speaker_id",
    "role",
    "cue",
    "text",
    "dateline",
    "country",
    "article_id",
    "title",
    "url",
)
_ARTICLE_SOURCE = [
    "id",
    "published",
    "title",
    "lead",
    "agency",
    "publisher",
    "author",
    "dateline",
    "speakers",
    "url",
    "body",
    "date_precision",
    "places",
    "people",
    "quotes",
]


def export_body(params: SearchParams, chosen: Selection, kind: Kind) -> dict[str, Any]:
    query = (
        article_query(params, chosen, quotes_shown=False)
        if kind == ARTICLE
        else quote_query(params)
    )
    post = filters(params, chosen, kind)
    if post:
        query = {"bool": {"must": [query], "filter": post}}
    sort: list[Any] = [{"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    source: list[str] | bool = _ARTICLE_SOURCE if kind == ARTICLE else True
    return {"query": query, "sort": sort, "_source": source}


def documents(
    es: Elasticsearch, index: str, params: SearchParams, chosen: Selection, kind: Kind
) -> Iterator[dict[str, Any]]:
    """The `_source` of every matching document, newest first."""
    body = export_body(params, chosen, kind)
    for hits in scan(es, index, body["query"], sort=body["sort"], source=body["_source"]):
        yield from (hit["_source"] for hit in hits)


def _place(source: dict[str, Any]) -> tuple[str, str]:
    dateline = source.get("dateline") or {}
    return dateline.get("name") or "", dateline.get("country") or ""


def csv_row(source: dict[str, Any], kind: Kind) -> list[str]:
    name, country = _place(source)
    if kind == ARTICLE:
        speakers = "; ".join(s.get("name") or "" for s in source.get("speakers", []))
        values: list[Any] = [
            source.get("id"),
            source.get("published"),
            source.get("title"),
            source.get("lead"),
            source.get("agency"),
            source.get("publisher"),
            source.get("author"),
            name,
            country,
            speakers,
            source.get("url"),
        ]
    else:
        person = source.get("speaker") or {}
        article = source.get("article") or {}
        values = [
            source.get("id"),
            source.get("published"),
            person.get("name"),
            person.get("id"),
            person.get("role"),
            source.get("cue"),
            source.get("text"),
            name,
            country,
            source.get("article_id"),
            article.get("title"),
            article.get("url"),
        ]
    return ["" if v is None else str(v) for v in values]


def csv_lines(rows: Iterator[dict[str, Any]], kind: Kind) -> Iterator[str]:
    """CSV with a header row, a few hundred rows per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ARTICLE_COLUMNS if kind == ARTICLE else QUOTE_COLUMNS)
    for n, row in enumerate(rows, 1):
        writer.writerow(csv_row(row, kind))
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    """One JSON object a line: the document as the archive holds it."""
    for row in rows:
        row.pop("kind", None)
        yield orjson.dumps(row) + b"\n"
