"""Taking results away: every result as CSV or JSON Lines, and an Atom feed of any search."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import quote

import marshmallow as ma
from feedgen.feed import FeedGenerator
from flask import Response, current_app, stream_with_context, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from api.arguments import ExportArgsSchema, FeedArgsSchema
from api.engine import alias, es
from api.links import absolute, this_request
from search.query import execute
from search.query.export import csv_lines, jsonl_lines
from search.query.params import SearchParams
from search.schema import ARTICLE, QUOTE
from search.xmltext import xml_safe

blp = Blueprint("export", __name__, url_prefix="/api", description="Export and feeds.")
FEED_ENTRIES = 50
# Hits per Elasticsearch request of an export: what one export holds in a worker at a time.
EXPORT_PAGE = 250
_NAME = re.compile(r"[^a-z0-9]+")


def _file_name(params: SearchParams, of: str, suffix: str) -> str:
    words = _NAME.sub("-", params.q.lower()).strip("-")[:40] or "all"
    return f"dateline-{of}-{words}-{date.today().isoformat()}.{suffix}"


@blp.route("/export")
class Export(MethodView):
    @blp.arguments(ExportArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(
        200,
        description="Every result, streamed: CSV with a header row, or one JSON object a line.",
        content_type="text/csv",
    )
    def get(self, args: dict[str, Any]) -> Response:
        """Every result of a search of articles (or of quotes: `of=quotes`), newest first, with
        no cap; the rows stream as they are read, so memory stays flat."""
        params, kind = args["params"], ARTICLE if args["of"] == "articles" else QUOTE
        page = current_app.config.setdefault(
            "EXPORT_PAGE", int(os.environ.get("DATELINE_EXPORT_PAGE", EXPORT_PAGE))
        )
        rows = execute.export_rows(es(), alias(), params, kind, page=page)
        if args["format"] == "csv":
            body: Iterator[Any] = csv_lines(rows, kind)
            mimetype, suffix = "text/csv; charset=utf-8", "csv"
        else:
            body, mimetype, suffix = jsonl_lines(rows), "application/x-ndjson", "jsonl"
        # The first chunk is made here, before the status is sent: an export that cannot start
        # (the engine down or stalled) answers the envelope (503), not a 200 that breaks.
        first = next(body, None)
        name = _file_name(params, args["of"], suffix)
        return Response(
            stream_with_context(_ended_on_failure(first, body)),
            mimetype=mimetype,
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                # Passed on as it comes, never spooled by a proxy (deploy/nginx.conf does so too).
                "X-Accel-Buffering": "no",
            },
        )


def _ended_on_failure(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    """The chunks; a failure after the first is logged and re-raised, so gunicorn closes the
    connection without the terminating chunk: the client sees a failed transfer, never a
    file that looks whole."""
    if first is None:
        return
    yield first
    try:
        yield from rest
    except Exception:
        current_app.logger.exception("an export failed after it had started: the transfer is cut")
        raise


def _when(day: str | None) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(), UTC) if day else datetime.now(UTC)


def _credited(hit: dict[str, Any]) -> str:
    """Whose words a quote hit is, as a reader reads it: "Jason Miller, for Donald Trump"."""
    said_by = hit["speaker"]["name"] or hit.get("description") or "speaker uncertain"
    principal = hit.get("on_behalf_of")
    return f"{said_by}, for {principal['name']}" if principal else said_by


def _words(hit: dict[str, Any]) -> str:
    """A quote hit's words as plain text, in quotation marks only when verbatim."""
    words = html.unescape(re.sub(r"</?mark>", "", hit["text"]))
    if hit.get("type") == "direct":
        return f"“{words}”"
    return f"{words} ({'partly quoted' if hit.get('type') == 'mixed' else 'paraphrase'})"


@blp.route("/feed.atom")
class Feed(MethodView):
    @blp.arguments(FeedArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, description="An Atom 1.0 feed.", content_type="application/atom+xml")
    def get(self, args: dict[str, Any]) -> Response:
        """The newest results of any search as an Atom feed, for a feed reader."""
        params = replace(args["params"], sort="newest", size=FEED_ENTRIES)
        kind = ARTICLE if args["of"] == "articles" else QUOTE
        found = execute.search(es(), alias(), params, kind)
        feed = FeedGenerator()
        feed.id(this_request())
        feed.title(xml_safe(f"Dateline: {params.q or 'all articles'}"))
        feed.link(href=this_request(), rel="self")
        feed.link(href=absolute(url_for("pages.page", q=params.q)), rel="alternate")
        feed.updated(max((_when(h.get("published")) for h in found["hits"]), default=_when(None)))
        for hit in reversed(found["hits"]):  # feedgen lists the last added first
            entry = feed.add_entry()
            article_id = hit["id"] if kind == ARTICLE else hit["article"]["id"]
            link = absolute(f"articles/{quote(article_id, safe='')}")
            entry.id(link if kind == ARTICLE else f"{link}#{hit['id']}")
            title = hit["title"] if kind == ARTICLE else f"{_credited(hit)}: {hit['cue']}"
            entry.title(xml_safe(title or "") or "(untitled)")
            entry.link(href=link)
            entry.updated(_when(hit.get("published")))
            summary = hit.get("lead") if kind == ARTICLE else _words(hit)
            if summary and xml_safe(summary):
                entry.summary(xml_safe(summary))
        return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")
