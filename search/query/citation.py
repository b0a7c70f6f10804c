"""One quote as a card to cite: the quote, whose words they are and how they were said, the
sentences around it, the article it is from, and a citation in plain text, CSL-JSON (what Zotero
and pandoc read) and RIS (EndNote, Mendeley). Pure: the request and the answer are shaped here.

A quote is addressed by its article's id and its place among that article's quotes, as the
article page anchors it (`#q<position>`).
https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from search.index.documents import quote_doc_id
from search.query.shape import shown_fields
from search.schema import (
    AGENCY,
    AUTHOR,
    OUTLET,
    PUBLISHER,
    QUOTE_HIT,
    TITLE,
    URL,
    shown,
)

_ARTICLE_SOURCE = [f.path for f in (TITLE, URL, OUTLET, PUBLISHER, AGENCY, AUTHOR)]
_QUOTE_SOURCE = [f.path for f in shown(QUOTE_HIT)]
_MAX_WORDS = 60  # a citation's note quotes at most this many words


def article_path(article_id: str) -> str:
    """The article's own page (the quote's card links to it, the CSV export's rows too)."""
    return f"/articles/{quote(article_id, safe='')}"


def page_path(article_id: str, position: int) -> str:
    """The quote's own page, its permalink (the API's card is the same under /api)."""
    return f"/quotes/{quote(article_id, safe='')}/{position}"


def card_body(article_id: str, position: int) -> dict[str, Any]:
    """One multi-get: the quote's document and its article's."""
    return {
        "docs": [
            {"_id": quote_doc_id(article_id, position), "_source": list(_QUOTE_SOURCE)},
            {"_id": article_id, "_source": list(_ARTICLE_SOURCE)},
        ]
    }


def said_by(card: dict[str, Any]) -> str:
    """Whose words these are, as a reader reads it: "Jason Miller, for Donald Trump"."""
    name = card["speaker"]["name"] or card.get("description") or "speaker uncertain"
    principal = card.get("on_behalf_of")
    return f"{name}, for {principal['name']}" if principal else name


def _words(card: dict[str, Any]) -> str:
    """The quote as cited: in quotation marks only when verbatim, cut at `_MAX_WORDS`."""
    words = card["text"].split()
    text = " ".join(words[:_MAX_WORDS]) + (" …" if len(words) > _MAX_WORDS else "")
    return f"“{text}”" if card["type"] == "direct" else f"{text} (paraphrase)"


def _outlet(article: dict[str, Any]) -> str | None:
    """By its name ("USA Today", not the slug "usa-today"; search.outlets)."""
    return article.get("outlet") or article.get("publisher") or article.get("agency")


def _issued(card: dict[str, Any]) -> list[int]:
    """The date's parts as far as they are known: [year, month, day], [year, month], [year] or
    none (an article's date may be known to the month or the year only)."""
    if not card.get("published"):
        return []
    day = date.fromisoformat(card["published"])
    known = {"year": 1, "month": 2}.get(card.get("date_precision") or "", 3)
    return [day.year, day.month, day.day][:known]


def _spelled(parts: list[int]) -> str:
    """[2031, 5, 13] as "13 May 2031", [2031, 5] as "May 2031"."""
    month = date(2000, parts[1], 1).strftime("%B") if len(parts) > 1 else ""
    return " ".join(str(p) for p in ([*parts[2:], month, parts[0]]) if p)


def citation_text(card: dict[str, Any]) -> str:
    """One paragraph to paste: who, what, in which article, where and when, and where to see it."""
    article, issued = card["article"], _issued(card)
    parts = [f"{said_by(card)}: {_words(card)}"]
    parts.append(f"In “{article['title']}”" if article.get("title") else "In an untitled article")
    if _outlet(article):
        parts.append(str(_outlet(article)))
    if issued:
        parts.append(_spelled(issued))
    if article.get("url"):
        parts.append(article["url"])
    return ". ".join(parts) + f". Quote: {card['permalink']}"


def csl(card: dict[str, Any]) -> dict[str, Any]:
    """The article as a CSL-JSON item, the quote in its note."""
    article, issued = card["article"], _issued(card)
    item: dict[str, Any] = {
        "id": card["id"],
        "type": "article-newspaper",
        "title": article.get("title") or "(untitled)",
        "note": f"{said_by(card)}: {_words(card)}",
    }
    if _outlet(article):
        item["container-title"] = _outlet(article)
    if article.get("author"):
        item["author"] = [{"literal": article["author"]}]
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if article.get("url"):
        item["URL"] = article["url"]
    return item


def ris(card: dict[str, Any]) -> str:
    """The same as RIS: a tag a line, the quote as a note, ended by `ER`."""
    article, issued = card["article"], _issued(card)
    lines = [("TY", "NEWS"), ("TI", article.get("title") or "(untitled)")]
    if _outlet(article):
        lines.append(("T2", str(_outlet(article))))
    if article.get("author"):
        lines.append(("AU", article["author"]))
    if issued:
        padded = [f"{issued[0]:04d}", *(f"{p:02d}" for p in issued[1:]), "", ""]
        lines += [("PY", padded[0]), ("DA", "/".join(padded[:3]) + "/")]
    if article.get("url"):
        lines.append(("UR", article["url"]))
    lines += [("N1", f"{said_by(card)}: {_words(card)} ({card['permalink']})"), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def card(
    response: dict[str, Any], article_id: str, position: int, permalink: str
) -> dict[str, Any] | None:
    """The quote's card from the multi-get's answer; None when there is no such quote."""
    quote, article = response["docs"]
    if not quote.get("found") or not article.get("found"):
        return None
    source = quote["_source"]
    shaped: dict[str, Any] = {
        **shown_fields(source, QUOTE_HIT),
        "text": source.get("text") or "",
        "context": source.get("context"),
        "article": {
            "id": article_id,
            **{path: article["_source"].get(path) for path in _ARTICLE_SOURCE},
        },
        "permalink": permalink,
    }
    shaped["citation"] = {"text": citation_text(shaped), "csl": csl(shaped), "ris": ris(shaped)}
    return shaped
