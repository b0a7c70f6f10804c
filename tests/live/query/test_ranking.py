"""The compiled search language answered by a real node, on the index Dateline creates (its own
mapping and analysis): what ranks first, what each piece of syntax finds, odd queries valid."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from search.index.indices import create_index
from search.query.language import ARTICLES, parse, to_query
from tests.support.folded import with_folded
from tests.support.helpers import drop_indices

FILLER = " ".join(["the weather in the region stayed mild and markets were calm"] * 4)
PESKOV = {"name": "Dmitry Peskov", "as_written": "Peskov", "surname": "peskov"}
# Article documents written by hand, each made to tell one ranking rule apart, so they are
# indexed as they are rather than extracted from text (the sample archive cannot hold such
# pairs): a private index, created as `dateline reindex` creates one.
ARTICLES_DOCS: list[dict[str, Any]] = [
    {
        "id": "close",
        "title": "Kremlin briefing",
        "body": "Dmitry Peskov told reporters that Trump had not called. "
        f'"We have had no contacts with the team," he said. {FILLER}',
        "speakers": [{**PESKOV, "role": "spokesman"}],
        "quotes": [{"text": "We have had no contacts with the team", "speaker": "Dmitry Peskov"}],
        "dateline": {"name": "Moscow", "names": ["Moscow"]},
        "agency": "TASS",
    },
    {
        "id": "scattered",
        "title": "Weekly roundup",
        "body": f"Peskov was away. {FILLER} Later Trump spoke.",
        "dateline": {"name": "Washington", "names": ["Washington"]},
        "agency": "Reuters",
    },
    {"id": "typo", "title": "Misspelt", "body": f"Pesko said little. {FILLER}"},
    {
        "id": "contacts-outside-quotes",
        "title": "Diplomacy",
        "body": f"The ministry had no contacts with the team, said Lavrov. {FILLER}",
        "speakers": [{"name": "Sergei Lavrov", "as_written": "Lavrov", "surname": "lavrov"}],
        "places": [{"name": "New York", "names": ["New York"]}],
    },
    {
        "id": "title-only",
        "title": "Election fraud claims",
        "body": f"The election was held. {FILLER} There were claims of fraud.",
    },
    {
        "id": "exact-passage",
        "title": "Late count",
        "body": f"Observers found no sign of election fraud in the count. {FILLER}",
    },
    {
        "id": "no-further",
        "title": "Talks",
        "body": f"There had no further contacts since spring. {FILLER}",
    },
    {"id": "unrelated", "title": "Football", "body": f"The match ended in a draw. {FILLER}"},
]


@pytest.fixture(scope="module")
def index(es: Elasticsearch) -> Iterator[str]:
    alias = f"dateline-test-lang-{uuid.uuid4().hex[:10]}"
    name = create_index(es, alias, loading=False)
    try:
        for doc in ARTICLES_DOCS:
            document = with_folded({"kind": "article", **doc})
            es.index(index=name, id=doc["id"], document=document)
        es.indices.refresh(index=name)
        yield name
    finally:
        drop_indices(es, alias)


def ids(es: Elasticsearch, index: str, q: str, **options: Any) -> list[str]:
    query = to_query(parse(q), ARTICLES, **options)
    return [hit["_id"] for hit in es.search(index=index, query=query, size=20)["hits"]["hits"]]


def test_close_words_rank_above_scattered_ones(es: Elasticsearch, index: str) -> None:
    assert ids(es, index, "peskov trump") == ["close", "scattered"]
    assert ids(es, index, "trump peskov") == ["close", "scattered"]


def test_an_exact_passage_outranks_a_title_match(es: Elasticsearch, index: str) -> None:
    assert ids(es, index, "election fraud") == ["exact-passage", "title-only"]


def test_typos_scopes_quotes_exclusions_alternatives(es: Elasticsearch, index: str) -> None:
    assert set(ids(es, index, "peskov~1")) == {"close", "scattered", "typo"}
    assert set(ids(es, index, "peskov")) == {"close", "scattered"}
    assert ids(es, index, "speaker:peskov") == ["close"]
    assert ids(es, index, 'speaker:"dmitry peskov"') == ["close"]
    assert set(ids(es, index, "speaker:(peskov | lavrov)")) == {"close", "contacts-outside-quotes"}
    assert ids(es, index, "speaker:(dmitry lavrov)") == []  # one speaker must hold both
    assert set(ids(es, index, '"no contacts"')) == {"close", "contacts-outside-quotes"}
    assert ids(es, index, 'quote:"no contacts"') == ["close"]
    assert ids(es, index, "peskov -trump") == []
    everything_but = {"typo", "contacts-outside-quotes", "no-further", "unrelated"}
    assert set(ids(es, index, "-peskov -fraud")) == everything_but
    assert set(ids(es, index, "lavrov | peskov")) == {
        "close",
        "scattered",
        "contacts-outside-quotes",
    }
    assert ids(es, index, 'location:moscow agency:tass place:"new york"') == []
    assert ids(es, index, 'place:"new york"') == ["contacts-outside-quotes"]
    assert ids(es, index, "location:moscow agency:tass") == ["close"]


def test_phrases_are_exact_and_prefixes_expand(es: Elasticsearch, index: str) -> None:
    assert ids(es, index, '"has no contacts"') == []
    assert set(ids(es, index, '"had no contacts"')) == {"close", "contacts-outside-quotes"}
    assert set(ids(es, index, "had no contacts")) == {
        "close",
        "contacts-outside-quotes",
        "no-further",
    }
    assert ids(es, index, '"no further contacts"') == ["no-further"]
    assert ids(es, index, "kreml*") == ["close"]
    assert ids(es, index, "speaker:pesk*") == ["close"]
    assert ids(es, index, "speaker:pesko~1") == ["close"]
    assert ids(es, index, "kremlinbriefing*") == []


def test_quotes_holding_the_words_come_back_as_inner_hits(es: Elasticsearch, index: str) -> None:
    query = to_query(parse("contacts peskov"), ARTICLES, inner_hits={"size": 3})
    (hit,) = es.search(index=index, query=query)["hits"]["hits"]
    quotes = hit["inner_hits"]["quotes"]["hits"]["hits"]
    assert [q["_source"]["speaker"] for q in quotes] == ["Dmitry Peskov"]


@pytest.mark.parametrize(
    "q",
    ["a*|" * 333, "AND OR (", "(" * 10_000, '"', "-", "speaker:", "~~ 🎉 \x00", "x" * 5000],
)
def test_odd_queries_are_valid_elasticsearch(es: Elasticsearch, index: str, q: str) -> None:
    es.search(index=index, query=to_query(parse(q), ARTICLES), size=1)
