"""A speaker's name is one person's name, nothing more: titles, offices, organisations, places
and verbs next to it are not part of it (a title is the role), two people side by side are two
speakers, and a father and his son are two people. The people and texts are fictional."""

from __future__ import annotations

import pytest

from search.extract.attribution.attribute import PeopleFindings, find_people


def speakers(found: PeopleFindings) -> list[tuple[str, str | None]]:
    return [(s.name, s.role) for s in found.speakers]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The deal could be signed in Tokyo, Russian Ambassador to Japan Gennady Sukhoverkov "
            "told TASS.",
            [("Gennady Sukhoverkov", "Russian Ambassador to Japan")],
            id="a title holding a place",
        ),
        pytest.param(
            "Minister of Foreign Affairs Sergei Antonov said the talks would go on.",
            [("Sergei Antonov", "Minister of Foreign Affairs")],
            id="a title holding an office",
        ),
        pytest.param(
            "Russian Permanent Representative to the UN Vasily Orlovsky on Tuesday called for "
            "new talks.",
            [("Vasily Orlovsky", "Russian Permanent Representative to the UN")],
            id="a title holding an organisation, and a day before the verb",
        ),
        pytest.param(
            "U.S. Trade Representative Carla Whitmore said the talks would resume.",
            [("Carla Whitmore", "U.S. Trade Representative")],
            id="a US office",
        ),
        pytest.param(
            "Special Coordinator Dana Okafor said her team would travel on Monday.",
            [("Dana Okafor", "Special Coordinator")],
            id="a capitalised role noun",
        ),
        pytest.param(
            "Timberline Mills C.E.O. Grant Pellegrino said his company had laid off workers.",
            [("Grant Pellegrino", "Timberline Mills C.E.O.")],
            id="a company and its C.E.O.",
        ),
        pytest.param(
            "Lumber producers welcomed the news. Actress Maya Delacroix said the mill must stay.",
            [("Maya Delacroix", "Actress")],
            id="a profession opening the sentence, and no role from the sentence before",
        ),
        pytest.param(
            "Fleet Commander Vice-Admiral Viktor Salnikov said the drills would go on.",
            [("Viktor Salnikov", "Fleet Commander Vice-Admiral")],
            id="military ranks, hyphenated too",
        ),
        pytest.param(
            "Co-anchor Nora Whitby said the debate would start late.",
            [("Nora Whitby", "Co-anchor")],
            id="a hyphenated role",
        ),
        pytest.param(
            "Ohio-based Matt Ferrand said the plant would close.",
            [("Matt Ferrand", None)],
            id="where someone is based is no part of the name",
        ),
        pytest.param(
            "Ukraine's deputy foreign minister, Oksana Hrytsenko, said Kiev welcomed the talks.",
            [("Oksana Hrytsenko", "Ukraine's deputy foreign minister")],
            id="a role set off before the name",
        ),
    ],
)
def test_the_role_is_kept_apart_from_the_name(
    body: str, expected: list[tuple[str, str | None]]
) -> None:
    assert speakers(find_people(body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Kiev said on Monday it would not send observers.", id="an older spelling"),
        pytest.param(
            "Washington believes the extension could lower prices, and Ottawa said it agreed.",
            id="capitals standing for governments",
        ),
        pytest.param(
            "The next round has not been scheduled yet, the Kremlin spokesman added.",
            id="an institution before a role",
        ),
    ],
)
def test_places_and_institutions_are_not_speakers(body: str) -> None:
    assert find_people(body).speakers == []


def test_verbs_and_prepositions_next_to_a_name_are_not_part_of_it() -> None:
    body = (
        "Sen. Robert Hale and Sen. Ruth Menard met on Monday. Like Hale, Menard also rejected "
        "the notion that the bill was dead.\n"
        "Continued Menard: “So I think it is a very real problem for the whole state.”\n"
        "The Plan Hale Praised\n"
        "Against Hale, the committee voted to shelve it."
    )
    found = find_people(body)
    assert [s.name for s in found.speakers] == ["Ruth Menard"]
    assert found.speakers[0].quote_count == 2
    assert found.people == ["Robert Hale", "Ruth Menard"]


def test_two_people_side_by_side_are_two_people() -> None:
    caption = "Russian Presidential spokesman Dmitry Korin Mikhail Zotov/TASS\n\n"
    body = caption + "Kremlin spokesman Dmitry Korin said the talks were useful."
    found = find_people(body, exclude=["Mikhail Zotov"])
    assert [s.name for s in found.speakers] == ["Dmitry Korin"]
    assert "Dmitry Korin Mikhail Zotov" not in found.people
    pair = (
        "Foreign Minister Sergei Antonov met Secretary of State Rex Colby on Monday. The "
        "Antonov Colby meeting lasted two hours, Antonov said."
    )
    assert find_people(pair).people == ["Sergei Antonov", "Rex Colby"]


def test_a_headline_naming_two_speakers_joins_neither_name() -> None:
    body = (
        "Foreign Minister Sergei Antonov met Secretary of State Rex Colby on Monday. Antonov "
        "said the talks were useful."
    )
    found = find_people(body, title="Antonov says Colby proposed new talks")
    assert {s.name for s in found.speakers} == {"Sergei Antonov", "Rex Colby"}


def test_a_father_and_his_son_are_two_speakers() -> None:
    body = (
        "Donald Ashby, a sawmill owner in Oregon, said the tariffs had cost him half his "
        "customers. His son, Donald Ashby Jr., who runs the family's trucking company, said "
        'business had never been worse. "We haul half of what we hauled," Ashby Jr. said.'
    )
    found = find_people(body)
    assert [(s.name, s.quote_count) for s in found.speakers] == [
        ("Donald Ashby Jr.", 2),
        ("Donald Ashby", 1),
    ]


def test_a_suffix_written_once_is_still_one_person() -> None:
    body = (
        "F.B.I. Director James B. Colmer Jr. said the review was over. Later Mr. Colmer told "
        "the committee that no charges would be brought."
    )
    found = find_people(body)
    assert [(s.name, s.quote_count) for s in found.speakers] == [("James B. Colmer Jr.", 2)]


def test_a_family_name_written_first_joins_the_full_name() -> None:
    body = (
        "Chinese Premier Zhao Minghui held talks with his Lao counterpart on Thursday. Zhao "
        "said China is ready to build the railway with Laos."
    )
    found = find_people(body)
    assert [(s.name, s.quote_count) for s in found.speakers] == [("Zhao Minghui", 1)]
