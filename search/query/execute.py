"""Asking Elasticsearch: the request built by `body`, the answer shaped by `shape`."""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch

from search.query.body import build, suggest_body
from search.query.params import SearchParams
from search.query.shape import search_result, suggestions


def search(es: Elasticsearch, index: str, params: SearchParams) -> dict[str, Any]:
    body = build(params)
    body["from_"] = body.pop("from")  # the client's spelling of the reserved word
    return search_result(es.search(index=index, **body).body, params)


def suggest(es: Elasticsearch, index: str, prefix: str, size: int) -> list[str]:
    return suggestions(es.search(index=index, **suggest_body(prefix, size)).body)
