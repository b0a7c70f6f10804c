"""WARC, feeds and sitemaps indexed on a real node through `dateline index`: a page crawled
again updates its article, a copy of a page under another name adds nothing, a sitemap's pages
are fetched with --fetch, and each record that cannot be used is in the rejects file."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.ingest.pages import page_id
from tests.data.archives import ATOM, PAGE, RSS, write_warc
from tests.support.helpers import REPO

pytestmark = pytest.mark.es


def dateline(*args: str, alias: str, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_ARCHIVE_DIR": str(store)}
    return subprocess.run(
        [sys.executable, "-m", "search.cli", *args, "--workers", "1"],
        env=env, cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A web site on a free loopback port, serving the pages of `tmp_path/site`."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_warc_feeds_and_a_sitemap_on_a_real_node(
    es: Elasticsearch, alias: str, tmp_path: Path, site: str
) -> None:
    inputs, store, rejects = tmp_path / "in", tmp_path / "store", tmp_path / "rejects.jsonl"
    inputs.mkdir()
    url = "https://news.example/2016/03/11/lisbon-strike"
    page = PAGE.format(title="Lisbon strike").encode()
    write_warc(
        inputs / "crawl-1.warc.gz",
        [
            (url, "200 OK", "text/html", page),
            ("https://news.example/gone", "500 Server Error", "text/html", b"<p>oops</p>"),
        ],
    )
    (inputs / "news.rss").write_text(RSS, encoding="utf-8")
    (inputs / "wire.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "site" / "a.html").write_bytes(PAGE.format(title="Fetched story").encode())
    (tmp_path / "site" / "private").mkdir()
    sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{site}/a.html</loc><news:news><news:publication><news:name>Site News"
        "</news:name></news:publication><news:publication_date>2016-03-12</news:publication_date>"
        "<news:title>Fetched story</news:title></news:news></url>"
        f"<url><loc>{site}/missing.html</loc></url><url><loc>{site}/private/x.html</loc></url>"
        "</urlset>"
    )
    (tmp_path / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    run = dateline("index", str(inputs), "--rejects", str(rejects), alias=alias, store=store)
    assert run.returncode == 1, run.stderr  # rejects, and said so
    reasons = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert len(reasons) == 2 and "HTTP 500" in reasons[0], reasons
    assert "no text for this entry" in reasons[1] and "--fetch" in reasons[1]
    run = dateline(
        "index", str(tmp_path / "sitemap.xml"), "--fetch", "--rejects", str(rejects),
        alias=alias, store=store,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    reasons = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert len(reasons) == 2 and "HTTP 404" in reasons[0] and "missing.html" in reasons[0]
    assert "robots.txt disallows" in reasons[1]
    es.indices.refresh(index=alias)
    crawled = es.get(index=alias, id=page_id(url))["_source"]
    assert crawled["url"] == url and crawled["title"] == "Lisbon strike"
    fetched = es.get(index=alias, id=page_id(f"{site}/a.html"))["_source"]
    assert fetched["publisher"] == "Site News" and fetched["published"] == "2016-03-12"
    atom = es.get(index=alias, id=page_id("https://wire.example/krakow-library"))["_source"]
    assert atom["author"] == "Jan Nowak"
    count = es.count(index=alias, query={"term": {"kind": "article"}})["count"]
    assert count == 5  # the page, three feed entries with text, the fetched page

    # The same address crawled again with a new text: the article is updated, not doubled;
    # the page saved under another name (same text): nothing added.
    again = tmp_path / "again"
    again.mkdir()
    changed = page.replace(b"second week", b"third week")
    write_warc(again / "crawl-2.warc", [(url + "?utm_source=rss", "200 OK", "text/html", changed)])
    (again / "copy-of-fetched.html").write_bytes(PAGE.format(title="Fetched story").encode())
    run = dateline("index", str(again), "--rejects", str(rejects), alias=alias, store=store)
    assert run.returncode == 0, run.stderr
    assert "duplicates 1" in run.stderr and "1 corrected" in run.stderr
    es.indices.refresh(index=alias)
    assert es.count(index=alias, query={"term": {"kind": "article"}})["count"] == count
    updated = es.get(index=alias, id=page_id(url))["_source"]
    assert "third week" in updated["body"] and updated["versions"] == 2
