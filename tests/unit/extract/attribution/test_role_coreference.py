"""People reached through their role ("the Russian president said") and speakers named by a
headline ("Volnov, Tanaka discuss ..."). Conservative: when two people could hold the role, the
statement goes to nobody. The people and texts are fictional."""

from __future__ import annotations

import pytest

from search.extract.attribution.attribute import PeopleFindings, find_people


def counts(found: PeopleFindings) -> dict[str, int]:
    return {s.name: s.quote_count for s in found.speakers}


def cues_of(found: PeopleFindings, name: str) -> list[str]:
    return [q.cue.lower() for q in found.quotes if q.speaker == name]


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        pytest.param(
            "Kremlin spokesman Yegor Lapin spoke to reporters on Tuesday. The next round has not "
            "been scheduled yet, the Kremlin spokesman added.",
            "Yegor Lapin",
            "added",
            id="the spokesman named earlier",
        ),
        pytest.param(
            "EU foreign policy chief Marta Lindqvist met the ministers in Brussels. The EU's top "
            "diplomat said member states would decide within a month.",
            "Marta Lindqvist",
            "said",
            id="the top diplomat is the foreign policy chief",
        ),
        pytest.param(
            "Kremlin spokesman Yegor Lapin spoke on Tuesday. “The date is not set,” the Kremlin "
            "press secretary said.",
            "Yegor Lapin",
            "said",
            id="a press secretary is a spokesman",
        ),
        pytest.param(
            "Governor Stepan Kulikov opened the port on Tuesday. According to him, the port will "
            "employ three hundred people.",
            "Stepan Kulikov",
            "according to",
            id="according to him",
        ),
        pytest.param(
            "Russian Deputy Foreign Minister Lev Grachyov spoke to Interfax. “The American side "
            "has not answered our proposals,” the deputy minister said.",
            "Lev Grachyov",
            "said",
            id="a qualifier the role holds",
        ),
        pytest.param(
            "Japanese Prime Minister Hiroshi Tanaka arrived on Monday. Russian President Arkady "
            "Volnov met him at the residence. According to the Russian president, both sides are "
            "close to an agreement on the fishing grounds.",
            "Arkady Volnov",
            "according to",
            id="of two leaders, the one of that country",
        ),
        pytest.param(
            "“Our goods will reach Europe in nine days,” the Kazakh president told the forum. "
            "Kazakh President Nurlan Abenov opened the forum with the host.",
            "Nurlan Abenov",
            "told",
            id="a head of state named after the phrase",
        ),
        pytest.param(
            "Chinese Premier Zhao Minghui held talks with Lao Prime Minister Somphet Vongsavath. "
            "The Chinese premier said the two countries should step up exchanges.",
            "Zhao Minghui",
            "said",
            id="a premier is not the other country's prime minister",
        ),
    ],
)
def test_a_role_phrase_goes_to_the_one_person_holding_the_role(
    body: str, speaker: str, cue: str
) -> None:
    found = find_people(body)
    assert cue in cues_of(found, speaker)
    # The statement stops where the role phrase begins: "the" is not part of what was said.
    assert not any(q.text.lower().endswith(" the") for q in found.quotes)


def test_a_statement_before_a_role_phrase_ends_before_its_article() -> None:
    found = find_people(
        "President Barack Okonkwo spoke in Abuja. Bread prices will fall by summer, the "
        "president said."
    )
    assert [q.text for q in found.quotes] == ["Bread prices will fall by summer"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Kazakh President Nurlan Abenov opened the forum with Russian President Arkady "
            "Volnov. “The corridor is open to everyone who wants to use it,” the president said.",
            id="two presidents",
        ),
        pytest.param(
            "“The port will open in May,” the regional governor said. Governor Stepan Kulikov "
            "later toured the site.",
            id="a governor named only after the phrase",
        ),
        pytest.param(
            "US President Jack Marlow met the press on Monday. “We have never been so close,” the "
            "Russian president said.",
            id="a president of another country",
        ),
    ],
)
def test_a_role_phrase_no_one_clearly_holds_goes_to_nobody(body: str) -> None:
    found = find_people(body)
    assert [q for q in found.quotes if q.cue in ("said", "told")] == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Volnov, Tanaka discuss fishing quotas at Zavidovo",
            {"Arkady Volnov": 1, "Hiroshi Tanaka": 1},
            id="two names listed before the verb",
        ),
        pytest.param(
            "Volnov tells reporters talks were useful",
            {"Arkady Volnov": 1},
            id="one name before the verb",
        ),
        pytest.param(
            "Moscow sees no grounds for new fishing talks - Tanaka",
            {"Hiroshi Tanaka": 1},
            id="the source after a closing dash",
        ),
        pytest.param(
            "Volnov slams Tokyo, praises Tanaka",
            {"Arkady Volnov": 1},
            id="verbs listed after a name",
        ),
    ],
)
def test_a_headline_names_its_speakers(title: str, expected: dict[str, int]) -> None:
    body = (
        "Russian President Arkady Volnov and Japanese Prime Minister Hiroshi Tanaka met at the "
        "residence on Tuesday."
    )
    assert counts(find_people(body, title=title)) == expected
