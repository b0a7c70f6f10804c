"""Identity across the archive: one entry per person, never two people in one, no organisation as
a person, forms no article resolves as ambiguous entries, each spelling with the rule behind it;
an editor's corrections on top; and queries resolved over the people list."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from search.speakers.corrections import Correction, CorrectionError, dump, load
from search.speakers.directory import Directory, Entry
from search.speakers.lookup import People
from search.speakers.merge import identify
from search.speakers.stats import Mention, NameStats, archive_stats

SPRING, FALL = date(2016, 3, 1), date(2016, 10, 1)


def stat(
    written: str,
    articles: int,
    *,
    roles: dict[str, int] | None = None,
    together: dict[str, int] | None = None,
    when: tuple[date, date] = (SPRING, FALL),
    quotes: int | None = None,
) -> NameStats:
    return NameStats(
        written,
        articles,
        articles if quotes is None else quotes,
        when[0],
        when[1],
        Counter(roles or {}),
        Counter(together or {}),
    )


# A 2016 archive in miniature: spellings, their articles, roles, and who is named with whom.
ARCHIVE = [
    stat("Hillary Clinton", 300, roles={"Secretary": 40, "Democratic nominee": 60}),
    stat("Hillary Rodham Clinton", 12),
    stat("Bill Clinton", 50, roles={"former President": 30}),
    stat("Clinton", 20, roles={"Secretary": 5}),
    stat("Barack Obama", 120, roles={"President": 80}),
    stat("Michelle Obama", 8, roles={"first lady": 6}),
    stat("Obama", 60, roles={"President": 55}),
    stat("Donald Trump", 400, together={"donald trump jr": 6, "ivanka trump": 4}),
    stat("Donald J. Trump", 40),
    stat("Donald Trump Jr.", 6, together={"donald trump": 6}),
    stat("Ivanka Trump", 5, together={"donald trump": 4}),
    stat("Eric Trump", 3),
    stat("Trump", 30),
    stat("Jeb Bush", 80, roles={"former Florida governor": 40}),
    stat("John Ellis Bush", 1),
    stat("George W. Bush", 40, roles={"former President": 30}),
    stat("George H.W. Bush", 30, roles={"former President": 20}),
    stat("Bush", 10),
    stat("John Podesta", 20, roles={"campaign chairman": 15}),
    stat("Tony Podesta", 4, roles={"lobbyist": 3}),
    stat("Ted Cruz", 150, roles={"Sen.": 90}),
    stat("Rafael Edward Cruz", 1),
    stat("Rafael Cruz", 2, roles={"father": 2}),
    stat("Gary Johnson", 30, roles={"Libertarian nominee": 20}),
    stat("Garrett Johnson", 1, roles={"student": 1}),
    stat("Chuck Grassley", 10, roles={"Sen.": 8}, together={"charles grassley": 1}),
    stat("Charles Grassley", 1, roles={"Senators": 1}, together={"chuck grassley": 1}),
    stat("Reince Priebus", 20, roles={"RNC chairman": 15}, together={"sean spicer": 5}),
    stat("Rence Priebus", 1, roles={"RNC chairman": 1}, together={"sean spicer": 1}),
    stat("Sean Spicer", 10),
    stat("Debbie Wasserman Schultz", 15, roles={"DNC chair": 10}),
    stat("Wasserman Schultz", 4, together={"debbie schultz": 4}),
    stat("Brent Bozell", 1, together={"brent bozell iii": 1}),
    stat("Brent Bozell III", 1, together={"brent bozell": 1}),
    stat("Bernie Sanders", 200, roles={"Sen.": 100}),
    stat("Team Clinton", 3),
    stat("Maybe Trump", 1),
    stat("Demogorgon Trump", 1),
    stat("Wells Fargo", 2),
    stat("Verizon", 2),
    stat("Maddow", 1),
]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return identify(ARCHIVE)


def who(directory: Directory, written: str) -> Entry:
    entry = directory.entry(written)
    assert entry is not None
    return entry


def test_every_spelling_of_a_person_is_one_entry(directory: Directory) -> None:
    hillary = who(directory, "Hillary Clinton")
    assert (hillary.id, hillary.name, hillary.kind) == (
        "hillary-clinton",
        "Hillary Clinton",
        "person",
    )
    assert who(directory, "Hillary Rodham Clinton") is hillary
    assert who(directory, "Donald J. Trump") is who(directory, "Donald Trump")
    assert who(directory, "John Ellis Bush") is who(directory, "Jeb Bush")  # legal name
    assert who(directory, "Rafael Edward Cruz") is who(directory, "Ted Cruz")  # birth name
    assert who(directory, "Charles Grassley") is who(directory, "Chuck Grassley")  # one article
    assert who(directory, "Rence Priebus") is who(directory, "Reince Priebus")  # typo, same role
    assert who(directory, "Brent Bozell") is who(directory, "Brent Bozell III")
    assert who(directory, "Wasserman Schultz").name == "Debbie Wasserman Schultz"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bill Clinton", "Hillary Clinton"),
        ("Barack Obama", "Michelle Obama"),
        ("Donald Trump", "Donald Trump Jr."),
        ("Donald Trump", "Ivanka Trump"),
        ("Donald Trump", "Eric Trump"),
        ("George W. Bush", "George H.W. Bush"),
        ("George W. Bush", "Jeb Bush"),
        ("John Podesta", "Tony Podesta"),
        ("Rafael Cruz", "Ted Cruz"),
        ("Gary Johnson", "Garrett Johnson"),
    ],
)
def test_people_who_share_a_surname_stay_apart(directory: Directory, a: str, b: str) -> None:
    assert who(directory, a) is not who(directory, b)


def test_a_bare_surname_goes_to_the_bearer_with_a_clear_margin(directory: Directory) -> None:
    assert who(directory, "Obama") is who(directory, "Barack Obama")
    assert who(directory, "Trump") is who(directory, "Donald Trump")
    assert who(directory, "Clinton") is who(directory, "Hillary Clinton")
    assert directory.decisions["Obama"].rule == "surname alone"


def test_without_a_margin_a_form_is_an_ambiguous_entry_never_a_person(
    directory: Directory,
) -> None:
    bush = who(directory, "Bush")
    assert bush.kind == "ambiguous"
    assert {"jeb-bush", "george-w-bush", "george-h-w-bush"} <= set(bush.candidates)
    nobody = who(directory, "Maddow")  # no one in the archive bears the name
    assert (nobody.kind, nobody.candidates) == ("ambiguous", [])
    assert all(e.kind == "person" for e in directory.people())
    assert "bush" not in {e.id for e in directory.people()}


def test_time_and_office_decide_between_bearers() -> None:
    # Counts alone give no margin; the bare form's period and office do.
    names = [
        stat("Rick Scott", 10, roles={"Florida governor": 8}, when=(SPRING, FALL)),
        stat("Tim Scott", 10, roles={"Sen.": 8}, when=(date(2012, 1, 1), date(2012, 12, 1))),
        stat("Scott", 3, roles={"governor": 3}, when=(SPRING, SPRING)),
    ]
    found = identify(names)
    assert who(found, "Scott") is who(found, "Rick Scott")


def test_namesakes_written_without_initials_go_by_the_margin() -> None:
    names = [stat("George W. Bush", 40), stat("George H.W. Bush", 35), stat("George Bush", 3)]
    assert who(identify(names), "George Bush").kind == "ambiguous"
    names[1] = stat("George H.W. Bush", 2)
    assert who(identify(names), "George Bush").id == "george-w-bush"


def test_non_people_never_enter_the_people_directory(directory: Directory) -> None:
    assert who(directory, "Team Clinton").kind == "organization"
    assert who(directory, "Maybe Trump").kind == "phrase"
    assert who(directory, "Demogorgon Trump").kind == "phrase"  # a word before a known surname
    people = {e.name for e in directory.people()}
    assert not people & {"Team Clinton", "Maybe Trump", "Demogorgon Trump", "Verizon"}


def test_each_spelling_says_which_rule_put_it_there(directory: Directory) -> None:
    lines = directory.explain("Jeb Bush")
    assert lines[0].startswith("Jeb Bush (person, id jeb-bush)")
    assert any("John Ellis Bush" in line and "alias" in line for line in lines)
    assert any("typo" in line for line in directory.explain("reince-priebus"))
    assert "not a person (organization)" in directory.explain("Team Clinton")[1]


def test_the_directory_is_most_quoted_first(directory: Directory) -> None:
    quotes = [e.quotes for e in directory.people()]
    assert quotes == sorted(quotes, reverse=True)
    assert directory.people()[0].id == "donald-trump"
    assert who(directory, "Donald Trump").quotes == 400 + 40 + 30  # spellings, "Trump" too


def test_statistics_from_articles() -> None:
    stats = archive_stats(
        [
            (
                SPRING,
                [Mention("Jane Roe", 2, "Mayor"), Mention("John Doe"), Mention("Jane Roe", 1)],
            ),
            (FALL, [Mention("Jane Roe", 1, "Mayor")]),
        ]
    )
    roe = next(s for s in stats if s.written == "Jane Roe")
    assert (roe.articles, roe.quotes, roe.first, roe.last) == (2, 4, SPRING, FALL)
    assert roe.roles == Counter({"Mayor": 2})
    assert roe.together == Counter({"john doe": 1})


# --- corrections ----------------------------------------------------------------------------


def _by(action: str, target: str, **fields: object) -> Correction:
    return Correction(action, target, who="ed", when="2016-11-09", why="checked", **fields)  # type: ignore[arg-type]


def test_an_editor_merges_splits_renames_and_says_not_a_person() -> None:
    corrections = [
        _by("merge", "Bernie Sanders", names=("Maddow",)),
        _by("split", "Hillary Rodham Clinton", value="Hillary R. Clinton"),
        _by("rename", "jeb-bush", value="John Ellis “Jeb” Bush"),
        _by("not-a-person", "Wells Fargo"),
    ]
    fixed = identify(ARCHIVE, corrections)
    assert who(fixed, "Maddow") is who(fixed, "Bernie Sanders")
    assert who(fixed, "Hillary Rodham Clinton") is not who(fixed, "Hillary Clinton")
    assert who(fixed, "Hillary Rodham Clinton").name == "Hillary R. Clinton"
    assert who(fixed, "Jeb Bush").name == "John Ellis “Jeb” Bush"
    assert who(fixed, "Jeb Bush").id == "jeb-bush"  # ids stay
    assert who(fixed, "Wells Fargo").kind == "organization"
    decision = fixed.decisions["Maddow"]
    assert (decision.rule, decision.by, decision.detail) == (
        "editor: merge",
        "ed 2016-11-09",
        "checked",
    )
    assert who(fixed, "Bernie Sanders").articles == 201


def test_corrections_round_trip_through_their_file_and_refuse_nonsense() -> None:
    corrections = [_by("merge", "a", names=("b", "c")), _by("rename", "a", value="A")]
    assert load(dump(corrections).splitlines()) == corrections
    with pytest.raises(CorrectionError, match="line 2"):
        load(['{"version": 1}', '{"action": "merge", "target": "a"}'])
    with pytest.raises(CorrectionError, match="unknown action"):
        Correction("delete", "a")  # type: ignore[arg-type]
    with pytest.raises(CorrectionError, match="not JSON"):
        load(["{"])


def test_a_correction_naming_nobody_changes_nothing(directory: Directory) -> None:
    fixed = identify(ARCHIVE, [_by("rename", "nobody-here", value="X")])
    assert {e.id: e.name for e in fixed.entries.values()} == {
        e.id: e.name for e in directory.entries.values()
    }


# --- queries --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def people(directory: Directory) -> People:
    return People(directory)


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("Mrs. Clinton", "hillary-clinton"),
        ("Secretary Clinton", "hillary-clinton"),
        ("Mr. Clinton", "bill-clinton"),
        ("Mr. Trump", "donald-trump"),
        ("Gov. Bush", "jeb-bush"),
        ("Bernie", "bernie-sanders"),
        ("Hillary", "hillary-clinton"),
        ("Jeb", "jeb-bush"),
        ("Donald", "donald-trump"),
        ("George H.W. Bush", "george-h-w-bush"),
        ("george h. w. bush", "george-h-w-bush"),
        ("Donald Trump", "donald-trump"),
        ("donald-trump-jr", "donald-trump-jr"),
    ],
)
def test_a_query_names_the_person_a_reader_means(people: People, query: str, person: str) -> None:
    assert people.resolve(query).people == [person]


def test_a_query_without_a_prominent_bearer_offers_the_candidates(people: People) -> None:
    found = people.resolve("Bush")
    assert found.people == []
    assert {"jeb-bush", "george-w-bush", "george-h-w-bush"} <= set(found.candidates)
    assert people.resolve("Podesta").people == ["john-podesta"]  # 20 articles against 4


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("Clintn", "Clinton"), ("Barak", "Barack"), ("Barak Obama", "Barack Obama")],
)
def test_a_misspelt_query_gets_a_did_you_mean(people: People, query: str, suggestion: str) -> None:
    found = people.resolve(query)
    assert found.people == [] and found.suggestions[0] == suggestion


def test_a_query_naming_no_person_names_nobody(people: People) -> None:
    assert people.resolve("Team Clinton").people == []
    assert people.resolve("Zzyzx").suggestions == []
