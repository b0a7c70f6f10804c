"""Place and speaker names folded as texts are (search.folding): typed without their accents,
in a filter or a field scope, they find what the article writes with them, on a real node over
an archive `dateline reindex` builds from invented records (real place names in the datelines)."""

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
    {
        "id": "harbour-cranes",
        "publisher": "reuters",
        "published": "2016-03-08",
        "title": "Harbour cranes idle for a day",
        "text": "Harbour cranes idle for a day\n\nVALPARAÍSO, Chile — The harbour cranes stood "
        "idle on Thursday. Buyers in São Paulo waited for their cargo. "
        '"The port will catch up by Monday," said Beatriz Mourão, who runs the terminal.',
    },
    {
        "id": "tea-tariffs",
        "publisher": "politico",
        "published": "2016-03-05",
        "title": "Tea importers fear new tariffs",
        "text": "Tea importers fear new tariffs\n\nLONDON — Tea importers warned of higher "
        'prices. "Every cup will cost more by summer," said Priya Hollings, who chairs the guild.',
    },
]


@pytest.fixture(scope="module")
def client(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    folder: Path = tmp_path_factory.mktemp("folded")
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    alias = f"dateline-test-folded-{uuid.uuid4().hex[:8]}"
    try:
        run = run_dateline("reindex", str(records), "--workers", "1", alias=alias)
        assert run.returncode == 0, run.stderr[-3000:]
        yield create_app({"INDEX": alias, "TESTING": True}).test_client()
    finally:
        drop_indices(es, alias)


def _ids(client: FlaskClient, path: str = "/api/search", **args: Any) -> set[str]:
    response = client.get(path, query_string={"size": 50, **args})
    assert response.status_code == 200, response.get_data(as_text=True)
    return {h.get("article", h)["id"] for h in response.get_json()["hits"]}


@pytest.mark.parametrize(
    "args",
    [
        {"q": "location:valparaiso"},
        {"q": "location:VALPARAÍSO"},
        {"q": "port location:valparaiso"},
        {"location": "Valparaiso"},
        {"location": "valparaíso"},
        {"location": "Valparaiso, Chile"},
        {"q": "place:sao"},
        {"q": 'place:"Sao Paulo"'},
        {"place": "Sao Paulo"},
        {"place": "São Paulo"},
        {"q": "speaker:mourao"},
        {"q": "speaker:MOURÃO"},
        {"q": "speaker:mourao quote:port"},
    ],
)
@pytest.mark.parametrize("path", ["/api/search", "/api/quotes"])
def test_place_and_speaker_names_fold_accents(
    client: FlaskClient, path: str, args: dict[str, str]
) -> None:
    assert _ids(client, path, **args) == {"harbour-cranes"}


def test_an_unscoped_word_finds_the_dateline_folded(client: FlaskClient) -> None:
    assert _ids(client, q="valparaiso cranes") == {"harbour-cranes"}


def test_the_facet_shows_the_name_as_written_once(client: FlaskClient) -> None:
    response = client.get("/api/search")
    labels = [b["value"] for b in response.get_json()["facets"]["location"]]
    assert sorted(labels) == ["London", "Valparaíso, Chile"]
    inside = client.get("/api/facets/location", query_string={"prefix": "valp"}).get_json()
    assert [v["value"] for v in inside["values"]] == ["Valparaíso", "Valparaíso, Chile"]
