"""Series compared over one time axis (`/api/compare`, the `/compare` page): up to six searches,
each words in the query language, speakers read over the people registry, any facet's values, or
a combination, counted per period beside everything the archive holds in that period, so each
count is also a share. Requests are built and answers shaped here, pure;
`search.query.execute.compare` sends them, every series and the denominator in one multi-search.

What is counted (`measure`): `articles` (an article holding the words, or quoting the speaker,
counts once however often it does) or `quotes` (each quote: the speaker's own words, or the
quotes holding the words). A share's denominator is of the same kind: every article (every
quote) of the archive dated in that period, within the comparison's bounds. Every count is
exact: date histograms and `track_total_hits`, no sampling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from search.query.body import (
    Selection,
    article_query,
    date_histogram,
    filters,
    quote_query,
    window_filter,
)
from search.query.params import SearchParams, interval_for
from search.query.periods import Period, count, following, period, start
from search.schema import ARTICLE, FACETS_BY_NAME, PUBLISHED, QUOTE, SPEAKER_FACET, Kind

MAX_SERIES = 6
MAX_BUCKETS = 400  # periods on one axis: beyond, bars are thinner than a pixel on a page
Measure = Literal["articles", "quotes"]
MEASURES: tuple[Measure, ...] = ("articles", "quotes")
INTERVALS: tuple[Period, ...] = ("day", "week", "month", "year")
KINDS: Mapping[Measure, Kind] = {"articles": ARTICLE, "quotes": QUOTE}
Window = tuple[date, date] | None


class CompareError(ValueError):
    """A comparison that cannot be drawn as asked: the argument to blame, and why."""

    def __init__(
        self, argument: str, message: str, value: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.argument = argument
        self.message = message
        self.value = value  # the value blamed, when the argument has several
        self.suggestions = list(suggestions)


@dataclass(frozen=True)
class Series:
    """One series: words, facet values (facet name -> values, any of which), a label."""

    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    label: str = ""
    number: int = 1  # its place in the request (`q2`, `speaker2`…), for errors


@dataclass(frozen=True)
class Comparison:
    series: tuple[Series, ...]
    measure: Measure = "articles"
    interval: Period | None = None  # None: chosen from the span
    date_from: date | None = None
    date_to: date | None = None

    @property
    def kind(self) -> Kind:
        return KINDS[self.measure]

    def params(self, series: Series | None = None) -> SearchParams:
        """A series (None: everything, the denominator) as a search within the bounds."""
        if series is None:
            return SearchParams(date_from=self.date_from, date_to=self.date_to)
        return SearchParams(
            q=series.q,
            filters=dict(series.filters),
            date_from=self.date_from,
            date_to=self.date_to,
        )


# --- requests --------------------------------------------------------------------------------


def counted_query(params: SearchParams, chosen: Selection, kind: Kind) -> dict[str, Any]:
    """What a search of `kind` matches, as a filter: the same documents its page lists, no
    score."""
    query = (
        article_query(params, chosen, quotes_shown=False)
        if kind == ARTICLE
        else quote_query(params)
    )
    return {"bool": {"filter": [query, *filters(params, chosen, kind)]}}


def count_body(query: dict[str, Any], interval: Period, window: Window = None) -> dict[str, Any]:
    """Matches counted by period, with their total and their first and last day."""
    if window:
        query = {"bool": {"filter": [query, window_filter(window)]}}
    return {
        "size": 0,
        "track_total_hits": True,
        "query": query,
        "aggs": {
            "values": date_histogram(interval),
            "first": {"min": {"field": PUBLISHED.path, "format": "strict_date"}},
            "last": {"max": {"field": PUBLISHED.path, "format": "strict_date"}},
        },
    }


def bodies(
    comparison: Comparison, chosen: Sequence[Selection], interval: Period, window: Window = None
) -> list[dict[str, Any]]:
    """One body per series, in order, then the denominator's: every document of the kind."""
    kind = comparison.kind
    found = [
        count_body(counted_query(comparison.params(s), selected, kind), interval, window)
        for s, selected in zip(comparison.series, chosen, strict=True)
    ]
    found.append(count_body(counted_query(comparison.params(), {}, kind), interval, window))
    return found


# --- the axis --------------------------------------------------------------------------------


def _bounded(comparison: Comparison) -> tuple[date, date] | None:
    if comparison.date_from and comparison.date_to:
        return comparison.date_from, comparison.date_to
    return None


def _checked(interval: Period, first: date, last: date) -> Period:
    periods = count(first, last, interval)
    if periods > MAX_BUCKETS:
        raise CompareError(
            "interval",
            f"{interval} by {interval} from {first} to {last} is {periods:,} periods, more than "
            f"{MAX_BUCKETS} can be drawn: choose a longer interval or fewer dates",
            interval,
        )
    return interval


def first_ask(comparison: Comparison) -> Period:
    """The periods of the first request: with both bounds, the interval itself (chosen from
    them when not given); else months, or the interval asked when months add up to it, so the
    usual comparison is one request and the span of the data says what else is needed."""
    bounds = _bounded(comparison)
    if bounds:
        return _checked(comparison.interval or interval_for(*bounds), *bounds)
    return "year" if comparison.interval == "year" else "month"


@dataclass(frozen=True)
class Counted:
    """One answer read: matches by period start, their total, their first and last day."""

    by_period: dict[date, int]
    total: int
    first: date | None
    last: date | None

    @property
    def undated(self) -> int:
        """Matches with no date: in the total, in no period."""
        return self.total - sum(self.by_period.values())


