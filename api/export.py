"""Taking results away: every result as CSV or JSON Lines, and an Atom feed of any search."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import marshmallow as ma
from feedgen.feed import FeedGenerator
from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from api.arguments import ExportArgsSchema, FeedArgsSchema
from api.engine import alias, es
from api.links import absolute
from api.pages.state import FILTER_KEYS, LABELS, State, read
from search.query import execute
from search.query.citation import article_path, page_path
from search.query.export import csv_lines, jsonl_lines
from search.query.params import SearchParams
from search.schema import ARTICLE, QUOTE
from search.xmltext import xml_safe

blp = Blueprint("export", __name__, url_prefix="/api", description="Export and feeds.")
FEED_ENTRIES = 50
TITLE_WORDS = 25  # a quote entry's title: its first words; the summary holds them all
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
            body: Iterator[Any] = csv_lines(rows, kind, absolute("").rstrip("/"), args["bom"])
            # One charset (Flask adds none to a full content type) and RFC 4180's header flag.
            content_type, suffix = "text/csv; charset=utf-8; header=present", "csv"
        else:
            body, content_type, suffix = jsonl_lines(rows), "application/x-ndjson", "jsonl"
        # The first chunk is made here, before the status is sent: an export that cannot start
        # (the engine down or stalled) answers the envelope (503), not a 200 that breaks.
        first = next(body, None)
        name = _file_name(params, args["of"], suffix)
        return Response(
            stream_with_context(_ended_on_failure(first, body)),
            content_type=content_type,
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


def _words(hit: dict[str, Any], most: int | None = None) -> str:
    """A quote hit's words as plain text (the first `most` words, if given), in quotation marks
    only when verbatim: a paraphrase is never shown as if it were quoted."""
    words = html.unescape(re.sub(r"</?mark>", "", hit["text"])).split()
    text = " ".join(words[:most]) + (" …" if most and len(words) > most else "")
    if hit.get("type") == "direct":
        return f"“{text}”"
    return f"{text} ({'partly quoted' if hit.get('type') == 'mixed' else 'paraphrase'})"


def _described(state: State, names: dict[str, str], noun: str) -> str:
    """The search a feed follows, every filter in words: "quotes for “wall” · Speaker: Donald
    Trump · Quote type: direct · March 2016"."""
    words = f"{noun} for “{state.params.q}”" if state.params.q else f"all {noun}"
    chips = state.chips("/", names)
    return " · ".join([words, *(f"{c.label}: {c.value}" for c in chips if c.label in _FILTERS)])


_FILTERS = {LABELS[key] for key in FILTER_KEYS if key not in ("q", "from", "to")} | {"Dates"}


@blp.route("/feed.atom")
class Feed(MethodView):
    @blp.arguments(FeedArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, description="An Atom 1.0 feed.", content_type="application/atom+xml")
    def get(self, args: dict[str, Any]) -> Response:
        """The newest results of any search as an Atom feed, for a feed reader: titled with
        every filter of the search, linked to the same search on the pages; quotes titled with
        their words and whose they are."""
        params = replace(args["params"], sort="newest", size=FEED_ENTRIES)
        kind = ARTICLE if args["of"] == "articles" else QUOTE
        found = execute.search(es(), alias(), params, kind)
        of = [] if kind == ARTICLE else [("of", "quotes")]
        state = read(request.args.to_dict(flat=False))
        names = {
            bucket["id"]: bucket["value"]
            for facet in ("speaker", "on_behalf_of")
            for bucket in found["facets"].get(facet, [])
            if bucket.get("id")
        }
        noun = "articles" if kind == ARTICLE else "quotes"
        feed = FeedGenerator()
        own = absolute(state.only(FILTER_KEYS, "/api/feed.atom", of))
        feed.id(own)
        feed.title(xml_safe(f"Dateline: {_described(state, names, noun)}"))
        feed.subtitle(f"The newest {FEED_ENTRIES} {noun} of this search, newest first.")
        # RFC 4287 §4.1.1: a feed names its author unless every entry does. The archive that
        # gathered the entries is the feed's; an article's byline is its entry's.
        feed.author({"name": "Dateline", "uri": absolute("/")})
        feed.link(href=own, rel="self", type="application/atom+xml")
        page = "/" if kind == ARTICLE else "/quotes"
        feed.link(href=absolute(state.only(FILTER_KEYS, page)), rel="alternate", type="text/html")
        feed.language("en")
        feed.updated(max((_when(h.get("published")) for h in found["hits"]), default=_when(None)))
        bylines = execute.authors(
            es(), alias(), [h["article"]["id"] for h in found["hits"] if kind == QUOTE]
        )
        for hit in reversed(found["hits"]):  # feedgen lists the last added first
            entry = feed.add_entry()
            article_id = hit["id"] if kind == ARTICLE else hit["article"]["id"]
            article = absolute(article_path(article_id))
            entry.updated(_when(hit.get("published")))
            byline = hit.get("author") if kind == ARTICLE else bylines.get(article_id)
            if byline and xml_safe(byline).strip():
                entry.author({"name": xml_safe(byline)})
            if kind == ARTICLE:
                entry.id(article)
                entry.title(xml_safe(hit.get("title") or "") or "(untitled)")
                entry.link(href=article)
                summary = hit.get("lead")
            else:
                entry.id(f"{article}#{hit['id']}")  # as before: readers keep what they have read
                entry.title(xml_safe(f"{_credited(hit)}: {_words(hit, TITLE_WORDS)}"))
                # One link: feedgen 1.0 writes an entry's links without their rel, and two
                # "alternate" links of one type are refused by RFC 4287 §4.1.1. The card shows
                # the quote in its place and links to it, highlighted, in the article.
                entry.link(href=absolute(page_path(article_id, hit["position"])))
                title = hit["article"].get("title") or "an untitled article"
                summary = f"{_words(hit)} — {_credited(hit)}, in “{title}”"
            if summary and xml_safe(summary).strip():
                entry.summary(xml_safe(summary))
        return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")
