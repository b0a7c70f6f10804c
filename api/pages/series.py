"""A comparison (search.query.compare) as addresses: its arguments for `/api/compare` and the
`/compare` page, and the search page behind each of its counts, so every bar and cell leads to
the articles (or quotes) it counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from api.pages.state import href
from search.query.compare import MAX_SERIES, Comparison, Series
from search.schema import SPEAKER_FACET

PAGES = {"articles": "/", "quotes": "/quotes"}


def _series_pairs(series: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A series as the search page's arguments: its words, and its speakers by the ids their
    values were read as (so the page filters the same people), its other values as given."""
    pairs = [("q", series["q"])] if series["q"] else []
    ids = [
        p["id"]
        for reading in series["speakers_named"]
        for p in (reading["people"] or reading["candidates"])
    ]
    pairs += [(SPEAKER_FACET.name, i) for i in dict.fromkeys(ids)]
    pairs += [
        (name, value)
        for name, values in series["filters"].items()
        if name != SPEAKER_FACET.name
        for value in values
    ]
    return pairs


def numbered_pairs(series: Series, number: int) -> list[tuple[str, str]]:
    """A series as `/api/compare`'s (and the page's) arguments, under `number`."""
    pairs = [(f"label{number}", series.label)] if series.label else []
    if series.q:
        pairs.append((f"q{number}", series.q))
    pairs += [(f"{name}{number}", v) for name, values in series.filters.items() for v in values]
    return pairs


def comparison_pairs(comparison: Comparison, **changes: str | None) -> list[tuple[str, str]]:
    """The comparison as arguments (its series, measure, interval, dates), with `changes`."""
    pairs = [p for s in comparison.series for p in numbered_pairs(s, s.number)]
    given = {
        "measure": comparison.measure if comparison.measure != "articles" else None,
        "interval": comparison.interval,
        "from": comparison.date_from.isoformat() if comparison.date_from else None,
        "to": comparison.date_to.isoformat() if comparison.date_to else None,
    }
    given.update(changes)
    return pairs + [(k, v) for k, v in given.items() if v]


def linked(comparison: Comparison, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with its links: each count to the search page listing what it counts (the
    series' filters, the period's days), each series to its CSV on the same axis."""
    page = PAGES[comparison.measure]
    bounds = [("from", d.isoformat()) for d in [comparison.date_from] if d]
    bounds += [("to", d.isoformat()) for d in [comparison.date_to] if d]
    for bucket in answer["buckets"]:
        bucket["search"] = href(page, [("from", bucket["from"]), ("to", bucket["to"])])
    first, last = (date.fromisoformat(answer[k]) if answer[k] else None for k in ("from", "to"))
    for series, asked in zip(answer["series"], comparison.series, strict=True):
        pairs = _series_pairs(series)
        series["search"] = href(page, pairs + bounds)
        alone = Comparison(
            (replace(asked, number=1),), comparison.measure, answer["interval"], first, last
        )
        series["csv"] = href("/api/compare", [*comparison_pairs(alone), ("format", "csv")])
        for bucket in series["buckets"]:
            bucket["search"] = href(page, [*pairs, ("from", bucket["from"]), ("to", bucket["to"])])
    return answer


_NOT_SHARED = {SPEAKER_FACET.name, "from", "to", "sort", "size", "page"}


def from_search(pairs: Sequence[tuple[str, str]], people: Sequence[str], quotes: bool) -> str:
    """The compare page for a search that selects several speakers: each person a series of
    their own (up to six), each with the search's words and other filters, over its dates;
    the search itself counts them together."""
    shared = [(k, v) for k, v in pairs if k not in _NOT_SHARED]
    asked: list[tuple[str, str]] = []
    for n, person in enumerate(people[:MAX_SERIES], 1):
        asked += [(f"{SPEAKER_FACET.name}{n}", person), *((f"{k}{n}", v) for k, v in shared)]
    asked += [(k, v) for k, v in pairs if k in ("from", "to")]
    if quotes:
        asked.append(("measure", "quotes"))
    return href("/compare", asked)
