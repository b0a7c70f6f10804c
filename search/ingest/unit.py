"""The unit of work of a read: one article not yet read, cheap to send to a worker process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from search.model import RawArticle


@dataclass(frozen=True)
class Unit:
    """One article not yet read: a file, or one raw line of a JSON Lines file; or one already
    read where its container had to be (a WARC record, a feed entry, an input from the store).

    Cheap to make and to send to a worker process, which reads it (`search.ingest.read`).
    """

    source: str
    path: Path
    line: bytes | None = None
    raw: RawArticle | None = None
    year: int | None = None  # the `--year` it was first read with (an input from the store)
