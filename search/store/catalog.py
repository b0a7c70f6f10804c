"""The store's catalog: which record holds what, in SQLite beside the segments.

The segments are the truth; the catalog is what makes them quick to ask (the latest version of
an id, whether an id or a text was removed, which records a replay reads) without decompressing
them. Every row names the segment, offset and length of its record, and carries the fields a
decision needs; `rebuild` makes the catalog again from the segments alone.
https://www.sqlite.org/wal.html (readers do not wait for the writer, nor the writer for them)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    op TEXT NOT NULL,               -- 'put' (an input accepted) or 'remove' (a tombstone)
    id TEXT NOT NULL,
    version INTEGER,                -- puts: 1 for the first text of an id, then 2, 3, ...
    digest TEXT,                    -- the extracted title and body
    raw_digest TEXT,                -- the input as read
    at TEXT NOT NULL,
    by TEXT,
    command TEXT,
    note TEXT,                      -- why: a removal's reason, or what `--note` said
    segment TEXT NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_id ON records (id, seq);
CREATE INDEX IF NOT EXISTS records_digest ON records (digest);
"""
_COLUMNS = (
    "seq",
    "op",
    "id",
    "version",
    "digest",
    "raw_digest",
    "at",
    "by",
    "command",
    "note",
    "segment",
    "offset",
    "length",
)
# The newest put of each id that was never removed: what a replay rebuilds, oldest first.
_LIVE = """
SELECT {columns} FROM records
WHERE seq IN (SELECT max(seq) FROM records WHERE op = 'put' GROUP BY id)
  AND id NOT IN (SELECT id FROM records WHERE op = 'remove')
ORDER BY seq
"""


@dataclass(frozen=True)
class Row:
    seq: int
    op: str
    id: str
    version: int | None
    digest: str | None
    raw_digest: str | None
    at: str
    by: str | None
    command: str | None
    note: str | None
    segment: str
    offset: int
    length: int

    @classmethod
    def of(cls, values: tuple[Any, ...]) -> Row:
        return cls(*values)

    def fields(self) -> dict[str, Any]:
        """The row as the record's header holds it (no place in a segment)."""
        return {
            name: getattr(self, name)
            for name in _COLUMNS[:-3]
            if getattr(self, name) is not None or name in ("seq", "op", "id", "at")
        }


class Catalog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, *args: Any) -> list[Row]:
        return [Row.of(values) for values in self._db.execute(sql, args)]

    def latest(self, article_id: str) -> Row | None:
        """The newest put of `article_id`."""
        rows = self._rows(
            f"SELECT {', '.join(_COLUMNS)} FROM records WHERE id = ? AND op = 'put' "
            "ORDER BY seq DESC LIMIT 1",
            article_id,
        )
        return rows[0] if rows else None

    def history(self, article_id: str) -> list[Row]:
        """Every record of `article_id`, oldest first: its versions and its removal."""
        return self._rows(
            f"SELECT {', '.join(_COLUMNS)} FROM records WHERE id = ? ORDER BY seq", article_id
        )

    def removal(self, article_id: str, digest: str | None = None) -> Row | None:
        """The tombstone of `article_id`, or of an article with the text `digest`."""
        rows = self._rows(
            f"SELECT {', '.join(_COLUMNS)} FROM records "
            "WHERE op = 'remove' AND (id = ? OR digest = ?) LIMIT 1",
            article_id,
            digest,
        )
        return rows[0] if rows else None

    def removals(self) -> list[Row]:
        return self._rows(
            f"SELECT {', '.join(_COLUMNS)} FROM records WHERE op = 'remove' ORDER BY seq"
        )

    def holder(self, digest: str, other_than: str) -> str | None:
        """Another article whose newest text is `digest` (a copy under another name or URL)."""
        for (found,) in self._db.execute(
            "SELECT id FROM records WHERE digest = ? AND op = 'put' AND id != ?",
            (digest, other_than),
        ):
            latest = self.latest(found)
            if latest and latest.digest == digest and not self.removal(found):
                return str(found)
        return None

    def live(self) -> Iterator[Row]:
        """The newest version of every article not removed, in the order they were stored."""
        cursor = self._db.execute(_LIVE.format(columns=", ".join(_COLUMNS)))
        for values in cursor:
            yield Row.of(values)

    def count_live(self, after: int = 0) -> int:
        """Articles a replay rebuilds; with `after`, those stored since record `after`."""
        sql = f"SELECT count(*) FROM ({_LIVE.format(columns='seq')}) WHERE seq > ?"
        (count,) = self._db.execute(sql, (after,)).fetchone()
        return int(count)

    def last_seq(self) -> int:
        (seq,) = self._db.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()
        return int(seq)

    def end_of(self, segment: str) -> int:
        """Where the last catalogued record of `segment` ends (0 when it has none)."""
        (end,) = self._db.execute(
            "SELECT coalesce(max(offset + length), 0) FROM records WHERE segment = ?", (segment,)
        ).fetchone()
        return int(end)

    def add(self, rows: list[Row]) -> None:
        """Catalogue records just written, in one transaction."""
        placeholders = ", ".join("?" * len(_COLUMNS))
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(
                f"INSERT INTO records ({', '.join(_COLUMNS)}) VALUES ({placeholders})",
                [tuple(getattr(row, name) for name in _COLUMNS) for row in rows],
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def copy_to(self, path: Path) -> None:
        """A consistent copy of the catalog, taken while writers may go on (SQLite's backup)."""
        target = sqlite3.connect(path)
        try:
            self._db.backup(target)
        finally:
            target.close()
