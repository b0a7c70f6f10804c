"""Main text and metadata of a news web page, through trafilatura and htmldate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date

# Where a page states its own publication date: the <head> (meta tags, JSON-LD) and <time>.
_DATED_PARTS = re.compile(r"<head\b.*?</head>|<time\b[^>]*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Page:
    title: str | None
    text: str
    meta: dict[str, Any]  # author, published, url, sitename: only what the page states


def published(html: str) -> str | None:
    """The date the page says it was published, or None.

    Only the page's metadata is read: a date written in the story ("the 2016-11-14 vote") is
    not the day the story appeared, and htmldate would otherwise take it.
    """
    stated = "".join(_DATED_PARTS.findall(html))
    if not stated:
        return None
    return find_date(f"<html>{stated}</html>", extensive_search=False, original_date=True)


def html_to_text(html: str) -> Page:
    """Boilerplate (menus, share buttons, related links, comments) is left out of `text`."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None:
        return Page(None, "", {})
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {
        "author": data.get("author"),
        "published": published(html),
        "url": data.get("url"),
        "sitename": data.get("sitename"),
    }
    title = data.get("title")
    paragraphs = [line for line in (data.get("text") or "").splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]  # the page's <h1> repeats its title
    text = "\n\n".join(paragraphs)
    return Page(title, text, {k: v for k, v in meta.items() if v})
