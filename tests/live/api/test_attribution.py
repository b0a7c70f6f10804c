"""Quotes a fact-checker can cite, on a real node: each quote hit, article quote, export row and
feed entry says how it was said (`type`), whose words they are (`speaker_kind`, `on_behalf_of`,
an unnamed source's `description`), how sure the attribution is, and where it sits (its
sentence and neighbours, its anchor on the article's page). A paraphrase is never printed
inside quotation marks.

The sample archive's fictional `nws-2031-05-13-valparaiso-port-talks-resume` holds one of each:
a spokesman speaking for the mayor, a company's statement, an unnamed source, a paraphrase and
words in quotation marks.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from flask.testing import FlaskClient

ARTICLE = "nws-2031-05-13-valparaiso-port-talks-resume"
ATOM = "{http://www.w3.org/2005/Atom}"


def _quotes(client: FlaskClient, query: str) -> list[dict[str, Any]]:
    answer = client.get(f"/api/quotes?{query}&size=50")
    assert answer.status_code == 200, answer.get_data(as_text=True)
    hits: list[dict[str, Any]] = answer.get_json()["hits"]
    return hits


def _of_article(hits: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The article's quote hits by the first words of their text."""
    return {
        " ".join(re.sub(r"</?mark>", "", h["text"]).split()[:3]): h
        for h in hits
        if h["article"]["id"] == ARTICLE
    }


def test_a_quote_hit_says_how_and_by_whom_it_was_said(client: FlaskClient) -> None:
    hits = _of_article(_quotes(client, "q=terminal OR offer OR workforce OR talking"))
    spokesman = hits["The terminal is"]
    assert spokesman["type"] == "direct"
    assert spokesman["speaker"]["name"] == "Ignacio Ferrán"
    assert spokesman["speaker_kind"] == "person"
    assert spokesman["on_behalf_of"]["name"] == "Irene Castellanos"
    assert spokesman["on_behalf_of"]["id"] == "irene-castellanos"
    assert 0.5 < spokesman["confidence"] <= 1

    company = hits["it had no"]
    assert company["type"] == "indirect"
    assert company["speaker_kind"] == "organization"
    assert company["speaker"]["id"] is None  # an organisation is never a person
    assert company["on_behalf_of"] is None

    unnamed = hits["the operators had"]
    assert unnamed["speaker_kind"] == "anonymous"
    assert unnamed["speaker"]["name"] is None
    assert unnamed["description"] == "A source familiar with the talks"


def test_a_quote_hit_carries_its_sentence_and_its_neighbours(client: FlaskClient) -> None:
    hit = _of_article(_quotes(client, "q=operators offered"))["the operators had"]
    context = hit["context"]
    assert context["sentence"].startswith("A source familiar with the talks said")
    assert context["before"].startswith("The Valparaiso Port Company said in a statement")
    assert context["after"].startswith("Tomas Okafor, general secretary")
    first = _of_article(_quotes(client, "q=terminal"))["The terminal is"]
    assert first["context"]["before"].startswith("Talks between port operators")
    assert first["position"] == 0


def test_quotes_filter_by_type_and_count_each_type(client: FlaskClient) -> None:
    answer = client.get("/api/quotes?type=indirect&size=50").get_json()
    assert answer["total"]["value"] > 0
    assert {h["type"] for h in answer["hits"]} == {"indirect"}
    counts = {b["value"]: b["count"] for b in answer["facets"]["type"]}
    assert {"direct", "indirect"} <= set(counts)
    everything = client.get("/api/quotes?size=1").get_json()
    assert sum(counts.values()) == everything["total"]["value"]
    assert counts["indirect"] == answer["total"]["value"]


def test_the_speaker_filter_finds_the_speaker_and_on_behalf_of_the_principal(
    client: FlaskClient,
) -> None:
    spoken_for = _quotes(client, "on_behalf_of=Irene Castellanos")
    assert [h["speaker"]["name"] for h in spoken_for] == ["Ignacio Ferrán"]
    by_him = _quotes(client, "speaker=Ignacio Ferrán")
    assert [h["on_behalf_of"]["name"] for h in by_him] == ["Irene Castellanos"]
    # The mayor's own quotes do not include her spokesman's words.
    hers = _quotes(client, "speaker=Irene Castellanos")
    assert hers and all(h["speaker"]["name"] == "Irene Castellanos" for h in hers)


def test_the_article_anchors_each_quote_and_says_whose_it_is(client: FlaskClient) -> None:
    article = client.get(f"/api/articles/{ARTICLE}").get_json()
    quotes = article["quotes"]
    assert [q["position"] for q in quotes] == list(range(len(quotes)))
    assert quotes[0]["on_behalf_of"] == "Irene Castellanos"
    assert {q["speaker_kind"] for q in quotes} == {"person", "organization", "anonymous"}
    for n in range(len(quotes)):
        assert f'id="q{n}"' in article["body_html"]
    page = client.get(f"/articles/{ARTICLE}").get_data(as_text=True)
    assert re.search(r'<span class="said" id="q0" data-q="0">(&quot;)?The terminal', page)
    assert "Ignacio Ferrán</a>" in page and "for <a" in page
    assert "A source familiar with the talks" in page
    assert 'href="#q2"' in page


