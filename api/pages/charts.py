"""Counts over time drawn as inline SVG bars: the geometry only, the template draws it.

Elasticsearch leaves out empty periods (`min_doc_count: 1`); a time line must show them, or
March and December look like neighbours, so the gaps are filled with empty bars here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from api.pages.state import day_label, month_label
from search.query.periods import following as _following
from search.query.periods import period
from search.query.periods import start as _start

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


# --- several series on one scale (the compare page) ------------------------------------------

GROUP_GAP = 4  # between one period's bars and the next period's
TICKS = 4  # gridlines above zero


@dataclass(frozen=True)
class GroupBar:
    """One series' bar in one period: its value (a count, or a share), where it is drawn."""

    series: int  # its place in the legend, from 0
    period: int  # its period's place on the axis, from 0
    first: date
    last: date
    value: float
    count: int
    share: float | None
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class Tick:
    value: float
    y: float


@dataclass(frozen=True)
class Grouped:
    bars: tuple[GroupBar, ...]
    ticks: tuple[Tick, ...]  # the scale, from zero up to its top, drawn and written
    width: int
    periods: int
    height: int = HEIGHT


def tick_step(value: float, whole: bool) -> float:
    """A round step between gridlines (1, 2, 2.5 or 5 times a power of ten, and a whole
    number for counts) that reaches `value` in at most `TICKS` steps."""
    wanted = value / TICKS
    if wanted <= 0:
        return 1.0 if whole else 0.01
    power = 10.0 ** math.floor(math.log10(wanted))
    steps = (power * m for m in (1, 2, 2.5, 5, 10) if not whole or (power * m) % 1 == 0)
    found = next((step for step in steps if step >= wanted), power * 10)
    return max(found, 1.0) if whole else found


def grouped(
    series: Sequence[Sequence[tuple[date, date, int, float | None]]], shares: bool
) -> Grouped:
    """Each period's bars side by side, one per series, all on one scale from zero, so a bar
    twice as tall is twice as many (or twice the share): `series` holds, per series, its
    periods (first day, last day, count, share), every series on the same periods."""
    periods = len(series[0]) if series else 0
    values = [[(s or 0.0) if shares else float(n) for _, _, n, s in one] for one in series]
    highest = max((v for one in values for v in one), default=0)
    step_value = tick_step(highest, whole=not shares)
    lines = max(1, math.ceil(highest / step_value))
    top = step_value * lines
    step = len(series) * WIDTH + GROUP_GAP
    width = max(periods * step, step)  # the periods fill the width: the axis' ends are theirs
    offset = GROUP_GAP / 2
    bars = []
    for k, (one, shown) in enumerate(zip(series, values, strict=True)):
        for n, ((first, last, count, share), value) in enumerate(zip(one, shown, strict=True)):
            height = max(value / top * HEIGHT, 1.5) if value else 0.0
            bars.append(
                GroupBar(
                    k,
                    n,
                    first,
                    last,
                    value,
                    count,
                    share,
                    x=round(offset + n * step + k * WIDTH, 2),
                    y=round(HEIGHT - height, 2),
                    height=round(height, 2),
                )
            )
    ticks = tuple(
        Tick(step_value * i, round(HEIGHT - HEIGHT * i / lines, 2)) for i in range(lines + 1)
    )
    return Grouped(tuple(bars), ticks, int(width), periods)
