"""The archive store: every input the archive accepted, every later version of it, and every
removal, kept so that the whole archive can be rebuilt from it alone (`dateline reindex` with no
paths).

On disk, in one folder per alias (DATELINE_ARCHIVE_DIR/<alias>, search/config.py):
``segments/NNNNNN.jsonl.gz`` (append-only, one gzip member per record: a JSON object with the
record's header and, for an input, the input as read), ``catalog.sqlite`` (what each record
holds and where; rebuilt from the segments when missing) and ``lock`` (writers take turns).
Nothing is ever rewritten: a correction is a new version of its id, a removal a tombstone, so
the store tells who gave or removed what, when and why.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson

from search.store.catalog import Catalog, Row
from search.store.segments import (
    SEGMENT_BYTES,
    append,
    compress,
    members,
    read_member,
    segment_name,
    segment_paths,
)

SEGMENTS = "segments"
CATALOG = "catalog.sqlite"


def operator() -> str:
    """Who runs the command: the user behind sudo, else the OS user."""
    return os.environ.get("SUDO_USER") or getpass.getuser()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Verdict:
    """What an input is to the archive: a new article, the same text again, or a new version."""

    kind: Literal["new", "same", "corrected"]
    version: int
    corrected: str | None = None  # when the newest version replaced an earlier one


@dataclass(frozen=True)
class Put:
    """An accepted input, to store: its id and digests, and the input as JSON (`encode_raw`)."""

    id: str
    version: int
    digest: str
    raw_digest: str
    raw: bytes
    year: int | None = None
    # When it was judged a new text: the date a correction shows in the index, and the one the
    # store keeps, so a rebuild from the store shows the same date.
    at: str = field(default_factory=now)


class StoreError(RuntimeError):
    """The store cannot do what was asked; nothing was written."""


class Store:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.segments = directory / SEGMENTS
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.segments.mkdir(exist_ok=True)
        fresh = not (directory / CATALOG).exists()
        self.catalog = Catalog(directory / CATALOG)
        if fresh and segment_paths(self.segments):
            with self.locked():
                self._catalogue_from(0)

    def close(self) -> None:
        self.catalog.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- asking -----------------------------------------------------------------------------

    def judge(self, article_id: str, digest: str, raw_digest: str) -> Verdict:
        latest = self.catalog.latest(article_id)
        if latest is None:
            return Verdict("new", 1)
        version = latest.version or 1
        if digest == latest.digest or raw_digest == latest.raw_digest:
            return Verdict("same", version, latest.at if version > 1 else None)
        return Verdict("corrected", version + 1, now())

    def knows(self, article_id: str) -> bool:
        return self.catalog.latest(article_id) is not None

    def removal(self, article_id: str, digest: str | None = None) -> Row | None:
        return self.catalog.removal(article_id, digest)

    def holder(self, digest: str, other_than: str) -> str | None:
        return self.catalog.holder(digest, other_than)

    def live(self) -> Iterator[tuple[Row, dict[str, Any]]]:
        """The newest version of every article not removed, with its record, in store order."""
        for row in self.catalog.live():
            yield row, self.record(row)

    def record(self, row: Row) -> dict[str, Any]:
        record: dict[str, Any] = orjson.loads(
            read_member(self.segments / row.segment, row.offset, row.length)
        )
        return record

    # --- writing ----------------------------------------------------------------------------

    def put(self, puts: list[Put], *, command: str, by: str, note: str | None = None) -> None:
        """Keep accepted inputs (durably, before returning)."""
        self._write(
            [
                (
                    {
                        "op": "put",
                        "id": put.id,
                        "version": put.version,
                        "digest": put.digest,
                        "raw_digest": put.raw_digest,
                        "at": put.at,
                        "by": by,
                        "command": command,
                        "note": note,
                        "year": put.year,
                    },
                    put.raw,
                )
                for put in puts
            ]
        )

    def remove(self, article_id: str, *, by: str, reason: str) -> Row:
        """A tombstone: `article_id` (and its text) stays out of every later rebuild."""
        if not reason.strip():
            raise StoreError("a removal needs its reason")
        if earlier := self.catalog.removal(article_id):
            raise StoreError(f"{article_id!r} was already removed on {earlier.at} by {earlier.by}")
        latest = self.catalog.latest(article_id)
        header = {
            "op": "remove",
            "id": article_id,
            "digest": latest.digest if latest else None,
            "at": now(),
            "by": by,
            "command": "remove",
            "note": reason.strip(),
        }
        [row] = self._write([(header, None)])
        return row

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        with (self.directory / "lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, entries: list[tuple[dict[str, Any], bytes | None]]) -> list[Row]:
        with self.locked():
            path = self._tail()
            seq = self.catalog.last_seq()
            lines = []
            for header, raw in entries:
                seq += 1
                head = orjson.dumps({"seq": seq, **{k: v for k, v in header.items() if v}})
                body = head[:-1] + b',"raw":' + raw + b"}" if raw is not None else head
                lines.append((seq, header, compress(body + b"\n")))
            placed = append(path, [blob for _, _, blob in lines])
            rows = [
                _row(seq, header, path.name, offset, length)
                for (seq, header, _), (offset, length) in zip(lines, placed, strict=True)
            ]
            self.catalog.add(rows)
            return rows

    def _tail(self) -> Path:
        """The segment to append to: the last one, its torn end (a crash) cut off and any
        record written but not catalogued taken in; a new one once it is full."""
        paths = segment_paths(self.segments)
        if not paths:
            return self.segments / segment_name(1)
        last = paths[-1]
        end = self.catalog.end_of(last.name)
        if last.stat().st_size > end:
            self._catalogue_from(len(paths) - 1, start=end)
            good = self.catalog.end_of(last.name)
            with last.open("r+b") as handle:
                handle.truncate(good)
        if last.stat().st_size < SEGMENT_BYTES:
            return last
        return self.segments / segment_name(int(last.name.split(".")[0]) + 1)

    def _catalogue_from(self, first: int, *, start: int = 0) -> None:
        """Catalogue the whole records of segments `first`… not in the catalog yet."""
        known = self.catalog.last_seq()
        for n, path in enumerate(segment_paths(self.segments)[first:]):
            rows = []
            for offset, length, line in members(path, start if n == 0 else 0):
                header = orjson.loads(line)
                if header["seq"] > known:
                    rows.append(_row(header["seq"], header, path.name, offset, length))
            if rows:
                self.catalog.add(rows)


def _row(seq: int, header: dict[str, Any], segment: str, offset: int, length: int) -> Row:
    return Row(
        seq=seq,
        op=header["op"],
        id=header["id"],
        version=header.get("version"),
        digest=header.get("digest"),
        raw_digest=header.get("raw_digest"),
        at=header["at"],
        by=header.get("by"),
        command=header.get("command"),
        note=header.get("note"),
        segment=segment,
        offset=offset,
        length=length,
    )
