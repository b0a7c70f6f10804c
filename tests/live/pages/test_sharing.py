"""What a shared link shows (OpenGraph and Twitter card metadata on the article, quote and
speaker pages, on the public address) and the OpenSearch description every page links to, so a
browser offers "search Dateline"."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from flask.testing import FlaskClient
from lxml import etree

from tests.live.pages.test_pages import page

OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
ARTICLE = "wire/2031/07/ferry-returns"
QUOTE = "/quotes/nws-2031-05-13-valparaiso-port-talks-resume/0"


def _meta(html: str) -> dict[str, str]:
    """The page's <meta property|name=… content=…>, and its canonical link."""
    found = {
        key: unescape(value)
        for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html)
    }
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    if canonical:
        found["canonical"] = unescape(canonical[1])
    return found


def _shared(client: FlaskClient, path: str) -> dict[str, str]:
    meta = _meta(page(client, path))
    public = client.application.config["PUBLIC_URL"]
    for key in ("og:title", "og:description", "og:url", "og:type", "twitter:card"):
        assert meta.get(key), (path, key)
    assert meta["og:site_name"] == "Dateline" and meta["twitter:card"] == "summary"
    assert meta["twitter:title"] == meta["og:title"]
    assert meta["og:url"] == meta["canonical"] and meta["og:url"].startswith(f"{public}/")
    assert client.get(meta["og:url"][len(public) :]).status_code == 200
    return meta


def test_an_article_shared_shows_its_title_where_when_and_lead(client: FlaskClient) -> None:
    meta = _shared(client, "/articles/wire%2F2031%2F07%2Fferry-returns?q=ferry&sort=newest")
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Harbour ferry returns after the bridge works"
    assert meta["og:description"].startswith("Lisbon, 21 July 2031, DPN")
    assert urlsplit(meta["og:url"]).path == "/articles/wire%2F2031%2F07%2Fferry-returns"
    assert not urlsplit(meta["og:url"]).query  # the canonical page, not the search it came from
    assert meta["article:published_time"] == "2031-07-21"
    assert meta["article:author"] == "Ana Duarte"


def test_a_quote_shared_shows_whose_words_and_the_words(client: FlaskClient) -> None:
    meta = _shared(client, QUOTE)
    card = client.get(f"/api{QUOTE}").get_json()
    who = card["speaker"]["name"] or card["description"]
    assert meta["og:title"].startswith(f"{who}")
    if card["type"] == "direct":
        assert "“" in meta["og:title"] and meta["og:title"].endswith("”")
    else:
        assert "“" not in meta["og:title"]
    assert meta["og:description"].startswith(f"In “{card['article']['title']}”")
    assert meta["og:url"] == card["permalink"]


def test_a_speaker_shared_shows_the_name_and_how_often_quoted(client: FlaskClient) -> None:
    meta = _shared(client, "/speakers/tomas-okafor?q=strike")
    person = client.get("/api/speakers/tomas-okafor").get_json()
    assert meta["og:type"] == "profile" and meta["og:title"] == "Tomas Okafor"
    assert meta["og:description"].startswith(
        f"Quoted {person['quotes']} times in {person['articles']} articles"
    )
    assert urlsplit(meta["og:url"]).path == "/speakers/tomas-okafor"


def test_every_page_offers_the_browser_a_search_of_dateline(client: FlaskClient) -> None:
    for path in ("/", "/quotes?q=strike", "/speakers", "/speakers/tomas-okafor", QUOTE):
        html = page(client, path)
        assert (
            '<link rel="search" type="application/opensearchdescription+xml" title="Dateline" '
            'href="/opensearch.xml">'
        ) in html, path
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/opensearchdescription+xml"
    description = etree.fromstring(response.get_data())
    assert description.tag == f"{{{OPENSEARCH}}}OpenSearchDescription"
    short = description.findtext(f"{{{OPENSEARCH}}}ShortName")
    assert short == "Dateline" and len(short) <= 16  # the specification's limit
    templates = {u.get("type"): u.get("template") for u in description.iter(f"{{{OPENSEARCH}}}Url")}
    public = client.application.config["PUBLIC_URL"]
    assert templates["text/html"] == f"{public}/?q={{searchTerms}}"
    searched = templates["text/html"].replace("{searchTerms}", "harbour")[len(public) :]
    assert "articles for <em>harbour</em>" in page(client, searched)
    feed = templates["application/atom+xml"].replace("{searchTerms}", "harbour")[len(public) :]
    assert client.get(feed).status_code == 200
