"""Reading one unit of input into a `RawArticle`: plain text, an HTML page or a JSON Lines record.

A file that cannot be used becomes a `Rejected` with its reason; it never stops the run and is
never dropped silently. Metadata stated beside a file (a folder's manifest, a sidecar) rides
along in `RawArticle.meta`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from search.ingest.decoding import decode
from search.ingest.unit import Unit
from search.ingest.walk import (
    HTML_SUFFIXES,
    MANIFEST,
    SIDECAR_SUFFIX,
    SNIFF_BYTES,
    TEXT_SUFFIXES,
    Walk,
    looks_like_records,
)
from search.model import RawArticle, RawKind, Rejected

# The fields a record's article may be in, and what each holds.
_RECORD_CONTENT: tuple[tuple[str, RawKind], ...] = (
    ("text", "record"),
    ("body", "record"),
    ("html", "html"),
)
# One article larger than this is almost certainly not an article (a dump, a binary, a log).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def _kind(path: Path, head: bytes) -> RawKind:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if looks_like_records(path, head):
        return "record"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


@lru_cache(maxsize=64)
def _manifest(directory: Path) -> dict[str, dict[str, Any]]:
    """Metadata for a folder's files: ``manifest.jsonl`` lines of ``{"file": name, ...fields}``."""
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    entries: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON: {error.msg}") from None
            if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
                raise ValueError(f'{path}:{number}: each line needs a "file" name')
            entries[entry.pop("file")] = entry
    return entries


def _metadata(path: Path) -> dict[str, Any]:
    """What the folder's manifest, then the file's ``<name>.meta.json`` sidecar, say of it."""
    meta = dict(_manifest(path.parent).get(path.name, {}))
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.is_file():
        value = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(value, dict):
            raise ValueError(f"{sidecar}: a sidecar must hold one JSON object")
        meta.update(value)
    return meta


def _record(source: str, raw: bytes) -> RawArticle | Rejected:
    """One line of a JSON Lines file."""
    if len(raw) > MAX_ARTICLE_BYTES:
        return Rejected(
            source, f"record of {len(raw)} bytes exceeds the {MAX_ARTICLE_BYTES}-byte cap"
        )
    warnings: list[str] = []
    try:
        record = json.loads(decode(raw, warnings))
    except json.JSONDecodeError as error:
        return Rejected(source, f"not valid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return Rejected(source, "a record must be a JSON object")
    kinds: tuple[tuple[str, RawKind], ...] = (
        ("text", "record"),
        ("body", "record"),
        ("html", "html"),
    )
    for key, kind in kinds:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return RawArticle(source, kind, value, record, warnings, from_record=True)
    return Rejected(source, 'record has no "text", "body" or "html" field with content')


def _file(path: Path) -> RawArticle | Rejected:
    """A file holding one article."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return Rejected(
                source,
                f"file of {size} bytes exceeds the {MAX_ARTICLE_BYTES}-byte cap for one article",
            )
        data = path.read_bytes()
        if not data:
            return Rejected(source, "empty file")
        if b"\x00" in data[:SNIFF_BYTES]:
            return Rejected(source, "binary file (contains NUL bytes), not an article")
        warnings: list[str] = []
        content = decode(data, warnings)
        if not content.strip():
            return Rejected(source, "file holds only whitespace")
        return RawArticle(
            source, _kind(path, data[:SNIFF_BYTES]), content, _metadata(path), warnings
        )
    except (OSError, ValueError) as error:
        return Rejected(source, f"cannot read: {error}")


def read_unit(unit: Unit | Rejected) -> RawArticle | Rejected:
    if isinstance(unit, Rejected):
        return unit
    if unit.raw is not None:
        return unit.raw
    return _file(unit.path) if unit.line is None else _record(unit.source, unit.line)


def read_all(paths: Iterable[str | Path] | Walk) -> Iterator[RawArticle | Rejected]:
    """Every article under `paths` (files, or folders walked in name order), read in this
    process: for `dateline extract` and tests; indexing reads in its workers instead."""
    walk = paths if isinstance(paths, Walk) else Walk(paths)
    return (read_unit(unit) for unit in walk)
