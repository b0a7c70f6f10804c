"""What a page tells other programs about itself: the card a link shows when it is shared
(OpenGraph, which Facebook, LinkedIn, Slack, Mastodon and messengers read, and Twitter's card,
https://ogp.me), and the OpenSearch description by which a browser offers "search Dateline"
from its address bar (https://github.com/dewitt/opensearch). Every address in them is absolute,
on the configured public address (api/links.py), never the request's Host header."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Response, render_template

from api.links import absolute

TITLE_CHARACTERS = 95  # what link previews show of a title before they cut it themselves
DESCRIPTION_CHARACTERS = 200


def cut(text: str, most: int) -> str:
    """`text` on one line, cut at a word boundary to at most `most` characters."""
    words = " ".join(text.split())
    if len(words) <= most:
        return words
    return words[: most - 1].rsplit(" ", 1)[0].rstrip(",;:·—-") + "…"


def quote_title(said_by: str, text: str, kind: str | None) -> str:
    """A quote as a card's title: whose words, then the words, in quotation marks only when
    verbatim (a paraphrase says so), cut so that the marks and the label survive the cut."""
    label = "" if kind == "direct" else (" (partly quoted)" if kind == "mixed" else " (paraphrase)")
    room = max(30, TITLE_CHARACTERS - len(said_by) - len(label) - 4)
    words = cut(text, room)
    return f"{said_by}: “{words}”" if kind == "direct" else f"{said_by}: {words}{label}"


@dataclass(frozen=True)
class Card:
    """A shared link's card: `kind` is OpenGraph's type (website, article, profile)."""

    title: str
    description: str
    url: str
    kind: str = "website"
    published: str | None = None
    author: str | None = None


def card(
    title: str,
    description: str,
    path: str,
    kind: str = "website",
    published: str | None = None,
    author: str | None = None,
) -> Card:
    """The card of the page at `path` (its canonical address: no search words, no state)."""
    return Card(
        cut(title, TITLE_CHARACTERS),
        cut(description, DESCRIPTION_CHARACTERS),
        absolute(path),
        kind,
        published,
        author,
    )


def opensearch() -> Response:
    """The OpenSearch description every page links to (`<link rel="search">`)."""
    body = render_template("opensearch.xml", base=absolute("/").rstrip("/"))
    return Response(body, content_type="application/opensearchdescription+xml; charset=utf-8")
