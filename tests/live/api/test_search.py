"""The thin slice end to end on a real node: reindex, search API, facets, page, odd input."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import date

import pytest
from elasticsearch import Elasticsearch
from flask.testing import FlaskClient

from api import create_app
from search.extract.pipeline import extract
from search.geography import place_label
from search.index.indices import count_articles
from search.ingest.read import read_all
from search.model import Article, RawArticle
from search.query import execute
from search.query.body import build
from search.query.params import SearchParams
from tests.support.archive import Archive
from tests.support.helpers import SEED_ARTICLE, need_shared


def _articles(sample: Archive) -> list[Article]:
    """The sample archive's articles as extraction gives them, independently of the index."""
    found = read_all(sample.paths)
    return [extract(d, year=sample.year) for d in found if isinstance(d, RawArticle)]


def test_reindex_holds_every_article(es: Elasticsearch, sample: Archive) -> None:
    expected = len(_articles(sample))
    assert expected >= 20
    read, indexed, rejected = re.findall(
        r"read (\d+), indexed (\d+), .*rejected (\d+)", sample.summary
    )[0]
    assert (int(read), int(indexed), int(rejected)) == (expected, expected, 0)
    assert count_articles(es, sample.alias) == expected


def test_inauguration_finds_the_seed_with_a_mark(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)
    body = client.get("/api/search?q=inauguration").get_json()
    seed = next(h for h in body["hits"] if h["id"] == SEED_ARTICLE.stem)
    assert seed["dateline"]["name"] == "Moscow"
    assert any("<mark>inauguration</mark>" in s for s in seed["snippets"])
    assert "<mark>inauguration</mark>" in seed["title_html"]


def test_highlights_escape_everything_but_the_marks(client: FlaskClient) -> None:
    body = client.get("/api/search?q=inauguration").get_json()
    hostile = next(h for h in body["hits"] if h["id"] == "hostile-markup")
    html = " ".join([hostile["title_html"], *hostile["snippets"]])
    # The title as the record gives it, escaped; the body's tags were stripped by extraction
    # (search.extract.markup), what is left of them escaped like any text.
    assert "&lt;b&gt;" in html and "&amp;" in html and "&quot;" in html
    assert not re.search(r"<(?!/?mark>)", html), html


def test_facet_counts_match_the_extracted_articles(client: FlaskClient, sample: Archive) -> None:
    need_shared(SEED_ARTICLE)
    articles = _articles(sample)
    body = client.get("/api/search?size=1").get_json()
    assert body["total"] == {"value": len(articles), "relation": "eq"}
    locations = Counter(place_label(a.dateline) for a in articles if a.dateline)
    speakers = Counter(s.name for a in articles for s in a.speakers)
    got_locations = {b["value"]: b["count"] for b in body["facets"]["location"]}
    got_speakers = {b["value"]: b["count"] for b in body["facets"]["speaker"]}
    assert got_locations == dict(locations.most_common(len(got_locations)))
    top = speakers.most_common(1)[0]
    assert got_speakers[top[0]] == top[1]
    # The seed (2016) and the sample (2030-31) span years: one bar a year.
    assert body["date_interval"] == "year"
    years = Counter(a.published.strftime("%Y") for a in articles if a.published)
    assert {b["value"]: b["count"] for b in body["facets"]["date"]} == years


def test_selecting_a_speaker_filters_hits_but_keeps_other_speakers_countable(
    client: FlaskClient,
) -> None:
    everything = client.get("/api/search?size=50").get_json()
    speakers = everything["facets"]["speaker"]
    chosen = speakers[0]["value"]
    body = client.get("/api/search", query_string={"speaker": chosen, "size": 50}).get_json()
    assert body["total"]["value"] == speakers[0]["count"]
    assert all(chosen in [s["name"] for s in h["speakers"]] for h in body["hits"])
    # Disjunctive: the other speakers keep their unfiltered counts so a reader can add them.
    assert {b["value"]: b["count"] for b in body["facets"]["speaker"]} == {
        b["value"]: b["count"] for b in speakers
    }
    assert next(b for b in body["facets"]["speaker"] if b["value"] == chosen)["selected"]


