"""The read API on a real node: speakers as people, quotes, facets, dates, cursors, export,
feeds, articles and related stories, checked against what the fixture corpus holds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from elasticsearch import Elasticsearch
from flask.testing import FlaskClient

from api import create_app
from search.index.archive import index_into_live, reindex
from search.schema import PERSON, only
from tests.data.people import AMBIGUOUS, RECORDS, TRUTH
from tests.data.records import write_records
from tests.support.archive import Archive
from tests.support.helpers import SEED_ARTICLE, need_shared


def get(client: FlaskClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_json()


def _ids(body: dict[str, Any]) -> set[str]:
    return {h["id"] for h in body["hits"]}


# --- speakers as people ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "person"),
    [
        ("Barack Okonkwo", "barack-okonkwo"),
        ("Okonkwo", "barack-okonkwo"),
        ("President Okonkwo", "barack-okonkwo"),
        ("Mr. Okonkwo", "barack-okonkwo"),
        ("barack-okonkwo", "barack-okonkwo"),
        ("Jim Halvorsen", "james-halvorsen"),
        ("James B. Halvorsen Jr.", "james-halvorsen"),
        ("james halvorsen", "james-halvorsen"),
        ("Donald Ashby Jr.", "donald-ashby-jr"),
        ("Donald Ashby", "donald-ashby"),
    ],
)
def test_any_spelling_of_a_person_filters_to_all_their_articles(
    client: FlaskClient, value: str, person: str
) -> None:
    body = get(client, f"/api/search?speaker={value}&size=50")
    assert _ids(body) == TRUTH[person][1]
    chosen = [b for b in body["facets"]["speaker"] if b["selected"]]
    assert [(b["id"], b["value"]) for b in chosen] == [(person, TRUTH[person][0])]


def test_a_surname_of_several_people_names_its_candidates_and_is_no_person(
    client: FlaskClient,
) -> None:
    body = get(client, "/api/search?speaker=Ferreira&size=50")
    people = AMBIGUOUS["Ferreira"]
    assert _ids(body) == set().union(*(TRUTH[p][1] for p in people))
    shown = {b["id"]: b for b in body["facets"]["speaker"]}
    assert set(shown) >= set(people) and all(shown[p]["selected"] for p in people)
    assert shown["bill-ferreira"]["value"] == "Bill Ferreira"
    [named] = body["speakers_named"]
    assert named["people"] == [] and {c["id"] for c in named["candidates"]} == set(people)
    # The bare "Ferreira" is neither in the facet nor in the directory.
    everyone = get(client, "/api/facets/speaker?size=100")["values"]
    assert "ferreira" not in {b["id"] for b in everyone}
    listed = get(client, "/api/speakers?prefix=ferreira")
    found = {p["id"] for p in listed["speakers"]}
    assert found >= set(people) and "ferreira" not in found
    assert listed["total"] == len(found)


@pytest.mark.parametrize(
    ("value", "person"),
    [
        ("Mrs. Ferreira", "hillary-ferreira"),  # a title carries sex
        ("Mr. Ferreira", "bill-ferreira"),
        ("Hillary", "hillary-ferreira"),  # a given name alone, one bearer
        ("Mr. Okonkwo", "barack-okonkwo"),
    ],
)
def test_a_title_form_or_a_given_name_names_its_person(
    client: FlaskClient, value: str, person: str
) -> None:
    body = get(client, f"/api/search?speaker={value}&size=50")
    assert _ids(body) == TRUTH[person][1]
    [named] = body["speakers_named"]
    assert [p["id"] for p in named["people"]] == [person] and named["rule"]


def test_a_misspelt_name_finds_nothing_and_says_what_was_meant(client: FlaskClient) -> None:
    body = get(client, "/api/quotes?speaker=Okonkow")
    assert body["total"]["value"] == 0
    [named] = body["speakers_named"]
    assert named["people"] == [] and named["did_you_mean"][0] == "Okonkwo"


def test_speaker_facet_counts_people_as_the_fixture_says(client: FlaskClient) -> None:
    body = get(client, "/api/facets/speaker?size=100")
    counts = {b["id"]: b["count"] for b in body["values"]}
    for person, (_, articles) in TRUTH.items():
        assert counts[person] == len(articles), person
    names = {b["id"]: b["value"] for b in body["values"]}
    assert all(names[p] == TRUTH[p][0] for p in TRUTH)


def test_a_later_article_joins_a_bare_surname_to_its_person(
    es: Elasticsearch, tmp_path: Path, alias: str
) -> None:
    first = write_records(tmp_path / "first.jsonl", [RECORDS[2]])  # "Mr. Okonkwo" alone
    reindex(es, alias, [first], workers=1)
    app = create_app({"INDEX": alias, "TESTING": True}).test_client()  # an archive it changes
    # A surname no person of the archive bears yet is no person of its own.
    alone = get(app, "/api/search?speaker=okonkwo")
    assert alone["total"]["value"] == 0 and alone["speakers_named"][0]["people"] == []
    [hit] = get(app, "/api/search?q=okonkwo")["hits"]
    assert hit["speakers"][0]["id"] is None and hit["speakers"][0]["as_written"] == "Okonkwo"
    assert get(app, "/api/speakers")["total"] == 0
    later = write_records(tmp_path / "later.jsonl", [RECORDS[0]])  # "Barack Okonkwo"
    index_into_live(es, alias, [later], workers=1)
    hits = get(app, "/api/search?speaker=okonkwo")["hits"]
    assert {h["speakers"][0]["id"] for h in hits} == {"barack-okonkwo"}
    quotes = get(app, "/api/quotes?speaker=Barack+Okonkwo")["hits"]
    assert {q["article"]["id"] for q in quotes} == {"okonkwo-1", "okonkwo-3"}


def test_the_directory_and_a_profile(client: FlaskClient) -> None:
    found = get(client, "/api/speakers?prefix=halv")["speakers"]
    assert [p["id"] for p in found] == ["james-halvorsen"]
    [person] = found
    assert (person["articles"], person["quotes"]) == (3, 3)
    assert (person["first"], person["last"]) == ("2031-03-03", "2031-05-11")
    profile = get(client, "/api/speakers/james-halvorsen")
    assert set(profile["variants"]) == {
        "James Halvorsen",
        "Jim Halvorsen",
        "James B. Halvorsen Jr.",
    }
    assert profile["places"] == [{"value": "Oslo, Norway", "count": 3}]  # as the facet labels it
    assert sum(b["count"] for b in profile["over_time"]) == 3
    assert profile["interval"] == "month"
    get(client, "/api/speakers/nobody-at-all", 404)


# --- quotes ----------------------------------------------------------------------------------


def test_quote_search_answers_who_said_what_where_and_when(client: FlaskClient) -> None:
    body = get(client, "/api/quotes?speaker=Okonkwo&q=bread&from=2031-03-01&to=2031-03-31")
    # The direct quote, and the reported statement reached through "the president said".
    assert body["total"]["value"] == 2
    for hit in body["hits"]:
        assert hit["speaker"]["id"] == "barack-okonkwo"
        assert hit["speaker"]["as_written"] == "Okonkwo" and hit["speaker"]["role"] == "President"
        assert (hit["article"]["id"], hit["published"]) == ("okonkwo-2", "2031-03-20")
        assert hit["dateline"]["name"] == "Abuja" and hit["cue"] == "said"
    speakers = {b["id"]: b["value"] for b in body["facets"]["speaker"]}
    assert speakers["barack-okonkwo"] == "Barack Okonkwo"  # people are shown by name
    assert {h["text"] for h in body["hits"]} == {
        "<mark>Bread</mark> prices will fall by summer",
        "Nobody should pay more for <mark>bread</mark> than for fuel",
    }


def test_the_peskov_question_on_the_seed(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)
    body = get(client, "/api/quotes?speaker=Peskov&q=trump&from=2016-11-01&to=2016-11-30")
    assert body["total"]["value"] >= 3
    for hit in body["hits"]:
        assert hit["speaker"]["name"] == "Dmitry Peskov"
        assert hit["dateline"]["name"] == "Moscow" and hit["published"].startswith("2016-11")
        assert "<mark>Trump" in hit["text"]


def test_a_hits_quotes_are_those_of_the_selected_speaker(client: FlaskClient) -> None:
    body = get(client, "/api/search?speaker=Tomas+Okafor&q=strike")
    assert body["hits"]
    for hit in body["hits"]:
        assert {q["speaker_id"] for q in hit["quotes"]} <= {"tomas-okafor"}
    alone = get(client, "/api/search?speaker=Tomas+Okafor")
    assert all(q["speaker_id"] == "tomas-okafor" for h in alone["hits"] for q in h["quotes"])
    assert any(h["quotes"] for h in alone["hits"])


# --- facets and dates ------------------------------------------------------------------------


def test_a_selected_value_outside_the_top_ten_keeps_its_real_count(client: FlaskClient) -> None:
    body = get(client, "/api/search?q=tram&agency=Agency+11")
    chosen = [b for b in body["facets"]["agency"] if b["selected"]]
    assert chosen == [{"value": "Agency 11", "count": 1, "selected": True}]
    assert len(body["facets"]["agency"]) == 11  # the top ten, then the chosen one


def test_the_date_histogram_ignores_the_date_filter_and_follows_the_span(
    client: FlaskClient,
) -> None:
    body = get(client, "/api/search?q=harbour&from=2031-03-01&to=2031-03-31")
    assert body["date_interval"] == "day"
    days = {b["value"] for b in body["facets"]["date"]}
    assert "2031-03-03" in days and any(d.startswith("2031-02") for d in days)
    everything = get(client, "/api/search?agency=NWS")
    assert everything["date_interval"] in {"month", "year"}
    counted = sum(b["count"] for b in everything["facets"]["date"])
    dated = (
        [h for h in get(client, "/api/export?agency=NWS&format=jsonl").response] if False else None
    )
    assert counted == everything["total"]["value"] - _undated(client, "agency=NWS")
    del dated


def _undated(client: FlaskClient, query: str) -> int:
    rows = client.get(f"/api/export?{query}&format=jsonl").get_data(as_text=True).splitlines()
    return sum(1 for row in rows if json.loads(row).get("published") is None)


def test_total_took_and_a_suggestion_when_hits_are_few(client: FlaskClient) -> None:
    body = get(client, "/api/search?q=harbuor")
    assert body["total"] == {"value": 0, "relation": "eq"}
    assert body["suggestion"] == "harbour" and body["took_ms"] >= 0


def test_facet_values_by_prefix_under_the_current_search(client: FlaskClient) -> None:
    body = get(client, "/api/facets/agency?q=tram&prefix=agency+1")
    assert {b["value"] for b in body["values"]} == {"Agency 10", "Agency 11"}
    people = {b["id"] for b in get(client, "/api/facets/speaker?prefix=ferr")["values"]}
    assert people >= {"bill-ferreira", "hillary-ferreira"} and "ferreira" not in people
    assert all(re.search(r"(^|-)ferr", p) for p in people)
    get(client, "/api/facets/colour", 404)


# --- paging, export, feeds -------------------------------------------------------------------


def test_the_cursor_pages_through_every_document_exactly_once(client: FlaskClient) -> None:
    total = get(client, "/api/search?size=1")["total"]["value"]
    seen: list[str] = []
    url = "/api/search?size=4&sort=relevance"
    while True:
        body = get(client, url)
        seen += [h["id"] for h in body["hits"]]
        if not body["next_cursor"]:
            break
        url = f"/api/search?size=4&sort=relevance&cursor={body['next_cursor']}"
    assert len(seen) == len(set(seen)) == total
    quotes: list[str] = []
    url = "/api/quotes?size=7&sort=newest"
    while url:
        body = get(client, url)
        quotes += [h["id"] for h in body["hits"]]
        url = body["next_cursor"] and f"/api/quotes?size=7&sort=newest&cursor={body['next_cursor']}"
    assert len(quotes) == len(set(quotes)) == get(client, "/api/quotes")["total"]["value"]


def test_a_cursor_only_works_with_its_own_search(client: FlaskClient) -> None:
    cursor = get(client, "/api/search?size=2")["next_cursor"]
    body = get(client, f"/api/search?size=2&q=harbour&cursor={cursor}", 422)
    assert "another search" in body["message"]
    get(client, "/api/search?cursor=not-a-cursor", 422)


def test_export_streams_every_result_once_with_a_file_name(client: FlaskClient) -> None:
    total = get(client, "/api/search?q=tram")["total"]["value"]
    response = client.get("/api/export?q=tram&format=csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert re.search(
        r'filename="dateline-articles-tram-[\d-]+\.csv"', response.headers["Content-Disposition"]
    )
    # A byte-order mark first (for Excel): a program reads it as utf-8-sig, or asks `bom=0`.
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert len(rows) == len({r["id"] for r in rows}) == total
    lines = client.get("/api/export?of=quotes&format=jsonl&speaker=Okonkwo").get_data(as_text=True)
    quotes = [json.loads(line) for line in lines.splitlines()]
    assert {q["article_id"] for q in quotes} == TRUTH["barack-okonkwo"][1]


def test_an_atom_feed_of_a_search_parses_newest_first(client: FlaskClient) -> None:
    response = client.get("/api/feed.atom?q=harbour")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo and feed.version == "atom10"
    dates = [e.updated_parsed for e in feed.entries]
    assert feed.entries and dates == sorted(dates, reverse=True)
    # On the configured public address (DATELINE_PUBLIC_URL), not the request's Host.
    public = client.application.config["PUBLIC_URL"]
    assert all(e.link.startswith(f"{public}/articles/") for e in feed.entries)


# --- articles and related ---------------------------------------------------------------------


def test_an_article_with_the_words_marked_and_its_quotes(client: FlaskClient) -> None:
    body = get(client, "/api/articles/halvorsen-3?q=harbour")
    assert "<mark>harbour</mark>" in body["body_html"] and "<mark>" not in body["body"]
    [quote] = body["quotes"]
    assert quote["speaker_id"] == "james-halvorsen" and "<mark>harbour</mark>" in quote["text_html"]
    get(client, "/api/articles/no-such-article", 404)


def test_wire_copies_are_grouped_not_listed_apart(client: FlaskClient) -> None:
    body = get(client, "/api/articles/wire-a/related")
    assert [c["id"] for c in body["copies"]] == ["wire-b"]
    listed = [r["id"] for r in body["related"]] + [
        c["id"] for r in body["related"] for c in r["copies"]
    ]
    assert "wire-b" not in listed and "wire-c" in listed


# --- hostile input and errors ------------------------------------------------------------------


def test_hostile_text_and_queries_stay_escaped(client: FlaskClient) -> None:
    search = get(client, "/api/search?q=bridge")["hits"]
    search += get(client, "/api/search?q=%3Cscript%3Ebridge%3C/script%3E%22")["hits"]
    quotes = get(client, "/api/quotes?q=bridge")["hits"]
    article = get(client, "/api/articles/hostile?q=bridge")
    shown = [h["title_html"] for h in search] + [s for h in search for s in h["snippets"]]
    shown += [q["text"] for h in search for q in h["quotes"]] + [q["text"] for q in quotes]
    shown += [article["title_html"]]
    shown += [q["text_html"] for q in article["quotes"]]
    assert any("&lt;script&gt;" in s for s in shown)
    for html in shown:
        assert not re.search(r"<(?!/?mark>)", html), html
    # The body's only other markup: each quote's anchor (search.query.anchors).
    anchor = r'span class="said"(?: id="q\d+")? data-q="\d+">|/span>'
    assert not re.search(rf"<(?!/?mark>|{anchor})", article["body_html"]), article["body_html"]


def test_dates_out_of_order_are_a_422(client: FlaskClient) -> None:
    body = get(client, "/api/search?from=2031-05-01&to=2031-04-01", 422)
    assert "to" in json.dumps(body["errors"])


def test_every_endpoint_is_in_the_openapi_document(client: FlaskClient) -> None:
    paths = set(get(client, "/api/openapi.json")["paths"])
    assert {
        "/api/search",
        "/api/quotes",
        "/api/speakers",
        "/api/speakers/{person_id}",
        "/api/articles/{article_id}",
        "/api/articles/{article_id}/related",
        "/api/facets/{facet}",
        "/api/export",
        "/api/feed.atom",
        "/api/suggest",
        "/api/health",
    } <= paths


def test_counts_are_articles_not_quote_documents(
    client: FlaskClient, es: Elasticsearch, sample: Archive
) -> None:
    articles = get(client, "/api/search")["total"]["value"]
    assert get(client, "/api/health")["articles"] == articles
    quotes = get(client, "/api/quotes")["total"]["value"]
    entries = es.count(index=sample.alias, query=only(PERSON))["count"]  # the people registry
    assert es.count(index=sample.alias)["count"] == articles + quotes + entries > articles


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("okonkwu~1", "okonkwo-1"),  # a typo allowed
        ("speaker:halvorsen audit", "halvorsen-1"),  # a field scope
        ("quote:crown", "halvorsen-1"),  # only inside quotes
        ("title:(tram costs)", "ferreira-hillary"),
        ("stadium -referendum -deal", "ashby-both"),
        ('"river port" | "grain tariff"', "okonkwo-3"),
    ],
)
def test_the_query_language_end_to_end(client: FlaskClient, q: str, expected: str) -> None:
    assert expected in _ids(get(client, f"/api/search?size=50&q={q}"))


def test_explain_says_how_the_query_was_understood(client: FlaskClient) -> None:
    body = get(client, "/api/search?q=speaker:peskov+trump~+-kremlin&explain=true")
    kinds = {(c["kind"], c["text"], c["negated"]) for c in body["explain"]["clauses"]}
    expected = {("word", "peskov", False), ("fuzzy", "trump", False), ("word", "kremlin", True)}
    assert expected <= kinds
