"""What a search asks for, already validated, and the limits every search keeps to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

MAX_QUERY_LENGTH = 1000
MAX_PAGE_SIZE = 50
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's index.max_result_window
FACET_SIZE = 10

Sort = Literal["relevance", "newest", "oldest"]


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet name -> values
    date_from: date | None = None
    date_to: date | None = None
    sort: Sort = "relevance"
    page: int = 1
    size: int = 10
