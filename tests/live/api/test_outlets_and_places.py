"""Outlets and countries as facets, filters, scopes and columns, on articles and quotes, places
told apart by their state and found by the name the article writes, on a real node over an
archive `dateline reindex` builds from invented records (real place names in the datelines)."""

from __future__ import annotations

import csv
import io
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

NYT = "The New York Times"
US = "United States"


def _record(id_: str, publisher: str, published: str, title: str, body: str) -> dict[str, Any]:
    return {
        "id": id_,
        "publisher": publisher,
        "published": published,
        "title": title,
        "text": f"{title}\n\n{body}",
    }


RECORDS = [
    _record(
        "ferry-fares",
        "usa-today",
        "2016-03-01",
        "Ferry fares rise in the harbor",
        "PORTLAND, Maine — The island ferry raised its fares on Monday. "
        '"We had no other choice this winter," said Lena Marsh, the ferry line\'s director.',
    ),
    _record(
        "bridge-cyclists",
        "nyt",
        "2016-03-02",
        "Cyclists fill the river bridge",
        "PORTLAND, Ore. — Thousands of cyclists crossed the river bridge on Sunday. "
        '"The city finally listened to us," said Omar Reyes, who organised the ride.',
    ),
    _record(
        "pagoda-vigil",
        "wash-post",
        "2016-03-03",
        "Monks hold a vigil at the pagoda",
        "RANGOON, Burma — Hundreds of monks held a candlelit vigil at the pagoda on Tuesday. "
        '"We pray for a calm vote," said Aung Min Thu, an abbot from the northern hills.',
    ),
    _record(
        "budget-vote",
        "breitbart",
        "2016-03-04",
        "Senate budget vote slips again",
        "WASHINGTON — The Senate put off its budget vote for a third week. "
        '"Nobody wants to own these cuts," said Senator Dana Whitcombe of the finance panel.',
    ),
    _record(
        "tea-tariffs",
        "politico",
        "2016-03-05",
        "Tea importers fear new tariffs",
        "LONDON — Tea importers warned of higher prices under the new tariffs. "
        '"Every cup will cost more by summer," said Priya Hollings, who chairs the guild.',
    ),
    _record(
        "wine-exports",
        "huff-post",
        "2016-03-06",
        "Wine exports to France double",
        "The valley's vintners doubled their shipments to France this year. "
        '"The French finally discovered our reds," said Marco Feltrinelli, a grower.',
    ),
    _record(
        "county-fair",
        "valley-courier",
        "2016-03-07",
        "County fair opens with a parade",
        "The county fair opened with a parade of tractors. "
        '"Best turnout in a decade," said Jo Pettigrew, who runs the fair board.',
    ),
]


