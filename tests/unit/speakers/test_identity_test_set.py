"""The identity test set (tests/data/polnear_people.json, judged by hand, measured by
bench/identity.py) says one thing of each spelling, and holds the cases issue 19 names."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

TEST_SET = Path(__file__).resolve().parents[2] / "data" / "polnear_people.json"


@pytest.fixture(scope="module")
def test_set() -> dict:  # type: ignore[type-arg]
    return json.loads(TEST_SET.read_text(encoding="utf-8"))


def _spellings(person: dict) -> list[str]:  # type: ignore[type-arg]
    return (
        person["spellings"]
        + person.get("typos", [])
        + person.get("aliases", [])
        + list(person.get("short_forms", {}))
    )


def test_each_spelling_is_judged_once(test_set: dict) -> None:  # type: ignore[type-arg]
    ids = Counter(p["id"] for p in test_set["people"])
    assert not [i for i, n in ids.items() if n > 1]
    judged = Counter(s for p in test_set["people"] for s in _spellings(p))
    judged.update(list(test_set["not_people"]))
    judged.update(test_set["unknown"])
    assert not [s for s, n in judged.items() if n > 1]
    assert set(test_set["not_people"].values()) <= {"organization", "document", "phrase"}
    for person in test_set["people"]:
        assert person["name"] and person["articles"] == sorted(person["articles"])
        for form, articles in person.get("short_forms", {}).items():
            assert set(articles) <= set(person["articles"]), form


def test_it_holds_the_people_who_share_a_surname(test_set: dict) -> None:  # type: ignore[type-arg]
    of = {s: p["id"] for p in test_set["people"] for s in _spellings(p)}
    for group in [
        ("Bill Clinton", "Hillary Clinton"),
        ("Donald Trump", "Donald Trump Jr.", "Eric Trump", "Ivanka Trump", "Melania Trump"),
        ("George W. Bush", "Jeb Bush"),
        ("John Podesta", "Tony Podesta"),
        ("Rafael Cruz", "Ted Cruz"),
        ("Barack Obama", "Michelle Obama"),
        ("Gary Johnson", "Garrett Johnson"),
    ]:
        assert len({of[name] for name in group}) == len(group), group
    assert of["John Ellis Bush"] == of["Jeb Bush"]
    assert of["Rafael Edward Cruz"] == of["Ted Cruz"]
    assert of["Rence Priebus"] == of["Reince Priebus"]
    assert of["Wasserman Schultz"] == of["Debbie Wasserman Schultz"]


def test_it_holds_the_strings_that_are_no_people(test_set: dict) -> None:  # type: ignore[type-arg]
    named_in_the_issue = """Wells Fargo|Pfizer|Verizon|Team Clinton|Stop Trump|Demogorgon Trump|
        Maybe Trump|Hampshire Sanders|Paul Paul|Electing Obama""".replace("\n", "").split("|")
    assert {n.strip() for n in named_in_the_issue} <= set(test_set["not_people"])
