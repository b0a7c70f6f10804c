"""Reading articles from disk: plain text, HTML pages and JSON Lines records, file by file.

Everything is streamed: a directory of a million files or a multi-gigabyte JSON Lines export is
read one article at a time. A file that cannot be used becomes a `SourceError` with its reason;
it never stops the run and is never dropped silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

Kind = Literal["text", "html", "record"]

# One article larger than this is almost certainly not an article (a dump, a binary, a log).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
MANIFEST = "manifest.jsonl"
# Files that sit beside articles but are not articles (expected outputs of tests, sidecars).
IGNORED_SUFFIXES = (SIDECAR_SUFFIX, ".expected.json")
IGNORED_NAMES = {MANIFEST}


@dataclass
class SourceDocument:
    source: str  # path, or path:line for a JSON Lines record
    kind: Kind
    content: str  # text or HTML; for records, the record's text or html field
    meta: dict[str, Any] = field(default_factory=dict)  # explicit fields: they win over extraction
    warnings: list[str] = field(default_factory=list)
    from_record: bool = False  # a JSON Lines record: its file's name and path say nothing of it


@dataclass
class SourceError:
    source: str
    reason: str


def _decode(data: bytes, warnings: list[str]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        warnings.append(f"invalid UTF-8 at byte {error.start}: decoded with replacement characters")
        return data.decode("utf-8", errors="replace")


def _sniff(path: Path, head: bytes) -> Kind | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in RECORD_SUFFIXES:
        return "record"
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "record"
    if stripped[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text" if head else None


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


def _record(source: str, raw: bytes) -> SourceDocument | SourceError:
    """One line of a JSON Lines file."""
    if len(raw) > MAX_ARTICLE_BYTES:
        return SourceError(
            source, f"record of {len(raw)} bytes exceeds the {MAX_ARTICLE_BYTES}-byte cap"
        )
    warnings: list[str] = []
    try:
        record = json.loads(_decode(raw, warnings))
    except json.JSONDecodeError as error:
        return SourceError(source, f"not valid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return SourceError(source, "a record must be a JSON object")
    for key, kind in (("text", "record"), ("body", "record"), ("html", "html")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return SourceDocument(source, kind, value, record, warnings, from_record=True)
    return SourceError(source, 'record has no "text", "body" or "html" field with content')


def _file(path: Path) -> SourceDocument | SourceError:
    """A file holding one article."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            return SourceError(
                source,
                f"file of {size} bytes exceeds the {MAX_ARTICLE_BYTES}-byte cap for one article",
            )
        data = path.read_bytes()
        if not data:
            return SourceError(source, "empty file")
        if b"\x00" in data[:4096]:
            return SourceError(source, "binary file (contains NUL bytes), not an article")
        warnings: list[str] = []
        content = _decode(data, warnings)
        if not content.strip():
            return SourceError(source, "file holds only whitespace")
        kind = _sniff(path, data[:4096]) or "text"
        return SourceDocument(source, kind, content, _metadata(path), warnings)
    except (OSError, ValueError) as error:
        return SourceError(source, f"cannot read: {error}")


@dataclass(frozen=True)
class Unit:
    """One article not yet read or parsed: a file, or one raw line of a JSON Lines file.

    Cheap to make and to send to a worker process, which does the decoding (`load`).
    """

    source: str
    path: Path
    line: bytes | None = None


def units(paths: Iterable[str | Path]) -> Iterator[Unit | SourceError]:
    """The articles under `paths`, in order, unread."""
    for item in article_files(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        if item.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield Unit(str(item), item)  # one article: the worker reads it, not the parent
            continue
        try:
            with item.open("rb") as handle:
                if _sniff(item, handle.read(4096)) != "record":
                    yield Unit(str(item), item)
                    continue
                handle.seek(0)
                for number, raw in enumerate(handle, 1):
                    if raw.strip():
                        yield Unit(f"{item}:{number}", item, raw)
        except OSError as error:
            yield SourceError(str(item), f"cannot read: {error}")


def load(unit: Unit) -> SourceDocument | SourceError:
    return _file(unit.path) if unit.line is None else _record(unit.source, unit.line)


def _beside_articles(name: str) -> bool:
    """Hidden files, sidecars, manifests and expected outputs: read with the articles, or not
    at all, but never reported as passed over."""
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES) or name in IGNORED_NAMES


def _readable(name: str) -> bool:
    return Path(name).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


def _files(root: str | Path) -> Iterator[Path]:
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        yield from (Path(directory, n) for n in sorted(files) if not _beside_articles(n))


def _walk(root: Path) -> Iterator[Path]:
    return (path for path in _files(root) if _readable(path.name))


def passed_over(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the given folders that a walk does not read (say, a README beside the
    articles): named to the user, so nothing is left out without a word."""
    return [path for given in paths for path in _files(given) if not _readable(path.name)]


def article_files(paths: Iterable[str | Path]) -> Iterator[Path | SourceError]:
    """The files under `paths` that may hold articles, or why a path holds none."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            yield SourceError(str(path), "no such file or directory")


def read_sources(paths: Iterable[str | Path]) -> Iterator[SourceDocument | SourceError]:
    """Every article under `paths` (files, or directories walked in name order)."""
    for unit in units(paths):
        yield unit if isinstance(unit, SourceError) else load(unit)
