"""The calendar's periods a time line is cut into (a day, a Monday-to-Sunday week, a month, a
year), as Elasticsearch's `calendar_interval` buckets them, so a bucket's key and the period a
reader is shown are the same days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Period = Literal["day", "week", "month", "year"]


def month_end(day: date) -> date:
    if day.month == 12:  # December 9999 has no following month to count back from
        return date(day.year, 12, 31)
    return date(day.year, day.month + 1, 1) - timedelta(days=1)


def start(day: date, interval: str) -> date:
    """The first day of the period of `interval` that holds `day` (weeks start on Monday)."""
    if interval == "day":
        return day
    if interval == "week":
        return date.fromordinal(max(day.toordinal() - day.weekday(), 1))
    return day.replace(day=1) if interval == "month" else date(day.year, 1, 1)


def period(first: date, interval: str) -> tuple[date, date]:
    """The period of `interval` that starts on `first`."""
    if interval == "day":
        return first, first
    if interval == "week":
        return first, date.fromordinal(min(first.toordinal() + 6, date.max.toordinal()))
    if interval == "month":
        return first, month_end(first)
    return first, date(first.year, 12, 31)


def following(first: date, interval: str) -> date | None:
    """The next period's first day; None after the calendar's last one."""
    last = period(first, interval)[1]
    return None if last == date.max else last + timedelta(days=1)


def count(first: date, last: date, interval: str) -> int:
    """How many periods of `interval` the days `first` to `last` touch."""
    lo, hi = start(first, interval), start(last, interval)
    if interval == "day":
        return (hi - lo).days + 1
    if interval == "week":
        return (hi - lo).days // 7 + 1
    if interval == "month":
        return (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    return hi.year - lo.year + 1
