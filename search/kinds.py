"""The two kinds of document an index holds (an article, and each of its quotes), for the write
path that makes them and the read path that must ask for one kind or the other."""

from __future__ import annotations

from typing import Any, Literal

Kind = Literal["article", "quote"]
ARTICLE: Kind = "article"
QUOTE: Kind = "quote"


def only(kind: Kind) -> dict[str, Any]:
    """The filter that keeps one kind of document."""
    return {"term": {"kind": kind}}
