"""Organisations named like people (issue 18 items 3 and 6, issue 19 item 3): a company, outlet
or coalition the article shows to be one is no person speaker and no person mentioned; where
it says something, the quote is kept, spoken by the organisation. One fictional article per
cue found on PolNeAR train; the firms, places and people are made up (but for the guard, which
names the people the brief names)."""

from __future__ import annotations

from search.extract.attribution.attribute import PeopleFindings, find_people
from search.extract.attribution.linking import link_cues
from search.extract.attribution.mentions import find_mentions
from search.extract.attribution.organisations import organisation_mentions


def _said_by(findings: PeopleFindings, name: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker_kind, q.text) for q in findings.quotes if q.speaker == name]


def _no_person(findings: PeopleFindings, word: str) -> None:
    assert not any(word in s.name for s in findings.speakers)
    assert not any(word in p for p in findings.people)


LONGER_NAME = """A new Tolliver Research report compares nine online panels with the census. In \
the end, Tolliver notes that the panels are far from uniform, and Tolliver looked at each of \
them twice."""


def test_a_short_form_of_a_longer_organisation_name_is_the_organisation() -> None:
    found = find_people(LONGER_NAME)
    _no_person(found, "Tolliver")
    assert [kind for kind, _ in _said_by(found, "Tolliver")] == ["organization"]


OWNED_NOUN = """Regulators fined Brackwell last month. Brackwell bankers received bonuses for \
each account they opened. Brackwell said it would end the bonuses in January."""


def test_a_name_before_a_noun_only_a_company_has_is_the_company() -> None:
    found = find_people(OWNED_NOUN)
    _no_person(found, "Brackwell")
    assert _said_by(found, "Brackwell") == [("organization", "it would end the bonuses in January")]


PARENT_COMPANY = """Investors bought a stake in Quillon's parent company last year. Quillon \
announced that it was laying off 600 workers in Toledo."""


def test_a_name_owning_a_parent_company_is_a_company() -> None:
    found = find_people(PARENT_COMPANY)
    _no_person(found, "Quillon")
    assert _said_by(found, "Quillon") == [
        ("organization", "it was laying off 600 workers in Toledo")
    ]


APPOSITIVE = """The price rose to 30 dollars a tonne in 2012. Tamsett, the Canadian mining \
company, says that it pays more in carbon taxes than any rival. Still, Tamsett wants the gap \
narrowed."""


def test_a_name_described_as_a_company_is_the_company() -> None:
    found = find_people(APPOSITIVE)
    _no_person(found, "Tamsett")
    assert _said_by(found, "Tamsett") == [
        ("organization", "it pays more in carbon taxes than any rival")
    ]


PREMODIFIER = """Shares fell after snack giant Corvella announced that it would close a bakery \
in Dayton. Last year, Corvella moved 600 jobs to Ohio."""


def test_a_name_after_an_organisation_head_is_the_organisation() -> None:
    found = find_people(PREMODIFIER)
    _no_person(found, "Corvella")
    assert _said_by(found, "Corvella") == [("organization", "it would close a bakery in Dayton")]


ITS = """The school published a letter disputing the accusations. Vantrex Ovel contended in \
its letter that the reporters had misled employees."""


def test_a_name_referred_back_to_with_its_is_an_organisation() -> None:
    found = find_people(ITS)
    _no_person(found, "Vantrex")
    assert _said_by(found, "Vantrex Ovel") == [
        ("organization", "the reporters had misled employees")
    ]


BRACKETED = """Drivers saw the sign near an exit run by the Oregon Department of Roads (Rodac) \
on Friday night. Rodac told a local station that someone had reprogrammed the sign."""


def test_the_abbreviation_of_a_named_body_in_brackets_is_that_body() -> None:
    found = find_people(BRACKETED)
    _no_person(found, "Rodac")
    assert [kind for kind, _ in _said_by(found, "Rodac")] == ["organization"]


CONTINUED = """"They have made this city a cage," said Tomas Berrick, a leader of the Coalition \
to Stop Varnell.

Dana Varnell, the senator, said she would not comment. Varnell said the rules were fair."""


def test_a_name_continuing_an_organisations_name_is_no_person() -> None:
    found = find_people(CONTINUED)
    assert found.people == ["Tomas Berrick", "Dana Varnell"]
    assert [q.speaker for q in found.quotes] == ["Tomas Berrick", "Dana Varnell", "Dana Varnell"]


