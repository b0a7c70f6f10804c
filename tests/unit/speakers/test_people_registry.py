"""The people registry, pure: which person id each spelling's documents carry (none for a name
that is no person's), an entry stored and read back whole, a reader's query resolved over what
the registry holds as over the directory itself, and the read path's directory cursor and
display names."""

from __future__ import annotations

from datetime import date

import pytest

from search.query import speakers
from search.query.cursor import BadCursor
from search.speakers.directory import Directory
from search.speakers.lookup import People
from search.speakers.merge import identify
from search.speakers.registry import Counts, directory_of, is_person, labels, stored
from tests.unit.speakers.test_speaker_directory import ARCHIVE, stat


@pytest.fixture(scope="module")
def directory() -> Directory:
    return identify(ARCHIVE)


def test_documents_carry_the_person_id_or_none(directory: Directory) -> None:
    found = labels(directory, ARCHIVE)
    assert found["Obama"] == found["Barack Obama"] == "barack-obama"
    assert found["John Ellis Bush"] == "jeb-bush"
    assert found["Donald Trump Jr."] == "donald-trump-jr"
    assert found["Wells Fargo"] is None  # an organisation: in no facet, no directory
    assert found["Demogorgon Trump"] is None  # a phrase before a known surname
    assert found["Bush"] is None  # may be Jeb, George W. or George H.W.: no person
    # One key, two people: Ted Cruz's birth name and his father.
    assert found["Rafael Edward Cruz"] == "ted-cruz" != found["Rafael Cruz"]


def test_a_name_no_person_of_the_archive_bears_is_no_person_yet() -> None:
    alone = identify([stat("Okonkwo", 3), stat("Verizon", 2)])
    assert all(e.kind == "ambiguous" and not is_person(e) for e in alone.entries.values())
    assert labels(alone, [stat("Okonkwo", 3)]) == {"Okonkwo": None}
    later = identify([stat("Okonkwo", 3), stat("Barack Okonkwo", 1)])
    assert labels(later, [stat("Okonkwo", 3)]) == {"Okonkwo": "barack-okonkwo"}


def test_an_entry_is_stored_and_read_back_whole(directory: Directory) -> None:
    held = []
    for entry in directory.entries.values():
        counts = Counts(entry.articles, entry.quotes, entry.first, entry.last, ["Sen."])
        held.append((entry.id, stored(entry, counts if is_person(entry) else None, directory)))
    back = directory_of(held)
    assert back.entries.keys() == directory.entries.keys()
    obama = back.entries["barack-obama"]
    assert obama.name == "Barack Obama" and obama.spellings.keys() == {"Barack Obama", "Obama"}
    assert (obama.first, obama.last) == (date(2016, 3, 1), date(2016, 10, 1))
    assert back.decisions["Obama"] == directory.decisions["Obama"]  # the rule, kept
    assert back.entries["wells-fargo"].kind == directory.entries["wells-fargo"].kind != "person"
    assert back.explain("Obama")[0].startswith("Barack Obama (person, id barack-obama)")


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Mrs. Clinton", "hillary-clinton"),
        ("Mr. Trump", "donald-trump"),
        ("Gov. Bush", "jeb-bush"),
        ("Bernie", "bernie-sanders"),
        ("Hillary", "hillary-clinton"),
        ("Jeb", "jeb-bush"),
        ("George H.W. Bush", "george-h-w-bush"),
        ("Obama", "barack-obama"),
    ],
)
def test_queries_resolve_over_the_registry_as_over_the_directory(
    directory: Directory, query: str, person: str
) -> None:
    held = [
        (e.id, stored(e, Counts(e.articles, e.quotes, e.first, e.last, e.roles), directory))
        for e in directory.entries.values()
    ]
    registry = People(directory_of(held))
    assert registry.resolve(query).people == People(directory).resolve(query).people == [person]
    assert registry.resolve("Clintn").suggestions[0] == "Clinton"


def test_a_directory_cursor_resumes_its_own_list_only() -> None:
    after = [12, 3, "okonkwo", "barack-okonkwo"]
    cursor = speakers.directory_cursor("ok", "quotes", 20, after)
    assert speakers.directory_after("ok", "quotes", 20, cursor) == after
    for prefix, sort, size in (("ok", "name", 20), ("ha", "quotes", 20), ("ok", "quotes", 10)):
        with pytest.raises(BadCursor):
            speakers.directory_after(prefix, sort, size, cursor)  # type: ignore[arg-type]
    with pytest.raises(BadCursor):
        speakers.directory_after("ok", "quotes", 20, "not-a-cursor")


def test_the_directory_asks_the_registry_by_each_order() -> None:
    body = speakers.directory_body("barack ok", 5, "articles", [3, 2, "b", "b"])
    assert body["sort"][0] == {"person.articles": "desc"} and body["search_after"]
    assert body["track_total_hits"] is True
    assert speakers.directory_body("", 5, "name")["sort"][0] == {"person.name.folded": "asc"}


def test_people_are_shown_by_the_registry_s_name_for_their_id() -> None:
    shaped = {
        "hits": [
            {
                "speakers": [{"id": "barack-obama", "name": "Obama", "as_written": "Obama"}],
                "quotes": [{"speaker_id": "barack-obama", "speaker": "Obama"}],
            },
            {"speaker": {"id": "barack-obama", "name": "Obama"}},
        ],
        "facets": {"speaker": [{"id": "barack-obama", "value": "Obama", "count": 2}]},
    }
    speakers.named(shaped, {"barack-obama": "Barack Obama"})
    assert shaped["hits"][0]["speakers"][0]["name"] == "Barack Obama"
    assert shaped["hits"][0]["speakers"][0]["as_written"] == "Obama"
    assert shaped["hits"][0]["quotes"][0]["speaker"] == "Barack Obama"
    assert shaped["hits"][1]["speaker"]["name"] == "Barack Obama"
    assert shaped["facets"]["speaker"][0]["value"] == "Barack Obama"
