"""Looking inside a compiled Elasticsearch query, for the tests of the query language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(query: Any) -> Iterator[dict[str, Any]]:
    """Every dict inside a compiled query."""
    if isinstance(query, dict):
        yield query
        for value in query.values():
            yield from walk(value)
    elif isinstance(query, list):
        for value in query:
            yield from walk(value)


def found(query: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The bodies of every clause of `kind` ("match", "nested"…), outermost first."""
    return [part[kind] for part in walk(query) if kind in part]
