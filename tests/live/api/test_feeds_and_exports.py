"""Feeds and exports in the tools people use, on the sample archive: the Atom feed read by
feedparser and validated against RFC 4287's own schema (Appendix B, RELAX NG, and the Schematron
rules it carries: who the author is), titled and linked with every filter of its search; the
CSV as Excel's dialect reads it, each row's permalink a page that opens."""

from __future__ import annotations

import csv
import io
import os
from functools import cache
from urllib.parse import parse_qs, quote, urlsplit

import feedparser
import pytest
from flask.testing import FlaskClient
from lxml import etree, isoschematron

from tests.support.helpers import REPO

ATOM = "http://www.w3.org/2005/Atom"
OLD_SCHEMATRON = "http://www.ascc.net/xml/schematron"  # RFC 4287's annotations (Schematron 1.5)
SCHEMA = REPO / ".venv" / "share" / "dateline" / "atom.rng"  # deploy/setup.sh puts it there


@cache
def _schemas() -> tuple[etree.RelaxNG, isoschematron.Schematron]:
    """The RFC's grammar, and its Schematron rules (annotations the grammar does not enforce)
    restated in ISO Schematron, each rule a pattern of its own so that every one fires."""
    if not SCHEMA.exists():
        reason = f"no {SCHEMA}: `bash deploy/setup.sh` takes it from lxml's source distribution"
        if os.environ.get("DATELINE_REQUIRE_ES") or os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    grammar = etree.parse(str(SCHEMA))
    iso = "http://purl.oclc.org/dsdl/schematron"
    rules = etree.Element(f"{{{iso}}}schema", queryBinding="xslt1")
    etree.SubElement(rules, f"{{{iso}}}ns", prefix="atom", uri=ATOM)
    for rule in grammar.iter(f"{{{OLD_SCHEMATRON}}}rule"):
        pattern = etree.SubElement(rules, f"{{{iso}}}pattern")
        restated = etree.SubElement(pattern, f"{{{iso}}}rule", context=rule.get("context"))
        for check in rule.iter(f"{{{OLD_SCHEMATRON}}}assert"):
            said = etree.SubElement(restated, f"{{{iso}}}assert", test=check.get("test"))
            said.text = check.text
    assert len(rules) == 4  # the namespace, and the RFC's three rules
    return etree.RelaxNG(grammar), isoschematron.Schematron(rules)


def _valid_atom(body: bytes) -> feedparser.FeedParserDict:
    """The feed, checked by the RFC's schema and rules and read by feedparser."""
    grammar, rules = _schemas()
    document = etree.fromstring(body)
    assert grammar.validate(document), grammar.error_log
    assert rules.validate(document), rules.error_log
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_the_schema_refuses_a_feed_without_an_author() -> None:
    """The validator is not lax: a feed with no author anywhere fails the RFC's rule."""
    grammar, rules = _schemas()
    feed = (
        f'<feed xmlns="{ATOM}"><id>urn:x</id><title>t</title>'
        "<updated>2031-01-01T00:00:00Z</updated>"
        "<entry><id>urn:y</id><title>e</title><updated>2031-01-01T00:00:00Z</updated>"
        '<link href="https://x.example/"/></entry></feed>'
    )
    document = etree.fromstring(feed.encode())
    assert grammar.validate(document) and not rules.validate(document)
    assert not grammar.validate(etree.fromstring(feed.replace("<id>urn:x</id>", "").encode()))