def test_filters_are_case_insensitive(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)  # the seed is the one article from Moscow
    body = client.get("/api/search?location=moscow").get_json()
    assert body["total"]["value"] >= 1
    assert all(h["dateline"]["name"] == "Moscow" for h in body["hits"])


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR (", "*", "peskov)", "-", "a" * 1000])
def test_odd_syntax_is_answered(client: FlaskClient, q: str) -> None:
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200
    assert "hits" in response.get_json()


def test_bad_arguments_get_a_clear_422(client: FlaskClient) -> None:
    for query in (
        {"size": 500},
        {"page": 0},
        {"from": "2016-13-01"},
        {"colour": "red"},
        {"q": "x" * 1001},
        {"page": 101, "size": 100},
    ):
        response = client.get("/api/search", query_string=query)
        assert response.status_code == 422, query
        payload = response.get_json()
        assert payload["code"] == 422 and payload["errors"], payload


def test_article_endpoint_returns_quotes(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)
    body = client.get(f"/api/articles/{SEED_ARTICLE.stem}").get_json()
    assert body["agency"] == "TASS" and body["published"] == "2016-11-14"
    peskov = [q for q in body["quotes"] if q["speaker"] == "Dmitry Peskov"]
    assert len(peskov) >= 6
    assert all(body["body"][q["start"] : q["end"]] == q["text"] for q in peskov)
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_suggestions_complete_surnames_to_full_names(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)
    body = client.get("/api/suggest?prefix=pesk").get_json()
    assert "Dmitry Peskov" in body["suggestions"]
    assert client.get("/api/suggest?prefix=").status_code == 422


def test_every_error_has_the_whole_envelope(client: FlaskClient) -> None:
    for response in (
        client.get("/api/search?size=0"),
        client.get("/api/articles/nothing-here"),
        client.post("/api/search"),
        client.get("/api/nowhere"),
    ):
        payload = response.get_json()
        assert set(payload) == {"code", "status", "message", "errors"}, payload
        assert payload["code"] == response.status_code and payload["message"]
    assert "GET" in client.post("/api/search").headers["Allow"]


def test_an_archive_not_built_yet_says_so() -> None:
    app = create_app({"INDEX": f"dateline-test-never-built-{uuid.uuid4().hex[:6]}"})
    response = app.test_client().get("/api/search?q=x")
    assert response.status_code == 503
    assert "dateline reindex" in response.get_json()["message"]


def test_phrases_are_marked_in_snippets_titles_and_quotes(client: FlaskClient) -> None:
    need_shared(SEED_ARTICLE)
    body = client.get('/api/search?q="no contacts"').get_json()
    seed = next(h for h in body["hits"] if h["id"] == SEED_ARTICLE.stem)
    marked = re.compile(r"<mark>no</mark> <mark>contacts</mark>|<mark>no contacts</mark>")
    assert marked.search(seed["title_html"])
    assert any(marked.search(s) for s in seed["snippets"])
    assert any(marked.search(q["text"]) and q["speaker"] == "Dmitry Peskov" for q in seed["quotes"])
    # Exact: every hit holds the phrase itself, not "no contact" or the words apart.
    assert all(marked.search(h["title_html"] + "".join(h["snippets"])) for h in body["hits"])


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"q": "port"},
        {"q": "said", "speaker": 0, "location": 0},
        {"speaker": 0, "from": "2030-01-01", "to": "2031-12-31", "agency": 0},
    ],
)
def test_counts_asked_apart_are_what_one_request_counts(
    es: Elasticsearch, sample: Archive, given: dict[str, object]
) -> None:
    """Facets chosen are counted in requests of their own (search.query.body.apart): every
    count must be the one a single request with a filter per facet gives."""
    top = execute.search(es, sample.alias, SearchParams(size=1))["facets"]
    filters = {k: (top[k][v]["value"],) for k, v in given.items() if isinstance(v, int)}
    dates = {k: date.fromisoformat(str(v)) for k, v in given.items() if k in ("from", "to")}
    params = SearchParams(
        q=str(given.get("q", "")),
        filters=filters,
        date_from=dates.get("from"),
        date_to=dates.get("to"),
    )
    chosen = execute.selection(es, sample.alias, params)
    body = build(params, chosen, "month")
    one = es.search(index=sample.alias, body={**body, "size": 0}, request_cache=False)
    split = execute._search_apart(es, sample.alias, body, "test")
    assert split["hits"]["total"] == one["hits"]["total"]
    assert split["aggregations"] == one["aggregations"]
