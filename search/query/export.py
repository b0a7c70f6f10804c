"""Every result of a search, streamed as CSV or JSON Lines (`search.scan` walks them).

The CSV is made for the spreadsheet a reader opens it in: every cell in double quotes, a
`permalink` column on Dateline's own pages, an optional byte-order mark (Excel reads UTF-8
without one as the local code page and garbles curly quotes), and a cell that a spreadsheet
would run as a formula (it begins with = + - @, a tab or a carriage return) kept as text with a
leading apostrophe, as OWASP's CSV-injection advice has it:
https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import orjson
from elasticsearch import Elasticsearch

from search.query.body import Selection, article_query, filters, quote_query, sort
from search.query.citation import article_path, page_path
from search.query.params import SearchParams
from search.scan import PAGE, scan
from search.schema import (
    ARTICLE,
    ARTICLE_EXPORT,
    ARTICLE_ID,
    COLUMNS,
    ID,
    POSITION,
    QUOTE,
    QUOTE_EXPORT,
    Kind,
    shown,
)
from search.xmltext import xml_safe

# What each export holds: the fields handed out, and the CSV's columns in order.
SOURCE = {
    ARTICLE: [f.path for f in shown(ARTICLE_EXPORT)],
    QUOTE: [f.path for f in shown(QUOTE_EXPORT)],
}
HEADER = {
    kind: [*(column.name for column in columns), "permalink"] for kind, columns in COLUMNS.items()
}
BOM = "\ufeff"
# What a spreadsheet reads as the start of a formula (OWASP): such a cell is kept as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: one that begins like a formula gets a
    leading apostrophe (OWASP's CSV-injection advice)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def permalink(source: dict[str, Any], kind: Kind, base_url: str) -> str:
    """The row's page on Dateline: the article's, or the quote's card (its permalink)."""
    if kind == ARTICLE:
        return base_url + article_path(str(source.get(ID.path) or ""))
    article_id, position = str(source.get(ARTICLE_ID.path) or ""), source.get(POSITION.path)
    if position is None:  # not a quote this version of Dateline indexed: its article, then
        return base_url + article_path(article_id)
    return base_url + page_path(article_id, int(position))


def csv_row(source: dict[str, Any], kind: Kind, base_url: str = "") -> list[str]:
    values = [column.cell(source.get(column.field.path)) for column in COLUMNS[kind]]
    values.append(permalink(source, kind, base_url))
    # NUL stops CSV readers; the other control characters XML forbids go with it.
    return ["" if v is None else inert(xml_safe(str(v))) for v in values]


def csv_lines(
    rows: Iterator[dict[str, Any]], kind: Kind, base_url: str = "", bom: bool = True
) -> Iterator[str]:
    """CSV with a header row (after a byte-order mark, with `bom`), every cell quoted, a few
    hundred rows per chunk; `base_url` is where the permalinks point."""
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER[kind])
    for n, row in enumerate(rows, 1):
        writer.writerow(csv_row(row, kind, base_url))
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