@pytest.fixture(scope="module")
def client(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    folder: Path = tmp_path_factory.mktemp("outlets")
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    alias = f"dateline-test-outlets-{uuid.uuid4().hex[:8]}"
    try:
        run = run_dateline("reindex", str(records), "--workers", "1", alias=alias)
        assert run.returncode == 0, run.stderr[-3000:]
        yield create_app({"INDEX": alias, "TESTING": True}).test_client()
    finally:
        drop_indices(es, alias)


def _get(client: FlaskClient, path: str, **args: Any) -> dict[str, Any]:
    response = client.get(path, query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)
    found: dict[str, Any] = response.get_json()
    return found


def _ids(client: FlaskClient, **args: Any) -> set[str]:
    return {h["id"] for h in _get(client, "/api/search", size=50, **args)["hits"]}


def _counts(found: dict[str, Any], facet: str) -> dict[str, int]:
    return {b["value"]: b["count"] for b in found["facets"][facet]}


def test_outlets_are_a_facet_by_name_and_unknown_ones_stay_as_given(client: FlaskClient) -> None:
    found = _get(client, "/api/search")
    assert _counts(found, "outlet") == {
        name: 1
        for name in (
            "USA Today",
            NYT,
            "The Washington Post",
            "Breitbart",
            "Politico",
            "HuffPost",
            "valley-courier",
        )
    }
    hit = next(h for h in _get(client, "/api/search", q="cyclists")["hits"])
    assert (hit["outlet"], hit["publisher"]) == (NYT, "nyt")


@pytest.mark.parametrize("typed", ["nyt", NYT, "new york times"])
def test_an_outlet_filters_by_any_of_its_names(client: FlaskClient, typed: str) -> None:
    found = _get(client, "/api/search", outlet=typed)
    assert [h["id"] for h in found["hits"]] == ["bridge-cyclists"]
    assert [b["value"] for b in found["facets"]["outlet"] if b["selected"]] == [NYT]


@pytest.mark.parametrize(
    ("q", "ids"),
    [
        ("outlet:nyt", {"bridge-cyclists"}),
        ("publisher:nyt", {"bridge-cyclists"}),
        ('outlet:"washington post"', {"pagoda-vigil"}),
        ("outlet:wapo", {"pagoda-vigil"}),
        ("outlet:valley-courier", {"county-fair"}),
        (
            "-outlet:breitbart -outlet:huffpost -outlet:politico -outlet:nyt",
            {"ferry-fares", "pagoda-vigil", "county-fair"},
        ),
    ],
)
def test_the_outlet_scope_and_its_publisher_alias(client: FlaskClient, q: str, ids: set) -> None:
    assert _ids(client, q=q) == ids


def test_portland_maine_and_portland_oregon_are_two_datelines(client: FlaskClient) -> None:
    found = _get(client, "/api/search")
    locations = _counts(found, "location")
    assert locations["Portland, Maine"] == 1 and locations["Portland, Oregon"] == 1
    assert "Portland" not in locations
    assert _ids(client, location="Portland, Maine") == {"ferry-fares"}
    assert _ids(client, location="portland, oregon") == {"bridge-cyclists"}
    assert _ids(client, location="Portland") == {"ferry-fares", "bridge-cyclists"}
    assert _ids(client, q="location:maine") == {"ferry-fares"}


def test_rangoon_finds_yangon_as_written_and_by_name(client: FlaskClient) -> None:
    [hit] = _get(client, "/api/search", q="pagoda")["hits"]
    place = hit["dateline"]
    assert (place["name"], place["as_written"], place["label"]) == (
        "Yangon",
        "Rangoon",
        "Yangon, Myanmar",
    )
    for args in (
        {"q": "rangoon"},
        {"q": "location:rangoon"},
        {"location": "Rangoon"},
        {"location": "Yangon"},
        {"q": "country:burma"},
        {"country": "Burma"},
    ):
        assert _ids(client, **args) == {"pagoda-vigil"}, args
    completions = _get(client, "/api/suggest", prefix="rang")["suggestions"]
    assert "Rangoon" in completions
    # Searched inside the Datelines facet, "rang" finds the name written, which selects Yangon.
    found = _get(client, "/api/facets/location", prefix="rang")["values"]
    assert found == [{"value": "Rangoon", "count": 1, "selected": False}]


def test_countries_of_datelines_and_of_places_mentioned(client: FlaskClient) -> None:
    found = _get(client, "/api/search")
    assert _counts(found, "country") == {US: 3, "Myanmar": 1, "United Kingdom": 1}
    assert _counts(found, "place_country")["France"] == 1
    for typed in ("us", "USA", US, "united states"):
        assert _ids(client, country=typed) == {"ferry-fares", "bridge-cyclists", "budget-vote"}
    assert _ids(client, q="country:us") == {"ferry-fares", "bridge-cyclists", "budget-vote"}
    assert _ids(client, place_country="fr") == {"wine-exports"}
    assert _ids(client, q="place_country:france") == {"wine-exports"}


def test_datelined_outside_the_us_is_one_filter(client: FlaskClient) -> None:
    found = _get(client, "/api/search", country="-us", size=50)
    assert {h["id"] for h in found["hits"]} == {"pagoda-vigil", "tea-tariffs"}
    us = next(b for b in found["facets"]["country"] if b["value"] == US)
    assert us == {"value": US, "count": 3, "selected": False, "excluded": True}
    # The query language's exclusion is "not datelined in the US": no dateline counts too.
    assert _ids(client, q="-country:us") == {
        "pagoda-vigil",
        "tea-tariffs",
        "wine-exports",
        "county-fair",
    }


def test_quotes_carry_and_filter_by_outlet_and_country(client: FlaskClient) -> None:
    found = _get(client, "/api/quotes", outlet="nyt")
    assert found["hits"] and all(h["outlet"] == NYT for h in found["hits"])
    assert _counts(found, "outlet")[NYT] == found["total"]["value"]
    abroad = _get(client, "/api/quotes", country="-us", size=50)
    assert {h["article"]["id"] for h in abroad["hits"]} == {"pagoda-vigil", "tea-tariffs"}
    scoped = _get(client, "/api/quotes", q="publisher:wapo")
    assert {h["article"]["id"] for h in scoped["hits"]} == {"pagoda-vigil"}


@pytest.mark.parametrize("of", ["articles", "quotes"])
def test_the_csv_has_outlet_and_country_columns(client: FlaskClient, of: str) -> None:
    response = client.get(
        "/api/export", query_string={"format": "csv", "of": of, "outlet": "usa-today"}
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows and all(r["outlet"] == "USA Today" for r in rows)
    assert {r["dateline"] for r in rows} == {"Portland, Maine"}
    assert {r["country"] for r in rows} == {US}


def test_the_pages_show_outlets_by_name_and_offer_the_exclusion(client: FlaskClient) -> None:
    page = client.get("/articles/bridge-cyclists").get_data(as_text=True)
    assert NYT in page and ">nyt<" not in page
    assert "Portland, Oregon" in page
    search = client.get("/?country=-us").get_data(as_text=True)
    assert "Dateline countries" in search and "Outlets" in search
    assert "not United States" in search  # the chip, the country by its name
    assert 'class="excluded"' in search
    rangoon = client.get("/articles/pagoda-vigil").get_data(as_text=True)
    assert "written “Rangoon”" in rangoon
