"""Append-only segment files: one gzip member per record, each member one JSON line.

A segment is a valid gzip file (`zcat segment | jq` reads it), and every record can also be read
alone from its offset and length, so a replay reads only the records it needs. Records are only
ever appended; a segment is never rewritten, so a backup copies a sealed segment once and the
open one from where its last copy ended. A crash can leave a half-written member at the end of
the open segment: the next writer catalogues the whole members
after the last one it knows and cuts off the torn tail instead of building on it.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

SUFFIX = ".jsonl.gz"
# A sealed segment is this big or a little more: small enough to copy in seconds, big enough
# that a million articles make a few hundred files, not a million.
SEGMENT_BYTES = 64 * 1024 * 1024
LEVEL = 6  # zlib's default: HTML shrinks about fivefold; a higher level costs more than it saves
_GZIP = 31  # zlib's window bits for a gzip header and trailer
_CHUNK = 1024 * 1024


def segment_name(number: int) -> str:
    return f"{number:06d}{SUFFIX}"


def segment_paths(directory: Path) -> list[Path]:
    """The segments of a store, oldest first."""
    return sorted(directory.glob(f"*{SUFFIX}"))


def compress(line: bytes) -> bytes:
    """One record as a gzip member of its own."""
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, _GZIP)
    return packer.compress(line) + packer.flush()


def read_member(path: Path, offset: int, length: int) -> bytes:
    """The record stored at `offset`, decompressed."""
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    return zlib.decompress(data, _GZIP)


def members(path: Path, start: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """Each whole member from `start` on: its offset, its length and its record. A member cut
    short (a crash while writing) ends the iteration."""
    with path.open("rb") as handle:
        handle.seek(start)
        offset = start
        pending = b""
        unpacker = zlib.decompressobj(_GZIP)
        out: list[bytes] = []
        consumed = 0  # bytes of the current member read so far
        while True:
            data = pending or handle.read(_CHUNK)
            pending = b""
            if not data:
                return
            out.append(unpacker.decompress(data))
            if not unpacker.eof:
                consumed += len(data)
                continue
            used = len(data) - len(unpacker.unused_data)
            length = consumed + used
            yield offset, length, b"".join(out)
            offset += length
            pending = unpacker.unused_data
            unpacker = zlib.decompressobj(_GZIP)
            out, consumed = [], 0


def append(path: Path, blobs: list[bytes]) -> list[tuple[int, int]]:
    """Write compressed records at the end of `path`, durably; their offsets and lengths."""
    placed = []
    with path.open("ab") as handle:
        offset = handle.seek(0, os.SEEK_END)
        for blob in blobs:
            placed.append((offset, len(blob)))
            offset += len(blob)
        handle.write(b"".join(blobs))
        handle.flush()
        os.fsync(handle.fileno())
    return placed
