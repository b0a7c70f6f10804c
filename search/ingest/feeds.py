"""RSS 2.0 and Atom feeds, and news sitemaps: each entry one article, with the title, address,
date and author the file states (they win over what extraction finds).

A feed entry's text is its full content where the feed carries it (`content:encoded`, Atom's
`content`), else its summary (said in a warning). A sitemap lists pages without their text, as
does a feed entry with neither: with `--fetch` the page is fetched from its address
(search.ingest.fetch), otherwise the entry is rejected with the reason. The page's address gives
the article's id, so a feed entry, a sitemap entry and a crawled WARC page of one address are
one article.
https://www.rssboard.org/rss-specification, https://www.rfc-editor.org/rfc/rfc4287,
https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser

from search.ingest.fetch import Fetcher
from search.ingest.pages import page_id
from search.ingest.unit import Unit
from search.model import RawArticle, Rejected

FEED_SUFFIXES = {".rss", ".atom"}
XML_SUFFIXES = {".xml", ".rss", ".atom"}
MAX_FEED_BYTES = 64 * 1024 * 1024
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF|urlset|sitemapindex)\b")


def xml_kind(head: bytes) -> str | None:
    """`feed`, `sitemap` or `sitemapindex` by the file's first element; None for other XML."""
    found = _ROOT.search(head)
    if found is None:
        return None
    root = found.group(1).decode()
    return {"rss": "feed", "feed": "feed", "RDF": "feed"}.get(
        root, root.replace("urlset", "sitemap")
    )


def _page(html_text: str, title: str | None) -> str:
    """A feed's HTML fragment as a page the HTML reader takes in whole."""
    heading = f"<title>{html.escape(title)}</title>" if title else ""
    return f"<html><head>{heading}</head><body><article>{html_text}</article></body></html>"


def _date(entry: Any) -> str | None:
    """The entry's date as written (RSS: RFC 822, Atom: ISO 8601), its own day kept."""
    for key in ("published", "updated"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError):
            return str(value)
    return None


def _text(entry: Any) -> tuple[str | None, list[str]]:
    for content in entry.get("content") or []:
        if str(content.get("value") or "").strip():
            return str(content["value"]), []
    summary = entry.get("summary")
    if summary and summary.strip():
        return str(summary), ["the feed gives only a summary of this entry"]
    return None, []


def _unit(
    path: Path,
    source: str,
    address: str | None,
    text: str | None,
    meta: dict[str, Any],
    warnings: list[str],
    fetcher: Fetcher | None,
    missing: str,
) -> Unit | Rejected:
    """An entry as an article: its own text, else its page fetched, else why there is none."""
    if text is None:
        if fetcher is None or not address:
            hint = f" (--fetch reads it from {address})" if address else ""
            return Rejected(source, missing + hint)
        fetched = fetcher.page(address)
        if isinstance(fetched, str):
            return Rejected(source, fetched)
        text, warnings = fetched.content, warnings + fetched.warnings
    else:
        text = _page(text, meta.get("title"))
    meta = {key: value for key, value in meta.items() if value}
    raw = RawArticle(source, "html", text, meta, warnings, from_record=True)
    raw.page_id = page_id(address) if address else None
    return Unit(source, path, raw=raw)


def feed_units(path: Path, data: bytes, fetcher: Fetcher | None) -> Iterator[Unit | Rejected]:
    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        yield Rejected(str(path), f"not a readable feed: {parsed.get('bozo_exception')}")
        return
    for number, entry in enumerate(parsed.entries, 1):
        text, warnings = _text(entry)
        address = entry.get("link") or entry.get("id")
        meta = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": _date(entry),
            "author": entry.get("author"),
        }
        missing = "the feed gives no text for this entry"
        yield _unit(path, f"{path}#{number}", address, text, meta, warnings, fetcher, missing)


def _child(element: ET.Element, *names: str) -> str | None:
    for name in names:
        found = element.find(name)
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None


def sitemap_units(path: Path, fetcher: Fetcher | None) -> Iterator[Unit | Rejected]:
    """Each `<url>` of a (news) sitemap, streamed: a sitemap may list 50,000 addresses."""
    number = 0
    try:
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag != f"{_SITEMAP}url":
                continue
            number += 1
            address = _child(element, f"{_SITEMAP}loc")
            news = element.find(f"{_NEWS}news")
            meta: dict[str, Any] = {"url": address}
            if news is not None:
                meta["title"] = _child(news, f"{_NEWS}title")
                meta["published"] = _child(news, f"{_NEWS}publication_date")
                meta["publisher"] = _child(news, f"{_NEWS}publication/{_NEWS}name")
            element.clear()
            missing = "a sitemap gives the address of a page, not its text"
            yield _unit(path, f"{path}#{number}", address, None, meta, [], fetcher, missing)
    except ET.ParseError as error:
        yield Rejected(f"{path}#{number + 1}", f"not a readable sitemap: {error}")
