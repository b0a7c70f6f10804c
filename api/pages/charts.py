"""Counts over time drawn as inline SVG bars: the geometry only, the template draws it.

Elasticsearch leaves out empty periods (`min_doc_count: 1`); a time line must show them, or
March and December look like neighbours, so the gaps are filled with empty bars here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from api.pages.state import day_label, month_end, month_label

HEIGHT = 60  # the drawing's height in SVG units; CSS decides its size on screen
STEP = 10  # one bar and the gap after it
WIDTH = 8
MIN_BARS = 24  # fewer bars are centred in a drawing this wide, so one bar is not a slab
MAX_BARS = 400  # a reader cannot tell more apart; beyond this the empty ones are not filled
Span = tuple[date | None, date | None]


@dataclass(frozen=True)
class Bar:
    first: date
    last: date
    count: int
    selected: bool = False
    x: float = 0
    y: float = 0
    height: float = 0

    @property
    def label(self) -> str:
        if self.first == self.last:
            return day_label(self.first)
        if self.first.month == 1 and self.last == date(self.first.year, 12, 31):
            return str(self.first.year)
        return month_label(self.first)


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    interval: str
    width: int
    height: int = HEIGHT

    @property
    def top(self) -> int:
        return max((b.count for b in self.bars), default=0)

    @property
    def total(self) -> int:
        return sum(b.count for b in self.bars)


def period(first: date, interval: str) -> tuple[date, date]:
    """The period of `interval` that starts on `first`."""
    if interval == "day":
        return first, first
    if interval == "month":
        return first, month_end(first)
    return first, date(first.year, 12, 31)


def _following(first: date, interval: str) -> date | None:
    """The next period's first day; None after the calendar's last one."""
    last = period(first, interval)[1]
    return None if last == date.max else last + timedelta(days=1)


def _start(day: date, interval: str) -> date:
    """The first day of the period of `interval` that holds `day`."""
    if interval == "day":
        return day
    return day.replace(day=1) if interval == "month" else date(day.year, 1, 1)


def _filled(bars: list[Bar], interval: str, cover: Span) -> list[Bar]:
    """Every period from the first bar to the last, and over the whole of `cover`."""
    if not bars:
        return []
    by_start = {b.first: b for b in bars}
    starts = [bars[0].first, bars[-1].first]
    starts += [_start(day, interval) for day in cover if day is not None]
    filled: list[Bar] = []
    end = max(starts)
    following: date | None = min(starts)
    while following is not None and following <= end and len(filled) < MAX_BARS:
        first, last = period(following, interval)
        filled.append(by_start.get(following) or Bar(first, last, 0))
        following = _following(following, interval)
    return filled if len(filled) < MAX_BARS else bars


def chart(bars: Iterable[Bar], interval: str, cover: Span = (None, None)) -> Chart:
    """Bars in time order, gaps filled (and the chosen range `cover` drawn whole), each placed:
    the tallest reaches the top, and a count of one stays visible however tall the tallest."""
    placed = _filled(sorted(bars, key=lambda b: b.first), interval, cover)
    top = max((b.count for b in placed), default=0)
    width = max(len(placed), MIN_BARS) * STEP
    offset = (width - len(placed) * STEP) / 2
    drawn = []
    for n, bar in enumerate(placed):
        height = max(bar.count / top * (HEIGHT - 2), 3) if bar.count and top else 1
        drawn.append(
            Bar(
                bar.first,
                bar.last,
                bar.count,
                bar.selected,
                x=round(offset + n * STEP + (STEP - WIDTH) / 2, 2),
                y=round(HEIGHT - height, 2),
                height=round(height, 2),
            )
        )
    return Chart(tuple(drawn), interval, width)


def from_facet(
    buckets: Iterable[Mapping[str, Any]], interval: str, cover: Span = (None, None)
) -> Chart:
    """The search's date facet: bars with the range each filters to."""
    return chart(
        (
            Bar(
                date.fromisoformat(b["from"]),
                date.fromisoformat(b["to"]),
                b["count"],
                b["selected"],
            )
            for b in buckets
        ),
        interval,
        cover,
    )


def from_profile(
    buckets: Iterable[Mapping[str, Any]], interval: str, chosen: Span = (None, None)
) -> Chart:
    """A speaker's quotes over time: each bucket's value is the first day of its period;
    bars inside the `chosen` range (the list's own dates) are marked."""
    lo, hi = chosen
    bars = []
    for b in buckets:
        first, last = period(date.fromisoformat(b["value"]), interval)
        inside = (
            (lo is not None or hi is not None)
            and (lo or date.min) <= first
            and last <= (hi or date.max)
        )
        bars.append(Bar(first, last, b["count"], inside))
    return chart(bars, interval)