STANCE = """Protest groups say the rules go too far. "They have made this city a cage," said \
Tomas Berrick, a leader of the Coalition to Stop Varnell. Even the organizer of a pro-Varnell \
rally said the rules made violence more likely.

Dana Varnell, the senator, spoke in Akron on Monday."""


def test_a_name_glued_to_a_stance_prefix_is_no_subject() -> None:
    links = link_cues(STANCE, find_mentions(STANCE), [])
    assert "Varnell" not in [STANCE[lk.subj_start : lk.subj_end] for lk in links]


EPONYMS = """Donald Trump spoke at a rally in Ohio. The Trump Organization said in a statement \
that the hotel would open in May. Trump said the hotel was "the best in the world."

Hillary Clinton answered questions in Iowa. The Clinton Foundation said it had refused foreign \
gifts. Clinton said the foundation had done nothing wrong."""


def test_an_organisation_named_after_a_person_leaves_the_person_a_person() -> None:
    found = find_people(EPONYMS)
    assert [s.name for s in found.speakers] == ["Hillary Clinton", "Donald Trump"]
    assert found.people == ["Donald Trump", "Hillary Clinton"]
    assert [(q.speaker, q.speaker_kind) for q in found.quotes if "said" in q.cue] == [
        ("Trump Organization", "organization"),
        ("Donald Trump", "person"),
        ("Clinton Foundation", "organization"),
        ("Hillary Clinton", "person"),
    ]


PERSON_LIKE_A_FIRM = """The fund is run by Dorn Capital in Boston. Dorn said he would not sell, \
and Dorn told investors that his bank would wait."""


def test_a_name_shown_as_a_mans_stays_a_person_beside_a_firm_named_after_him() -> None:
    found = find_people(PERSON_LIKE_A_FIRM)
    assert [s.name for s in found.speakers] == ["Dorn"]
    assert {q.speaker_kind for q in found.quotes} == {"person"}


CLUSTER_MATE = """Harrow Fenwick bankers received bonuses for each account they opened. Harrow \
Fenwick announced that it would end the bonuses in January. "A bank as big as Harrow is too \
big to fail," Senator Ada Quist said."""


def test_a_short_form_joined_to_an_organisation_is_no_person_either() -> None:
    found = find_people(CLUSTER_MATE)
    _no_person(found, "Harrow")
    assert [s.name for s in found.speakers] == ["Ada Quist"]
    assert _said_by(found, "Harrow Fenwick") == [
        ("organization", "it would end the bonuses in January")
    ]


SUPPORTERS = """Dana Varnell spoke in Akron on Monday. Omar Reyes, head of the Coalition for \
Varnell, said the group had 300 members. "We are growing," Reyes said.

"I am proud of them," Varnell said. "They work hard."

"Dana's record speaks for itself," Reyes added."""


def test_an_organisation_in_a_persons_name_leaves_the_person_a_person() -> None:
    found = find_people(SUPPORTERS)
    assert [s.name for s in found.speakers] == ["Omar Reyes", "Dana Varnell"]
    assert [q.speaker for q in found.quotes if q.speaker_kind != "person"] == []
    assert [q.text for q in found.quotes if q.speaker == "Dana Varnell"] == ["I am proud of them"]


PLACE = """Moldova kept its cool for a while. Brenvik kept its cool for a while."""


def test_a_place_taken_for_a_person_is_left_to_the_place_rules() -> None:
    """A country that "said" something is dropped as a place (stage 4), not made a speaking
    organisation, even when the article writes "its" after it."""
    mentions = find_mentions(PLACE)
    assert [m.tokens for m in mentions] == [("Moldova",), ("Brenvik",)]
    found = organisation_mentions(PLACE, mentions, {0: 0, 1: 1})
    assert found == {1: "Brenvik"}


TEAM = """Dana Varnell spoke in Akron on Monday. Team Varnell said in a statement that the \
senator would not debate in May."""


def test_team_and_a_name_is_the_campaign_not_the_person() -> None:
    found = find_people(TEAM)
    assert found.speakers == []
    assert [(q.speaker, q.speaker_kind) for q in found.quotes] == [("Team Varnell", "organization")]


OUTLET_IN_APPOSITIVE = """Lucia Marten Orsi, the editor of the city's oldest newspaper, La \
Voce Nuova, said every mayor was ''both a builder and a preacher.'' Orsi has run the paper \
since 2009."""


def test_an_outlet_named_in_a_speakers_appositive_does_not_speak_for_her() -> None:
    found = find_people(OUTLET_IN_APPOSITIVE)
    assert [(q.speaker, q.speaker_kind) for q in found.quotes] == [("Lucia Marten Orsi", "person")]
