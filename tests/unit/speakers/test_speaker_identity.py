"""Speakers as people: names as keys, and the archive's names merged into people."""

from __future__ import annotations

import pytest

from search.speakers.merge import Person, candidate_pairs, people
from search.speakers.names import person_name
from search.speakers.stats import NameStats


@pytest.mark.parametrize(
    ("written", "key", "display"),
    [
        ("Donald J. Trump", "donald trump", "Donald Trump"),
        ("Mr. Trump", "trump", "Trump"),
        ("President Obama", "obama", "Obama"),
        ("Hillary Rodham Clinton", "hillary clinton", "Hillary Rodham Clinton"),
        ("James B. Comey Jr.", "james comey jr", "James Comey Jr."),
        ("Donald Trump Jr.", "donald trump jr", "Donald Trump Jr."),
        ("Sen. Tim Kaine", "tim kaine", "Tim Kaine"),
        ("Beatriz Mourão", "beatriz mourao", "Beatriz Mourão"),
        ("Martin O’Malley", "martin o'malley", "Martin O’Malley"),
    ],
)
def test_a_name_as_written_becomes_a_key(written: str, key: str, display: str) -> None:
    name = person_name(written)
    assert name is not None and (name.key, name.display) == (key, display)


def _archive(counts: dict[str, int]) -> list[NameStats]:
    return [NameStats(written, articles) for written, articles in counts.items()]


ARCHIVE = {
    "Barack Obama": 40,
    "Obama": 12,
    "President Obama": 3,
    "James Comey": 9,
    "Jim Comey": 2,
    "James B. Comey Jr.": 3,
    "Bill Clinton": 7,
    "Hillary Clinton": 30,
    "Hillary Rodham Clinton": 4,
    "Clinton": 5,
    "Donald Trump": 50,
    "Donald J. Trump": 6,
    "Donald Trump Jr.": 4,
    "Trump": 2,
    "Ted Cruz": 8,
    "Edward Cruz": 1,
}


def _who(found: dict[str, Person], written: str) -> Person:
    name = person_name(written)
    assert name is not None
    return found[name.key]


def test_one_person_under_every_spelling() -> None:
    stats = _archive(ARCHIVE)
    found = people(stats, together={frozenset(("donald trump", "donald trump jr"))})
    obama = _who(found, "Barack Obama")
    assert obama == Person("barack-obama", "Barack Obama")
    assert _who(found, "Obama") == _who(found, "President Obama") == obama
    comey = _who(found, "James Comey")
    assert comey == Person("james-comey", "James Comey")
    assert _who(found, "Jim Comey") == _who(found, "James B. Comey Jr.") == comey
    assert _who(found, "Hillary Rodham Clinton") == Person("hillary-clinton", "Hillary Clinton")


def test_people_who_share_a_surname_stay_apart() -> None:
    found = people(_archive(ARCHIVE), together={frozenset(("donald trump", "donald trump jr"))})
    assert _who(found, "Bill Clinton") != _who(found, "Hillary Clinton")
    # "Clinton" alone goes to the Clinton named in over four times as many articles.
    assert _who(found, "Clinton") == _who(found, "Hillary Clinton")
    junior = _who(found, "Donald Trump Jr.")
    assert junior == Person("donald-trump-jr", "Donald Trump Jr.")
    assert _who(found, "Donald J. Trump") == Person("donald-trump", "Donald Trump") != junior
    # Of two Trumps, a bare "Trump" goes to the one with the clear margin.
    assert _who(found, "Trump") == _who(found, "Donald Trump")


def test_a_suffix_tells_people_apart_unless_the_name_is_written_formally() -> None:
    stats = _archive(ARCHIVE)
    pairs = candidate_pairs(stats)
    assert frozenset(("james comey", "james comey jr")) in pairs
    assert frozenset(("bill clinton", "hillary clinton")) not in pairs
    merged = people(stats, together=set())
    assert _who(merged, "Donald Trump Jr.") != _who(merged, "Donald Trump")
    assert _who(merged, "James B. Comey Jr.") == _who(merged, "James Comey")


def test_the_canonical_name_is_the_spelling_most_articles_use() -> None:
    stats = _archive({"Ted Cruz": 8, "Edward Cruz": 1, "Rafael Cruz": 2})
    found = people(stats, together=set())
    assert _who(found, "Edward Cruz") == _who(found, "Ted Cruz") == Person("ted-cruz", "Ted Cruz")
    assert _who(found, "Rafael Cruz") == Person("rafael-cruz", "Rafael Cruz")


def test_nothing_in_a_name_is_no_person() -> None:
    assert person_name("  ") is None
