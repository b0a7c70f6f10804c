"""Main text and metadata of a news web page, through trafilatura and htmldate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import trafilatura


@dataclass(frozen=True)
class Page:
    title: str | None
    text: str
    meta: dict[str, Any]  # author, published, url, sitename: only what the page states


def html_to_text(html: str) -> Page:
    """Boilerplate (menus, share buttons, related links, comments) is left out of `text`."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # htmldate must not fall back to today's date when the page gives none.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return Page(None, "", {})
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {
        "author": data.get("author"),
        "published": data.get("date"),
        "url": data.get("url"),
        "sitename": data.get("sitename"),
    }
    title = data.get("title")
    paragraphs = [line for line in (data.get("text") or "").splitlines() if line.strip()]
    if title and paragraphs and paragraphs[0].strip() == title.strip():
        paragraphs = paragraphs[1:]  # the page's <h1> repeats its title
    text = "\n\n".join(paragraphs)
    return Page(title, text, {k: v for k, v in meta.items() if v})
