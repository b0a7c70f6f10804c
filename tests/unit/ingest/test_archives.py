"""Reading what archives hold: WARC files (made here with warcio), RSS and Atom feeds, news
sitemaps, and what a page's address says of its identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.extract.pipeline import extract_or_reject
from search.ingest.pages import canonical_url, page_id
from search.ingest.read import read_all
from search.ingest.walk import Walk
from search.model import Article, Rejected
from tests.data.archives import ATOM, PAGE, RSS, write_warc


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
