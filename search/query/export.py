"""Every result of a search, streamed as CSV or JSON Lines (`search.scan` walks them)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import orjson
from elasticsearch import Elasticsearch

from search.query.body import Selection, article_query, filters, quote_query, sort
from search.query.params import SearchParams
from search.scan import PAGE, scan
from search.schema import ARTICLE, ARTICLE_EXPORT, COLUMNS, QUOTE, QUOTE_EXPORT, Kind, shown
from search.xmltext import xml_safe

# What each export holds: the fields handed out, and the CSV's columns in order.
SOURCE = {
    ARTICLE: [f.path for f in shown(ARTICLE_EXPORT)],
    QUOTE: [f.path for f in shown(QUOTE_EXPORT)],
}
HEADER = {kind: [column.name for column in columns] for kind, columns in COLUMNS.items()}


def export_body(params: SearchParams, chosen: Selection, kind: Kind) -> dict[str, Any]:
    query = (
        article_query(params, chosen, quotes_shown=False)
        if kind == ARTICLE
        else quote_query(params)
    )
    post = filters(params, chosen, kind)
    if post:
        query = {"bool": {"must": [query], "filter": post}}
    newest = sort(replace(params, sort="newest"))
    return {"query": query, "sort": newest, "_source": list(SOURCE[kind])}


def documents(
    es: Elasticsearch,
    index: str,
    params: SearchParams,
    chosen: Selection,
    kind: Kind,
    page: int = PAGE,
) -> Iterator[dict[str, Any]]:
    """The `_source` of every matching document, newest first, `page` at a time."""
    body = export_body(params, chosen, kind)
    pages = scan(es, index, body["query"], sort=body["sort"], source=body["_source"], page=page)
    for hits in pages:
        yield from (hit["_source"] for hit in hits)


def csv_row(source: dict[str, Any], kind: Kind) -> list[str]:
    values = (column.cell(source.get(column.field.path)) for column in COLUMNS[kind])
    # NUL stops CSV readers; the other control characters XML forbids go with it.
    return ["" if v is None else xml_safe(str(v)) for v in values]


def csv_lines(rows: Iterator[dict[str, Any]], kind: Kind) -> Iterator[str]:
    """CSV with a header row, a few hundred rows per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER[kind])
    for n, row in enumerate(rows, 1):
        writer.writerow(csv_row(row, kind))
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    """One JSON object a line: the document as the archive holds it, the fields its export
    view hands out (`SOURCE`)."""
    for row in rows:
        yield orjson.dumps(row) + b"\n"
