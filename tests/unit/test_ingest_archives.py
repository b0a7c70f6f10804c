"""Reading what archives hold: WARC files (made here with warcio), RSS and Atom feeds, news
sitemaps, and what a page's address says of its identity."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from search.extract.pipeline import extract_or_reject
from search.ingest.pages import canonical_url, page_id
from search.ingest.read import read_all
from search.ingest.walk import Walk
from search.model import Article, Rejected

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="2016-03-11"></head><body>
<nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>LISBON (Reuters) - Dock workers in Lisbon extended their strike on Monday, the union said,
as talks with the port authority broke down for a second week.</p>
<p>"We will stay out until the contracts are signed," said union leader Ana Ferreira.</p>
</article></body></html>"""


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> Path:
    """A WARC of response records (url, status, content type, payload), each after its
    request, as a crawler writes them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, status, content_type, payload in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                )
            )
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    http_headers=headers,
                )
            )
    return path


def _articles(*paths: Path) -> tuple[list[Article], list[Rejected], Walk]:
    walk = Walk(paths)
    articles, rejected = [], []
    for item in read_all(walk):
        outcome = extract_or_reject(item)
        (rejected if isinstance(outcome, Rejected) else articles).append(outcome)
    return articles, rejected, walk


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_gives_its_html_pages_with_their_address(tmp_path: Path, gzip: bool) -> None:
    name = "crawl.warc.gz" if gzip else "crawl.warc"
    url = "https://www.news.example/2030/03/11/lisbon-strike.html?utm_source=feed"
    warc = write_warc(
        tmp_path / name,
        [
            (
                url,
                "200 OK",
                "text/html; charset=utf-8",
                PAGE.format(title="Lisbon strike").encode(),
            ),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
            ("https://news.example/gone", "404 Not Found", "text/html", b"<html>no</html>"),
            ("https://news.example/old", "301 Moved", "text/html", b""),
        ],
        gzip=gzip,
    )
    articles, rejected, walk = _articles(warc)
    [article] = articles
    assert article.url == url and article.title == "Lisbon strike"
    assert article.id == page_id("http://news.example/2030/03/11/lisbon-strike.html/")
    assert article.id.startswith("lisbon-strike-")
    assert article.published is not None and article.published.isoformat() == "2016-03-11"
    assert any(q.speaker == "Ana Ferreira" for q in article.quotes)
    [gone] = rejected
    assert "HTTP 404" in gone.reason and gone.source.startswith(f"{warc}@")
    assert sum(walk.skipped.values()) == 2  # the image and the redirect: named, not rejected
    assert any("image/png" in reason for reason in walk.skipped)


def test_a_file_that_is_not_a_warc_is_rejected_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"this is not a web archive")
    _, [rejected], _ = _articles(broken)
    assert "unreadable WARC" in rejected.reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>News</title><link>https://news.example/</link>
<item><title>Port strike spreads</title><link>https://news.example/port-strike</link>
<pubDate>Tue, 11 Mar 2030 23:30:00 -0300</pubDate><author>desk@news.example (Rui Costa)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>VALPARAISO, March 11 - Dock workers joined the strike.</p>
<p>"We stand with Lisbon," said union leader Marta Rojas.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://news.example/summary</link>
<description>&lt;p&gt;The mayor opened the new library on Monday, officials said.&lt;/p&gt;
</description></item>
<item><title>Only a headline</title><link>https://news.example/headline</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2031-01-20T10:00:00Z</updated>
<entry><title>Library opens</title><id>urn:uuid:1</id>
<link href="https://wire.example/krakow-library"/><published>2031-01-20T09:00:00+01:00</published>
<updated>2031-01-20T09:00:00+01:00</updated><author><name>Jan Nowak</name></author>
<content type="html">&lt;p&gt;KRAKOW, Jan 20 - The central library opened.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_and_atom_entries_are_articles_with_the_feed_s_values(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    articles, rejected, _ = _articles(tmp_path)
    by_title = {a.title: a for a in articles}
    strike = by_title["Port strike spreads"]
    assert "Dock workers joined the strike" in strike.body  # content:encoded, not the summary
    assert strike.published is not None and strike.published.isoformat() == "2030-03-11"
    assert strike.url == "https://news.example/port-strike"
    assert strike.id == page_id("https://news.example/port-strike")
    assert "the feed gives only a summary" in " ".join(by_title["Only a summary"].warnings)
    library = by_title["Library opens"]
    assert library.author == "Jan Nowak" and library.body.startswith("KRAKOW")
    assert library.published is not None and library.published.isoformat() == "2031-01-20"
    [headline] = rejected
    assert "no text for this entry" in headline.reason and "--fetch" in headline.reason


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a</loc><news:news><news:publication><news:name>News</news:name>
<news:language>en</news:language></news:publication>
<news:publication_date>2030-03-11</news:publication_date><news:title>A</news:title></news:news></url>
<url><loc>https://news.example/b</loc></url>
</urlset>"""


def test_a_sitemap_without_fetch_names_each_page_it_could_not_read(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (tmp_path / "other.xml").write_text("<config/>", encoding="utf-8")
    articles, rejected, walk = _articles(tmp_path)
    assert articles == []
    assert [r.source for r in rejected] == [
        f"{tmp_path / 'sitemap.xml'}#1",
        f"{tmp_path / 'sitemap.xml'}#2",
    ]
    assert all("--fetch reads it from https://news.example/" in r.reason for r in rejected)
    assert walk.passed_over == [tmp_path / "other.xml"]  # XML that is neither: not an article


def test_one_page_under_many_addresses_is_one_id() -> None:
    same = [
        "https://www.news.example/a/story/?utm_source=x&fbclid=1#top",
        "http://news.example/a/story",
        "HTTPS://NEWS.EXAMPLE/a/story/",
    ]
    assert {canonical_url(u) for u in same} == {"news.example/a/story"}
    assert len({page_id(u) for u in same}) == 1
    assert page_id("https://news.example/a/story?page=2") != page_id(same[0])
    assert page_id("https://news.example/") != page_id("https://other.example/")
