"""WARC and WARC.gz files (ISO 28500: web archives, Common Crawl's CC-NEWS): each HTML page a
crawler fetched becomes one article, with the page's address and the date it was fetched.

The file is streamed record by record (warcio), so its size does not matter; only pages are
handed on. A page that cannot be used (an error status, a truncated record, an oversized page)
is rejected with its reason; what is not a page (the crawler's requests and notes, images,
scripts, redirects, revisits of a page already stored) is counted and named, not rejected.
https://iso-28500.github.io/WARC-Specifications/specifications/warc-format/warc-1.1/
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from search.ingest.decoding import decode_page
from search.ingest.pages import page_id
from search.ingest.unit import Unit
from search.model import RawArticle, Rejected

MAX_PAGE_BYTES = 2 * 1024 * 1024  # as for a file (search.ingest.read.MAX_ARTICLE_BYTES)
_PAGE_RECORDS = {"response", "resource"}


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _page(record: Any, path: Path, offset: Callable[[], int]) -> Unit | Rejected | str:
    """One response record: a unit, a rejection, or why it is not a page (to be counted).
    `offset` gives the record's place in the file, known once its content has been read."""
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:  # a resource record: the page itself, no HTTP exchange
        status, content_type = "200", headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return f"not an HTML page ({content_type.split(';')[0].strip() or 'no type'})"
    if status.startswith("3"):
        return "a redirect"
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    source = f"{path}@{offset()}"
    if not status.startswith("2"):
        return Rejected(source, f"HTTP {status or 'status missing'} for {url}")
    if headers.get_header("WARC-Truncated"):
        reason = headers.get_header("WARC-Truncated")
        return Rejected(source, f"the crawler truncated this page ({reason}): {url}")
    if len(data) > MAX_PAGE_BYTES:
        return Rejected(source, f"page over the {MAX_PAGE_BYTES}-byte cap: {url}")
    if not data.strip():
        return Rejected(source, f"empty page: {url}")
    warnings: list[str] = []
    content = decode_page(data, content_type, warnings)
    meta = {"url": url, "crawled": headers.get_header("WARC-Date")}
    raw = RawArticle(source, "html", content, meta, warnings, from_record=True)
    raw.page_id = page_id(url) if url else None
    return Unit(source, path, raw=raw)


def warc_units(path: Path, skipped: Counter[str]) -> Iterator[Unit | Rejected]:
    """Each HTML page of the WARC file at `path`; what is not a page is counted in `skipped`."""
    records = None
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.format != "warc":
                    raise ValueError("no WARC/1.x record header (not a WARC file)")
                if record.rec_type not in _PAGE_RECORDS:
                    if record.rec_type == "revisit":
                        skipped["WARC revisit records (a page fetched again, unchanged)"] += 1
                    continue
                page = _page(record, path, records.get_record_offset)
                if isinstance(page, str):
                    skipped[f"WARC records that are not pages: {page}"] += 1
                else:
                    yield page
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as error:
        where = f"@{records.offset}" if records is not None else ""
        yield Rejected(f"{path}{where}", f"unreadable WARC: {error}")