def read(answer: Mapping[str, Any]) -> Counted:
    aggs = answer["aggregations"]
    by_period = {
        date.fromisoformat(b["key_as_string"]): b["doc_count"] for b in aggs["values"]["buckets"]
    }
    first, last = aggs["first"].get("value_as_string"), aggs["last"].get("value_as_string")
    return Counted(
        by_period,
        answer["hits"]["total"]["value"],
        date.fromisoformat(first) if first else None,
        date.fromisoformat(last) if last else None,
    )


def axis(comparison: Comparison, series: Sequence[Counted]) -> tuple[date, date] | None:
    """The days the axis covers: the bounds given, else the span of every series' matches."""
    lo = comparison.date_from or min((c.first for c in series if c.first), default=None)
    hi = comparison.date_to or max((c.last for c in series if c.last), default=None)
    return (lo, hi) if lo and hi and lo <= hi else None


def settle(comparison: Comparison, asked: Period, span: tuple[date, date] | None) -> Period:
    """The interval drawn, once the span is known: the one asked for, else chosen from it."""
    if _bounded(comparison) or span is None:
        return comparison.interval or asked
    return _checked(comparison.interval or interval_for(*span), *span)


def needs_another(asked: Period, interval: Period) -> bool:
    """Whether the first answer's periods cannot be summed into the interval drawn (days and
    weeks from months): then one more request asks for them over the span."""
    return not (asked == interval or (asked == "month" and interval == "year"))


def window(span: tuple[date, date], interval: Period) -> tuple[date, date]:
    """The whole periods the span touches, so the first and last are counted whole."""
    return start(span[0], interval), period(start(span[1], interval), interval)[1]


def rolled(counted: Counted, interval: Period) -> dict[date, int]:
    """Counts summed into the periods of `interval` (months into years)."""
    out: dict[date, int] = {}
    for day, n in counted.by_period.items():
        key = start(day, interval)
        out[key] = out.get(key, 0) + n
    return out


def periods(comparison: Comparison, span: tuple[date, date], interval: Period) -> list[Slot]:
    """Every period of the axis in order, each clamped to the bounds (a week or a month cut by
    `from` or `to` shows, and links to, only its days inside them)."""
    found: list[Slot] = []
    at: date | None = start(span[0], interval)
    last_start = start(span[1], interval)
    while at is not None and at <= last_start:
        first, last = period(at, interval)
        shown = (
            max(first, comparison.date_from) if comparison.date_from else first,
            min(last, comparison.date_to) if comparison.date_to else last,
        )
        found.append(Slot(at, *shown))
        at = following(at, interval)
    return found


@dataclass(frozen=True)
class Slot:
    """A period of the axis: the key its counts are under, and the days it covers."""

    key: date
    first: date
    last: date


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def shaped(
    comparison: Comparison,
    interval: Period,
    span: tuple[date, date] | None,
    counts: Sequence[dict[date, int]],
    undated: Sequence[int],
    described: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The answer: the axis with the denominator per period, and each series' counts and
    shares on it, with its totals. `counts` are the series' then the denominator's, by period;
    `described` says, per series, its label and how its speakers were read."""
    axis_periods = periods(comparison, span, interval) if span else []
    totals = [counts[-1].get(p.key, 0) for p in axis_periods]
    buckets: list[dict[str, Any]] = [
        {"from": p.first.isoformat(), "to": p.last.isoformat(), "total": n}
        for p, n in zip(axis_periods, totals, strict=True)
    ]
    whole = sum(totals)
    series = []
    for s, by_period, missing, about in zip(
        comparison.series, counts[:-1], undated, described, strict=True
    ):
        mine = [by_period.get(p.key, 0) for p in axis_periods]
        total = sum(mine)
        series.append(
            {
                "number": s.number,
                **about,
                "q": s.q,
                "filters": {name: list(values) for name, values in s.filters.items()},
                "total": total,
                "share": share(total, whole),
                "undated": missing,
                "buckets": [
                    {"from": b["from"], "to": b["to"], "count": n, "share": share(n, all_then)}
                    for b, n, all_then in zip(buckets, mine, totals, strict=True)
                ],
            }
        )
    return {
        "measure": comparison.measure,
        "interval": interval,
        "from": buckets[0]["from"] if buckets else None,
        "to": buckets[-1]["to"] if buckets else None,
        "total": whole,
        "buckets": buckets,
        "series": series,
    }


def label(series: Series, named: Sequence[Mapping[str, Any]]) -> str:
    """The series' own label, else what it asks in words: the people its speakers name, its
    other values, its words in quotation marks."""
    if series.label:
        return series.label
    parts = []
    for reading in named:
        people = reading["people"] or reading["candidates"]
        parts.append(" or ".join(p["name"] for p in people) or reading["value"])
    parts += [
        f"{FACETS_BY_NAME[name].singular}: {' or '.join(values)}"
        for name, values in series.filters.items()
        if name != SPEAKER_FACET.name and name in FACETS_BY_NAME
    ]
    if series.q:
        parts.append(f"“{series.q}”")
    return " · ".join(parts) or "everything"


def unknown_speaker(number: int, value: str, rule: str, suggestions: Sequence[str]) -> CompareError:
    """A speaker value that names nobody: the series compares nothing, so it is refused."""
    message = f"nobody in the archive is named “{value}”"
    if rule.startswith("not a person"):  # "not a person (organization)"
        kind = rule[rule.find("(") + 1 : rule.rfind(")")]
        message = f"“{value}” names no person: the archive knows it as {kind}"
    if suggestions:
        message += f"; did you mean {' or '.join(suggestions)}?"
    return CompareError(f"speaker{number}", message, value, suggestions)
