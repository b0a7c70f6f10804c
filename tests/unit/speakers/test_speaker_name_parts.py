"""Names parsed right: titles (plural too), suffixes, initials, two-part surnames, nicknames
from a corrected table, legal names and aliases, and names that are no people's."""

from __future__ import annotations

import pytest

from search.speakers.aliases import alias_of
from search.speakers.given import same_given
from search.speakers.kinds import kind_of
from search.speakers.names import PersonName, person_name


def _name(written: str) -> PersonName:
    name = person_name(written)
    assert name is not None
    return name


@pytest.mark.parametrize(
    ("written", "surname", "titles"),
    [
        ("Representatives Clyburn", "clyburn", ("representatives",)),
        ("Sens. Kaine", "kaine", ("sens",)),
        ("Professors Foner", "foner", ("professors",)),
        ("Mrs. Clinton", "clinton", ("mrs",)),
    ],
)
def test_titles_singular_or_plural_are_no_given_name(
    written: str, surname: str, titles: tuple[str, ...]
) -> None:
    name = _name(written)
    assert (name.given, name.surname, name.titles) == ("", surname, titles)


def test_a_suffix_or_a_title_alone_is_no_name() -> None:
    assert person_name("III") is None
    assert person_name("Jr.") is None
    assert person_name("Rep. III") is None


def test_a_title_says_the_sex_it_speaks_of() -> None:
    assert _name("Mrs. Clinton").sex == "female"
    assert _name("Mr. Trump").sex == "male"
    assert _name("Secretary Clinton").sex is None


def test_middle_initials_are_kept_to_tell_namesakes_apart() -> None:
    assert _name("George H.W. Bush").initials == "hw"
    assert _name("George W. Bush").initials == "w"
    assert _name("George H.W. Bush").key == _name("George W. Bush").key == "george bush"
    assert _name("Donald J. Trump").display == "Donald Trump"


def test_middle_names_and_two_part_surnames_are_shown() -> None:
    assert _name("Debbie Wasserman Schultz").display == "Debbie Wasserman Schultz"
    assert _name("Melba Acosta Febo").display == "Melba Acosta Febo"
    assert _name("Mary Kay Henry").display == "Mary Kay Henry"


def test_a_name_going_by_its_middle_name_compares_by_it() -> None:
    name = _name("J. Gerald Hebert")
    assert (name.given, name.surname, name.display) == ("gerald", "hebert", "J. Gerald Hebert")


@pytest.mark.parametrize(
    ("a", "b"),
    [("stan", "stanley"), ("chuck", "charles"), ("sandy", "sandra"), ("jim", "james")],
)
def test_nicknames_of_one_person(a: str, b: str) -> None:
    assert same_given(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("gary", "garrett"), ("bill", "robert"), ("tony", "john"), ("peter", "patrick")]
)
def test_given_names_of_different_people(a: str, b: str) -> None:
    assert not same_given(a, b)


def test_legal_and_birth_names_from_the_curated_table() -> None:
    jeb = alias_of(_name("John Ellis Bush"))
    ted = alias_of(_name("Rafael Edward Cruz"))
    assert jeb is not None and jeb.key == "jeb bush"
    assert ted is not None and ted.key == "ted cruz"
    assert alias_of(_name("Rafael Cruz")) is None  # his father
    assert alias_of(_name("Jeb Bush")) is None


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Team Clinton", "organization"),
        ("Stop Trump", "organization"),
        ("Fox News", "organization"),
        ("Acme Holdings Inc.", "organization"),
        ("Clinton Campaign", "organization"),
        ("Rachel Maddow Show", "document"),
        ("Benghazi Report", "document"),
        ("Maybe Trump", "phrase"),
        ("Electing Obama", "phrase"),
        ("Hampshire Sanders", "phrase"),
        ("Paul Paul", "phrase"),
        ("Interestingly Blocher", "phrase"),
        ("Affairs Clinton", "phrase"),
    ],
)
def test_what_names_no_person(written: str, kind: str) -> None:
    assert kind_of(written, person_name(written)).kind == kind


@pytest.mark.parametrize(
    "written",
    [
        "Mitt Romney",
        "Whit Ayres",
        "Zephyr Teachout",
        "Reince Priebus",
        "Hope Hicks",
        "Ash Carter",
        "Tracee Ellis Ross",
        "Mahamat Saleh Oumar",
        "David French",
        "Tim Cook",
        "Obama",
    ],
)
def test_people_with_unusual_or_word_like_names_are_people(written: str) -> None:
    assert kind_of(written, person_name(written)).kind == "person"


def test_what_extraction_said_the_speaker_was_wins() -> None:
    verdict = kind_of("Morgan Stanley", person_name("Morgan Stanley"), {"organization": 3})
    assert verdict.kind == "organization"
