"""Publication dates with their precision, from metadata, the file path, or a dateline plus a year.

An article whose year nobody gave keeps a null date: a dateline's "November 14" is never
completed with the current year.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from search.model import DatePrecision

_ISO = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ].*)?\s*$")
_IN_PATH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_./](?P<m>[01]\d)[-_./](?P<d>[0-3]\d)(?!\d)")

Dated = tuple[date, DatePrecision]


def _make(year: int, month: int | None, day: int | None) -> Dated | None:
    try:
        if day is not None and month is not None:
            return date(year, month, day), "day"
        if month is not None:
            return date(year, month, 1), "month"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


def parse_date(value: object) -> Dated | None:
    """`2016-11-14`, `2016-11`, `2016`, an ISO timestamp, or a date object; None if unreadable."""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if isinstance(value, int) and 1000 <= value <= 9999:
        return _make(value, None, None)
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match is None:
        return None
    month = int(match["m"]) if match["m"] else None
    day = int(match["d"]) if match["d"] else None
    return _make(int(match["y"]), month, day)


def date_in_path(path: str) -> Dated | None:
    """A date written in a file name or folder, e.g. ``tass-2016-11-14-kremlin.txt``."""
    matches = list(_IN_PATH.finditer(path))
    if not matches:
        return None
    last = matches[-1]  # the file name is more specific than a folder
    return _make(int(last["y"]), int(last["m"]), int(last["d"]))


def published_date(
    *,
    given: object = None,
    path: str | None = None,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
) -> tuple[Dated | None, list[str]]:
    """Pick the publication date from the most explicit evidence; report what could not be used.

    Order: a date given in the record or sidecar, a date in the path, then the dateline's month and
    day completed with a year the caller supplied (``--year``).
    """
    warnings: list[str] = []
    if given not in (None, ""):
        parsed = parse_date(given)
        if parsed:
            return parsed, warnings
        warnings.append(f"unreadable published date {given!r} ignored")
    if path:
        parsed = date_in_path(path)
        if parsed:
            return parsed, warnings
    if year is not None:
        dated = _make(year, month, day if month else None)
        if dated is None:
            warnings.append(f"no such date: {year}-{month}-{day}; date left empty")
        return dated, warnings
    if month is not None:
        warnings.append("the dateline gives a month and day but no year: date left empty")
    return None, warnings
