"""Opaque cursors for deep paging: where the last page ended (its last hit's sort values) and
which search it belongs to, so a cursor replayed with other parameters is refused rather than
silently paging through something else.
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/paginate-search-results
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace
from typing import Any

from search.query.params import SearchParams


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


def encode(kind: str, params: SearchParams, sort_values: list[Any]) -> str:
    data = json.dumps({"s": fingerprint(kind, params), "a": sort_values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def decode(kind: str, params: SearchParams, cursor: str) -> tuple[Any, ...]:
    """The sort values to search after; BadCursor when it is not this search's."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        after = data["a"]
        given = data["s"]
    except (ValueError, TypeError, KeyError) as error:
        raise BadCursor("not a cursor this API handed out") from error
    if not isinstance(after, list) or not after or len(after) > 4:
        raise BadCursor("not a cursor this API handed out")
    if not all(v is None or isinstance(v, str | int | float) for v in after):
        raise BadCursor("not a cursor this API handed out")
    if given != fingerprint(kind, params):
        raise BadCursor("this cursor belongs to another search: repeat its parameters with it")
    return tuple(after)
