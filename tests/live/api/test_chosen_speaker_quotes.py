"""A speaker chosen in the facet and `quote:` words in the query are one quote, as
``speaker:… quote:…`` is: on a real node over an archive `dateline reindex` builds from
invented records."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from flask.testing import FlaskClient

from api import create_app
from tests.support.helpers import drop_indices, run_dateline

RECORDS = [
    {  # Marsh speaks, but the ferry is in Hollings's quote
        "id": "ferry-board",
        "published": "2016-04-01",
        "title": "Ferry board meets",
        "text": "Ferry board meets\n\nPORTLAND, Maine — The ferry board met on Monday. "
        '"We will publish the accounts in May," said Lena Marsh, the board\'s chair. '
        '"The ferry must keep running all winter," said Priya Hollings, a councillor.',
    },
    {  # Marsh's own quote holds the ferry
        "id": "ferry-fares",
        "published": "2016-04-02",
        "title": "Ferry fares rise",
        "text": "Ferry fares rise\n\nPORTLAND, Ore. — The island line raised its fares. "
        '"The ferry costs more to run every year," said Lena Marsh, the board\'s chair.',
    },
]


@pytest.fixture(scope="module")
def client(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    folder: Path = tmp_path_factory.mktemp("chosen")
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    alias = f"dateline-test-chosen-{uuid.uuid4().hex[:8]}"
    try:
        run = run_dateline("reindex", str(records), "--workers", "1", alias=alias)
        assert run.returncode == 0, run.stderr[-3000:]
        yield create_app({"INDEX": alias, "TESTING": True}).test_client()
    finally:
        drop_indices(es, alias)


def _found(client: FlaskClient, **args: Any) -> dict[str, Any]:
    response = client.get("/api/search", query_string={"size": 50, **args})
    assert response.status_code == 200, response.get_data(as_text=True)
    found: dict[str, Any] = response.get_json()
    return found


def _ids(client: FlaskClient, **args: Any) -> set[str]:
    return {h["id"] for h in _found(client, **args)["hits"]}


def test_both_articles_quote_marsh_and_the_ferry(client: FlaskClient) -> None:
    assert _ids(client, speaker="Lena Marsh") == {"ferry-board", "ferry-fares"}
    assert _ids(client, q="quote:ferry") == {"ferry-board", "ferry-fares"}


@pytest.mark.parametrize(
    "args",
    [
        {"speaker": "Lena Marsh", "q": "quote:ferry"},
        {"speaker": "lena-marsh", "q": "quote:ferry"},
        {"q": "speaker:marsh quote:ferry"},
    ],
)
def test_a_chosen_speaker_and_quote_words_are_one_quote(
    client: FlaskClient, args: dict[str, str]
) -> None:
    found = _found(client, **args)
    assert {h["id"] for h in found["hits"]} == {"ferry-fares"}
    [hit] = found["hits"]
    assert [q["speaker"] for q in hit["quotes"]] == ["Lena Marsh"]


def test_the_facet_counts_what_the_search_finds(client: FlaskClient) -> None:
    found = _found(client, speaker="Lena Marsh", q="quote:ferry")
    counts = {b["value"]: b["count"] for b in found["facets"]["speaker"]}
    assert counts["Lena Marsh"] == found["total"]["value"] == 1


def test_an_excluded_speaker_does_not_pair(client: FlaskClient) -> None:
    assert _ids(client, speaker="-Priya Hollings", q="quote:ferry") == {"ferry-fares"}


def test_the_speakers_datelines_are_told_apart_by_their_label(client: FlaskClient) -> None:
    profile = client.get("/api/speakers/lena-marsh").get_json()
    assert sorted((p["value"], p["count"]) for p in profile["places"]) == [
        ("Portland, Maine", 1),
        ("Portland, Oregon", 1),
    ]
    html = client.get("/speakers/lena-marsh").get_data(as_text=True)
    assert "location=Portland%2C%20Oregon" in html and "Portland, Maine</a> (1)" in html
    assert _ids(client, speaker="lena-marsh", location="Portland, Oregon") == {"ferry-fares"}
