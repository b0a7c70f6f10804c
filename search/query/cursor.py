"""Opaque cursors for deep paging: where the last page ended (its last hit's sort values) and
which search it belongs to, so a cursor replayed with other parameters is refused rather than
silently paging through something else. Signed with the server's secret (search/signing.py):
a cursor is sort values sent to Elasticsearch as they are, so one not handed out here is refused
before it reaches the engine.
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace
from typing import Any

from search.query.params import SearchParams
from search.signing import TAG_BYTES, tag, verify


class BadCursor(ValueError):
    """The cursor is not one this search handed out."""


def fingerprint(kind: str, params: SearchParams) -> str:
    """The parameters a cursor must be replayed with (all but the page position)."""
    plain = replace(params, page=1, after=None, explain=False)
    described = json.dumps(
        [
            kind,
            plain.q,
            sorted(plain.filters.items()),
            str(plain.date_from),
            str(plain.date_to),
            plain.sort,
            plain.size,
        ],
        ensure_ascii=False,
    )
    return hashlib.blake2b(described.encode(), digest_size=6).hexdigest()


PURPOSE = "cursor"
NOT_OURS = "not a cursor this API handed out"


def encode(kind: str, params: SearchParams, sort_values: list[Any]) -> str:
    data = json.dumps({"s": fingerprint(kind, params), "a": sort_values}, separators=(",", ":"))
    signed = data.encode() + tag(data.encode(), PURPOSE)
    return base64.urlsafe_b64encode(signed).decode().rstrip("=")


def decode(kind: str, params: SearchParams, cursor: str) -> tuple[Any, ...]:
    """The sort values to search after; BadCursor when it is not this search's."""
    try:
        signed = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
    except ValueError as error:
        raise BadCursor(NOT_OURS) from error
    raw, signature = signed[:-TAG_BYTES], signed[-TAG_BYTES:]
    if len(signed) <= TAG_BYTES or not verify(raw, signature, PURPOSE):
        raise BadCursor(NOT_OURS)
    try:
        data = json.loads(raw)
        after = data["a"]
        given = data["s"]
    except (ValueError, TypeError, KeyError) as error:
        raise BadCursor(NOT_OURS) from error
    if not isinstance(after, list) or not after or len(after) > 4:
        raise BadCursor(NOT_OURS)
    if not all(v is None or isinstance(v, str | int | float) for v in after):
        raise BadCursor(NOT_OURS)
    if given != fingerprint(kind, params):
        raise BadCursor("this cursor belongs to another search: repeat its parameters with it")
    return tuple(after)
