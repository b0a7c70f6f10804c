"""What a search asks for, already validated, and the limits every search keeps to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

MAX_QUERY_LENGTH = 1000
MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window: deeper goes by cursor
FACET_SIZE = 10
MAX_FACET_VALUES = 100  # one facet's values asked for at a time (`/api/facets/<facet>`)
INNER_QUOTES = 3  # a hit's matching quotes shown with it

Sort = Literal["relevance", "newest", "oldest"]
Interval = Literal["day", "month", "year"]


@dataclass(frozen=True)
class SearchParams:
    """A search of articles or of quotes: the same filters, the same query language."""

    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet name -> values
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    page: int = 1
    size: int = 10
    after: tuple[Any, ...] | None = None  # from a cursor: the sort values of the last hit seen
    explain: bool = False


EXCLUDED = "-"  # a facet value so marked is excluded: "-us", not datelined in the United States


def is_excluded(value: str) -> bool:
    return len(value) > 1 and value.startswith(EXCLUDED)


def split_excluded(values: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """A facet's values as (selected, excluded), the exclusion mark taken off the latter."""
    wanted = [v for v in values if not is_excluded(v)]
    unwanted = [v[len(EXCLUDED) :] for v in values if is_excluded(v)]
    return wanted, unwanted


def interval_for(first: date, last: date) -> Interval:
    """Bars a reader can tell apart: days over two months, months over six years, else years."""
    days = (last - first).days
    if days <= 62:
        return "day"
    return "month" if days <= 6 * 366 else "year"
