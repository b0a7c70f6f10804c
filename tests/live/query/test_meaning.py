"""Queries that mean what they say (issue 21), on a real node and the index Dateline creates:
folded apostrophes and accents (counted and marked), phrases with stop words and curly quotes,
a speaker paired with a quote, a question asked in words, did-you-mean offering only what finds
something. Fictional documents written by hand, each made to tell one case apart."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from search.index.indices import create_index
from search.query import execute
from search.query.body import MARK, marks
from search.query.language import ARTICLES, QUOTES, parse, to_query
from search.query.params import SearchParams
from search.schema import ARTICLE_HIT, QUOTE, QUOTE_HIT, marked
from tests.support.folded import with_folded
from tests.support.helpers import drop_indices

FILLER = "The harbour board met on Tuesday and the ferries ran on time."
OBAMA = {"name": "Barack Obama", "as_written": "Obama", "surname": "obama"}
ROSSI = {"name": "Marta Rossi", "as_written": "Rossi", "surname": "rossi"}


def _quote(speaker: dict[str, str], text: str) -> dict[str, Any]:
    return {"speaker": speaker["name"], "speaker_id": speaker["name"].lower(), "text": text}


ARTICLES_DOCS: list[dict[str, Any]] = [
    {
        "id": "straight",
        "title": "O'Malley at the docks",
        "body": f"Governor O'Malley toured the harbour. {FILLER}",
    },
    {
        "id": "curly",
        "title": "The ferry vote",
        "body": f"O’Malley’s ferry plan won. {FILLER}",
    },
    {
        "id": "accented",
        "title": "Élection à Lyon",
        "body": f"Une élection municipale a eu lieu à Lyon. {FILLER}",
    },
    {
        "id": "plain-election",
        "title": "Harbour election",
        "body": f"The election of the harbour board was close. {FILLER}",
    },
    {
        "id": "deplorables",
        "title": "A fundraiser in Lyon",
        "body": f"Rossi called half of Zorn’s supporters a “basket of deplorables.” {FILLER}",
    },
    {
        "id": "paired",
        "title": "Harbour talks",
        "body": f"Obama spoke of the ferries; Rossi spoke of Zorn. {FILLER}",
        "speakers": [OBAMA, ROSSI],
        "quotes": [_quote(OBAMA, "The ferries must run"), _quote(ROSSI, "Zorn is wrong")],
    },
    {
        "id": "same-quote",
        "title": "Obama on Zorn",
        "body": f"Obama said Zorn had lost the argument. {FILLER}",
        "speakers": [OBAMA],
        "quotes": [_quote(OBAMA, "Zorn has lost the argument")],
    },
]
QUOTE_DOCS: list[dict[str, Any]] = [
    {
        "id": "q-wall",
        "text": "We will build the harbour wall and the town will pay for it",
        "speaker": {"name": "Anton Zorn", "as_written": "Zorn", "surname": "zorn"},
    },
    {
        "id": "q-other",
        "text": "The ferries must run on time",
        "speaker": {"name": "Anton Zorn", "as_written": "Zorn", "surname": "zorn"},
    },
    {"id": "q-wall-rossi", "text": "No wall will stop the tide", "speaker": ROSSI},
]


@pytest.fixture(scope="module")
def index(es: Elasticsearch) -> Iterator[str]:
    alias = f"dateline-test-meaning-{uuid.uuid4().hex[:10]}"
    name = create_index(es, alias, loading=False)
    try:
        for doc in ARTICLES_DOCS:
            document = with_folded({"kind": "article", **doc})
            es.index(index=name, id=doc["id"], document=document)
        for doc in QUOTE_DOCS:
            es.index(index=name, id=doc["id"], document=with_folded({"kind": QUOTE, **doc}))
        es.indices.refresh(index=name)
        es.indices.put_alias(index=name, name=alias)
        yield alias
    finally:
        drop_indices(es, alias)


def ids(es: Elasticsearch, index: str, q: str, quotes: bool = False) -> set[str]:
    query = to_query(parse(q), QUOTES if quotes else ARTICLES)
    kind = {"term": {"kind": QUOTE if quotes else "article"}}
    body = {"bool": {"must": [query], "filter": [kind]}}
    return {hit["_id"] for hit in es.search(index=index, query=body, size=20)["hits"]["hits"]}


def test_apostrophes_fold_both_ways(es: Elasticsearch, index: str) -> None:
    both = {"straight", "curly"}
    assert ids(es, index, "o'malley") == ids(es, index, "o’malley") == both
    assert ids(es, index, "o'malley's") == ids(es, index, "o’malley’s") == both


def test_accents_fold_both_ways(es: Elasticsearch, index: str) -> None:
    assert (
        ids(es, index, "election")
        == ids(es, index, "élection")
        == {
            "accented",
            "plain-election",
        }
    )
    assert ids(es, index, '"election municipale"') == {"accented"}
    assert ids(es, index, '"élection municipale"') == {"accented"}


def test_the_original_text_is_marked_where_the_folded_twin_matched(
    es: Elasticsearch, index: str
) -> None:
    query = to_query(parse("election lyon"), ARTICLES)
    answer = es.search(index=index, query=query, highlight=marks(marked(ARTICLE_HIT)))
    (hit,) = answer["hits"]["hits"]
    assert hit["highlight"]["title"] == [f"{MARK[0]}Élection{MARK[1]} à {MARK[0]}Lyon{MARK[1]}"]
    (snippet,) = hit["highlight"]["body"]
    assert f"Une {MARK[0]}élection{MARK[1]} municipale" in snippet
    query = to_query(parse("\"o'malley's ferry\""), ARTICLES)
    answer = es.search(index=index, query=query, highlight=marks(marked(ARTICLE_HIT)))
    (hit,) = answer["hits"]["hits"]
    assert f"{MARK[0]}O’Malley{MARK[1]}’s {MARK[0]}ferry{MARK[1]}" in hit["highlight"]["body"][0]


def test_phrases_with_stop_words_and_curly_quotes_are_found(es: Elasticsearch, index: str) -> None:
    assert ids(es, index, '"basket of deplorables"') == {"deplorables"}
    assert ids(es, index, "“a basket of deplorables”") == {"deplorables"}
    assert ids(es, index, '"zorn\'s supporters"') == {"deplorables"}
    assert ids(es, index, '"basket deplorables"') == set()


def test_a_speaker_beside_a_quote_is_that_quotes_speaker(es: Elasticsearch, index: str) -> None:
    # "paired": Obama speaks, and someone else's quote names Zorn: not what was asked.
    assert ids(es, index, "speaker:obama quote:zorn") == {"same-quote"}
    assert ids(es, index, "speaker:obama zorn") == {"paired", "same-quote"}
    assert ids(es, index, "speaker:rossi quote:zorn") == {"paired"}


def test_a_question_finds_the_quotes_of_its_content_words(es: Elasticsearch, index: str) -> None:
    asked = "What did Zorn say about the wall?"
    assert ids(es, index, asked, quotes=True) == {"q-wall"}
    # Three words or fewer: all must match; more: three in four, the most matching first.
    query = to_query(parse("What did Zorn say about the harbour wall and the ferries?"), QUOTES)
    body = {"bool": {"must": [query], "filter": [{"term": {"kind": QUOTE}}]}}
    hits = es.search(index=index, query=body, highlight=marks(marked(QUOTE_HIT)))["hits"]["hits"]
    assert [h["_id"] for h in hits] == ["q-wall"]
    assert f"{MARK[0]}harbour wall{MARK[1]}" in hits[0]["highlight"]["text"][0]


def test_quote_search_answers_a_question(es: Elasticsearch, index: str) -> None:
    asked = SearchParams(q="What did Zorn say about the wall?")
    found = execute.search(es, index, asked, kind=QUOTE)
    assert [hit["id"] for hit in found["hits"]] == ["q-wall"]
    assert execute.search(es, index, SearchParams(q="zorn say wall"), kind=QUOTE)["total"] == {
        "value": 0,
        "relation": "eq",
    }


def test_did_you_mean_offers_only_what_finds_something(es: Elasticsearch, index: str) -> None:
    def offered(q: str) -> str | None:
        return execute.search(es, index, SearchParams(q=q))["suggestion"]

    assert offered("ferris harbour") == "ferries harbour"
    assert offered("harbour electon") == "harbour election"
    assert offered("deplorables electon") is None  # "election" is near, but finds nothing
    assert offered("deplorables lyon") is None  # spelt right: nothing to respell
    assert execute.search(es, index, SearchParams(q="ferries harbour"))["total"]["value"] > 0


def test_explain_shows_the_parentheses(es: Elasticsearch, index: str) -> None:
    told = execute.explain("rubio OR cruz debate")
    assert told["normalized"] == "(rubio OR cruz) AND debate"
    assert any("parentheses" in note for note in told["notes"])
