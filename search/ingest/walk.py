"""Finding the articles under the paths a command is given, in one pass, without reading them.

A folder is walked in name order; a JSON Lines file gives one unit a line (only its line breaks
are read here). What a walk passes over (a README beside the articles) is kept on the walk, so
the command can name it once the work is done: nothing is left out without a word, and a big
corpus is walked once, not once to count and again to work.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from search.ingest.feeds import (
    MAX_FEED_BYTES,
    XML_SUFFIXES,
    feed_units,
    sitemap_units,
    xml_kind,
)
from search.ingest.fetch import Fetcher
from search.ingest.unit import Unit
from search.ingest.warc import is_warc, warc_units
from search.model import Rejected

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
MANIFEST = "manifest.jsonl"
# Files that sit beside articles but are not articles (expected outputs of tests, sidecars).
IGNORED_SUFFIXES = (SIDECAR_SUFFIX, ".expected.json")
IGNORED_NAMES = {MANIFEST}
SNIFF_BYTES = 4096


def looks_like_records(path: Path, head: bytes) -> bool:
    """A JSON Lines file, by its suffix or, for a file without one, by its first byte."""
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        return True
    return suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and head.lstrip().startswith(b"{")


def _beside_articles(name: str) -> bool:
    """Hidden files, sidecars, manifests and expected outputs: read with the articles, or not
    at all, but never reported as passed over."""
    return name.startswith(".") or name.endswith(IGNORED_SUFFIXES) or name in IGNORED_NAMES


def readable(name: str) -> bool:
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | XML_SUFFIXES
    return Path(name).suffix.lower() in suffixes or is_warc(Path(name))


@dataclass
class Walk:
    """The units under `paths`, in order; iterate once. `passed_over` (files) and `skipped`
    (records inside files: a WARC's images, say, counted by reason) fill as it goes. With a
    `fetcher`, sitemap entries and feed entries without text are fetched from their address."""

    paths: Iterable[str | Path]
    passed_over: list[Path] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    fetcher: Fetcher | None = None

    def __iter__(self) -> Iterator[Unit | Rejected]:
        for given in self.paths:
            path = Path(given)
            if path.is_dir():
                for file in self._folder(path):
                    yield from self._units(file)
            elif path.exists():
                yield from self._units(path)
            else:
                yield Rejected(str(path), "no such file or directory")

    def _folder(self, root: Path) -> Iterator[Path]:
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in sorted(files):
                if _beside_articles(name):
                    continue
                if readable(name):
                    yield Path(directory, name)
                else:
                    self.passed_over.append(Path(directory, name))

    def _units(self, path: Path) -> Iterator[Unit | Rejected]:
        if path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield Unit(str(path), path)  # one article: the worker reads it, not the parent
            return
        if is_warc(path):
            yield from warc_units(path, self.skipped)
            return
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
                if path.suffix.lower() in XML_SUFFIXES:
                    yield from self._xml(path, head)
                    return
                if not looks_like_records(path, head):
                    yield Unit(str(path), path)
                    return
                handle.seek(0)
                for number, raw in enumerate(handle, 1):
                    if raw.strip():
                        yield Unit(f"{path}:{number}", path, raw)
        except OSError as error:
            yield Rejected(str(path), f"cannot read: {error}")

    def _xml(self, path: Path, head: bytes) -> Iterator[Unit | Rejected]:
        """A feed or a sitemap; other XML beside the articles is passed over."""
        kind = xml_kind(head)
        if kind == "sitemap":
            yield from sitemap_units(path, self.fetcher)
        elif kind == "sitemapindex":
            yield Rejected(str(path), "a sitemap index: give the sitemaps it lists instead")
        elif kind == "feed":
            size = path.stat().st_size
            if size > MAX_FEED_BYTES:
                yield Rejected(str(path), f"feed of {size} bytes exceeds the {MAX_FEED_BYTES} cap")
            else:
                yield from feed_units(path, path.read_bytes(), self.fetcher)
        else:
            self.passed_over.append(path)
