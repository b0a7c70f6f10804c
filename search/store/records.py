"""A stored input: a `RawArticle` as JSON, and the digests that tell a new text from the same.

What is kept is the input as Dateline read it (the text or HTML, and the metadata the input
states), not the article extracted from it: a later, better extraction rebuilds from the same
inputs. Workers serialize it (the parent only moves the bytes to the store).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from search.model import RawArticle


def encode_raw(raw: RawArticle) -> bytes:
    data: dict[str, Any] = {
        "source": raw.source,
        "kind": raw.kind,
        "content": raw.content,
        "meta": raw.meta,
        "from_record": raw.from_record,
    }
    if raw.page_id:
        data["page_id"] = raw.page_id
    if raw.warnings:
        data["warnings"] = raw.warnings
    return orjson.dumps(data, default=str)


def decode_raw(data: dict[str, Any]) -> RawArticle:
    return RawArticle(
        source=data["source"],
        kind=data["kind"],
        content=data["content"],
        meta=dict(data.get("meta") or {}),
        warnings=list(data.get("warnings") or []),
        from_record=bool(data.get("from_record")),
        page_id=data.get("page_id"),
    )


def raw_digest(raw: RawArticle) -> str:
    """The input itself: its text and what it states, wherever it was read from."""
    stated = orjson.dumps(
        {"kind": raw.kind, "content": raw.content, "meta": raw.meta},
        option=orjson.OPT_SORT_KEYS,
        default=str,
    )
    return hashlib.blake2b(stated, digest_size=8).hexdigest()


def text_digest(title: str | None, body: str) -> str:
    """The article as read: two inputs with one title and body are one article."""
    return hashlib.blake2b(f"{title or ''}\n{body}".encode(), digest_size=8).hexdigest()