def test_no_page_or_feed_prints_a_paraphrase_inside_quotation_marks(client: FlaskClient) -> None:
    paraphrase = "the operators had offered a two-year pay agreement"
    pages = [
        client.get("/quotes?q=operators+offered").get_data(as_text=True),
        client.get("/?q=operators+offered").get_data(as_text=True),
        client.get(f"/articles/{ARTICLE}").get_data(as_text=True),
    ]
    for page in pages:
        text = re.sub(r"<[^>]+>", "", page)
        assert paraphrase in text
        assert f"“{paraphrase}”" not in text and f'"{paraphrase}"' not in text
        assert "(paraphrase" in text
    quotes_page = pages[0]
    assert f"/articles/{ARTICLE}?" in quotes_page and "#q2" in quotes_page

    feed = ET.fromstring(client.get("/api/feed.atom?of=quotes&q=operators+offered").data)
    [entry] = [e for e in feed.iter(f"{ATOM}entry") if ARTICLE in (e.findtext(f"{ATOM}id") or "")]
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert summary.startswith(f"{paraphrase} (paraphrase) — A source familiar with the talks, in")
    # Titled with the words, not the cue verb; a paraphrase never in quotation marks.
    title = entry.findtext(f"{ATOM}title")
    assert title == f"A source familiar with the talks: {paraphrase} (paraphrase)"
    spokesman = ET.fromstring(client.get("/api/feed.atom?of=quotes&q=terminal").data)
    titles = [e.findtext(f"{ATOM}title") or "" for e in spokesman.iter(f"{ATOM}entry")]
    assert any(t.startswith("Ignacio Ferrán, for Irene Castellanos: “The terminal") for t in titles)


def test_exports_carry_the_attribution(client: FlaskClient) -> None:
    query = "of=quotes&speaker=Ignacio Ferrán"
    [line] = client.get(f"/api/export?{query}&format=jsonl").get_data(as_text=True).splitlines()
    row = json.loads(line)
    assert row["type"] == "direct" and row["speaker_kind"] == "person"
    assert row["on_behalf_of"]["name"] == "Irene Castellanos"
    assert row["context"]["sentence"].startswith('"The terminal is not closing')
    assert 0.5 < row["confidence"] <= 1

    table = client.get(f"/api/export?{query}&format=csv").get_data(as_text=True)
    [record] = list(csv.DictReader(io.StringIO(table)))
    assert record["type"] == "direct"
    assert record["speaker_kind"] == "person"
    assert record["on_behalf_of"] == "Irene Castellanos"
    assert float(record["confidence"]) == row["confidence"]
    assert record["sentence"] == row["context"]["sentence"]


def test_articles_filter_by_their_quotes_type_and_whom_they_speak_for(client: FlaskClient) -> None:
    spoken_for = client.get("/api/search?on_behalf_of=Irene Castellanos").get_json()
    assert [h["id"] for h in spoken_for["hits"]] == [ARTICLE]
    every = client.get("/api/search?size=100").get_json()["total"]["value"]
    indirect = client.get("/api/search?type=indirect&size=100").get_json()
    direct = client.get("/api/search?type=direct&size=100").get_json()
    assert ARTICLE in {h["id"] for h in indirect["hits"]} & {h["id"] for h in direct["hits"]}
    assert 0 < indirect["total"]["value"] <= every and 0 < direct["total"]["value"] < every


# --- the quote card: one quote to cite ------------------------------------------------------


def test_a_quote_card_has_what_a_citation_needs(client: FlaskClient) -> None:
    card = client.get(f"/api/quotes/{ARTICLE}/0").get_json()
    assert card["speaker"]["name"] == "Ignacio Ferrán"
    assert card["on_behalf_of"]["name"] == "Irene Castellanos"
    assert card["type"] == "direct" and card["position"] == 0
    assert card["text"].startswith("The terminal is not closing")
    assert card["article"]["id"] == ARTICLE and card["article"]["agency"] == "NWS"
    public = client.application.config["PUBLIC_URL"]  # never the request's Host header
    assert card["permalink"] == f"{public}/quotes/{ARTICLE}/0"
    assert card["published"] == "2031-05-13"
    cited = card["citation"]
    assert cited["text"].startswith("Ignacio Ferrán, for Irene Castellanos: “The terminal is")
    assert "13 May 2031" in cited["text"] and cited["text"].endswith(card["permalink"])
    assert cited["csl"]["issued"] == {"date-parts": [[2031, 5, 13]]}
    assert cited["csl"]["container-title"] == "NWS"
    assert cited["ris"].splitlines()[0] == "TY  - NEWS" and "DA  - 2031/05/13/" in cited["ris"]


def test_a_paraphrase_is_cited_as_one(client: FlaskClient) -> None:
    card = client.get(f"/api/quotes/{ARTICLE}/2").get_json()
    assert card["speaker_kind"] == "anonymous" and card["type"] == "indirect"
    assert card["citation"]["text"].startswith(
        "A source familiar with the talks: the operators had offered a two-year pay agreement "
        "(paraphrase)."
    )
    page = client.get(f"/quotes/{ARTICLE}/2").get_data(as_text=True)
    assert f'href="/articles/{ARTICLE}#q2"' in page  # shown in the article, highlighted there
    assert '<mark class="said">the operators had offered a two-year pay agreement</mark>' in page
    assert "“the operators had offered" not in page


def test_no_such_quote_is_a_404(client: FlaskClient) -> None:
    for path in (f"/api/quotes/{ARTICLE}/99", "/api/quotes/no-such-article/0"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.get_json()["message"] == "no quote with this id"
    assert client.get(f"/quotes/{ARTICLE}/99").status_code == 404


def test_every_quote_hit_links_to_its_card(client: FlaskClient) -> None:
    page = client.get("/quotes?q=terminal").get_data(as_text=True)
    assert f'href="/quotes/{ARTICLE}/0">Cite' in page
