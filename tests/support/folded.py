"""Documents written by hand for tests, given the folded twins (search.schema.folded_twin)
that `dateline reindex` adds to every searched text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from search.folding import fold
from search.schema import folded


def with_folded(document: Mapping[str, Any], at: str = "") -> dict[str, Any]:
    """`document` with a folded twin beside each text field that has one, nested ones too."""
    out: dict[str, Any] = {}
    for key, value in document.items():
        path = f"{at}.{key}" if at else key
        if isinstance(value, Mapping):
            out[key] = with_folded(value, path)
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            out[key] = [with_folded(item, path) for item in value]
        else:
            out[key] = value
            twin = folded(path) if isinstance(value, str) else None
            if twin:
                out[twin.rpartition(".")[2]] = fold(value)
    return out