def test_an_article_feed_is_valid_atom_with_authors_and_every_filter(
    client: FlaskClient,
) -> None:
    search = "q=harbour&agency=DPN&from=2031-01-01&to=2031-12-31"
    response = client.get(f"/api/feed.atom?{search}")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = _valid_atom(response.get_data())
    public = client.application.config["PUBLIC_URL"]
    assert feed.feed.author_detail.name == "Dateline"  # the feed's, RFC 4287 §4.1.1
    assert feed.feed.title == "Dateline: articles for “harbour” · Agency: DPN · Dates: 2031"
    links = {link.rel: link.href for link in feed.feed.links}
    wanted = {"q": ["harbour"], "agency": ["DPN"], "from": ["2031-01-01"], "to": ["2031-12-31"]}
    assert links["self"].startswith(f"{public}/api/feed.atom?") and _query(links["self"]) == wanted
    assert links["alternate"].startswith(f"{public}/?") and _query(links["alternate"]) == wanted
    bylined = [e for e in feed.entries if e.get("author")]
    assert [e.author for e in bylined] == ["Ana Duarte"]  # the one article with a byline
    assert bylined[0].link == f"{public}/articles/wire%2F2031%2F07%2Fferry-returns"
    assert all(client.get(urlsplit(e.link).path).status_code == 200 for e in feed.entries)


def test_a_quote_feed_is_titled_with_the_quotes_and_whose_they_are(client: FlaskClient) -> None:
    response = client.get("/api/feed.atom?of=quotes&on_behalf_of=Irene Castellanos")
    feed = _valid_atom(response.get_data())
    assert feed.feed.title == "Dateline: all quotes · Speaking for: Irene Castellanos"
    links = {link.rel: link.href for link in feed.feed.links}
    assert _query(links["self"]) == {"of": ["quotes"], "on_behalf_of": ["Irene Castellanos"]}
    assert urlsplit(links["alternate"]).path == "/quotes"
    assert _query(links["alternate"]) == {"on_behalf_of": ["Irene Castellanos"]}
    [entry] = feed.entries
    assert entry.title.startswith("Ignacio Ferrán, for Irene Castellanos: “")
    assert entry.title.endswith("”")  # the words themselves, not the cue verb
    card = urlsplit(entry.link)
    assert card.path.startswith("/quotes/") and client.get(card.path).status_code == 200


def test_a_paraphrase_is_never_titled_in_quotation_marks(client: FlaskClient) -> None:
    feed = _valid_atom(client.get("/api/feed.atom?of=quotes&type=indirect").get_data())
    assert feed.feed.title == "Dateline: all quotes · Quote type: indirect"
    assert feed.entries
    for entry in feed.entries:
        words = entry.title.split(": ", 1)[1]
        assert "“" not in words[:1] and words.endswith("(paraphrase)"), entry.title


def test_a_speaker_chosen_by_id_is_named_in_the_title(client: FlaskClient) -> None:
    feed = _valid_atom(client.get("/api/feed.atom?of=quotes&speaker=tomas-okafor").get_data())
    assert feed.feed.title == "Dateline: all quotes · Speaker: Tomas Okafor"
    assert all(e.title.startswith("Tomas Okafor") for e in feed.entries)


def test_the_csv_has_one_charset_a_byte_order_mark_and_permalinks(client: FlaskClient) -> None:
    response = client.get("/api/export?q=harbour&format=csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8; header=present"
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""), dialect="excel"))
    total = client.get("/api/search?q=harbour").get_json()["total"]["value"]
    assert len(rows) == total and rows[0]["permalink"]
    public = client.application.config["PUBLIC_URL"]
    for row in rows:
        assert row["permalink"].startswith(f"{public}/articles/")
        assert client.get(row["permalink"][len(public) :]).status_code == 200
    plain = client.get("/api/export?q=harbour&format=csv&bom=0").get_data()
    assert plain == body[3:]


def test_quote_rows_link_to_their_cards(client: FlaskClient) -> None:
    body = client.get("/api/export?of=quotes&speaker=tomas-okafor&format=csv").get_data()
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline=""), dialect="excel"))
    assert rows
    public = client.application.config["PUBLIC_URL"]
    for row in rows:
        path = row["permalink"][len(public) :]
        assert path.startswith(f"/quotes/{quote(row['article_id'], safe='')}/")
        card = client.get(f"/api{path}").get_json()
        assert card["speaker"]["id"] == "tomas-okafor" and card["permalink"] == row["permalink"]
