"""The search language: what each piece of syntax means, and odd input searched as well as it
can be at a bounded cost. The compiled queries on a real node: tests/live/query/test_ranking.py."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.query.language import (
    ARTICLES,
    MAX_CLAUSES,
    MAX_DEPTH,
    MAX_FUZZY_TERMS,
    MAX_PHRASES,
    QUOTES,
    SCOPES,
    Fields,
    Group,
    Not,
    Parsed,
    Scoped,
    Target,
    Term,
    explain,
    highlight_terms,
    parse,
    to_query,
)
from tests.support.queries import found


def normalized(q: str, **limits: int) -> str:
    return str(explain(parse(q, **limits))["normalized"])


def clauses(q: str) -> list[dict[str, Any]]:
    return list(explain(parse(q))["clauses"])


def notes(q: str, **limits: int) -> str:
    return " | ".join(parse(q, **limits).notes)


# --- Syntax, one element at a time


@pytest.mark.parametrize(
    ("q", "understood"),
    [
        ("Peskov  Trump", "peskov AND trump"),
        ("peskov AND trump && kremlin", "peskov AND trump AND kremlin"),
        ('"No  Contacts" trump', '"no contacts" AND trump'),
        ("“no contacts” «with trump»", '"no contacts" AND "with trump"'),
        (
            'peskov -kremlin -"no contacts" NOT lavrov',
            'peskov AND -kremlin AND -"no contacts" AND -lavrov',
        ),
        ("a b | c OR d", "a AND (b OR c OR d)"),
        ("a (b | c)", "a AND (b OR c)"),
        ("kreml* *moscow", "kreml* AND moscow"),
        ("peskov~ peskov~1 peskov~2", "peskov~ AND peskov~1 AND peskov~2"),
        ("speaker:peskov trump", "speaker:peskov AND trump"),
        (
            'location:"New York" place:moscow agency:tass',
            'location:"new york" AND place:moscow AND agency:tass',
        ),
        ("Speaker:(peskov | lavrov)", "speaker:(peskov OR lavrov)"),
        ('quote:"no contacts" title:kreml*', 'quote:"no contacts" AND title:kreml*'),
        ("-speaker:(peskov lavrov)", "-speaker:(peskov AND lavrov)"),
        ("speaker:(-peskov)", "speaker:(-peskov)"),  # a speaker not Peskov, not "no Peskov"
        ("covid-19*", "covid-19*"),
    ],
)
def test_each_piece_of_syntax_is_understood(q: str, understood: str) -> None:
    assert normalized(q) == understood
    assert normalized(understood) == understood  # the normalized form reads back the same


def test_queries_parse_into_a_small_tree() -> None:
    a, b = Term("word", "a"), Term("word", "b")
    assert parse("-speaker:(a | b) ab* ab~1").root == Group(
        "and",
        (Not(Scoped("speaker", Group("or", (a, b)))), Term("prefix", "ab"), Term("word", "ab")),
    )
    assert parse("a a* a~ (a)").root == a


def test_clauses_say_kind_fields_and_exclusion() -> None:
    assert clauses('speaker:peskov -"no contacts" kreml* trump~1') == [
        {"kind": "word", "text": "peskov", "fields": "speaker", "negated": False},
        {"kind": "phrase", "text": "no contacts", "fields": "all", "negated": True},
        {"kind": "prefix", "text": "kreml", "fields": "all", "negated": False},
        {"kind": "fuzzy", "text": "trump", "fields": "all", "negated": False, "typos": "1"},
    ]
    assert [c["negated"] for c in clauses("-(a | -b)")] == [True, False]


@pytest.mark.parametrize(
    ("q", "understood", "note"),
    [
        ('"no contacts', '"no contacts"', "unbalanced quote"),
        ("(a | b", "a OR b", "unclosed parentheses"),
        ("a) b", "a AND b", "closing parenthesis without an opening"),
        ("a*", "a", "a prefix needs 2 characters"),
        ("ab~", "ab", "typos are allowed from 3 letters"),
        ("peskov~7", "peskov~2", "at most 2 typos are allowed"),
        ("peskov~0", "peskov", ""),
        ("author:smith", "author AND smith", "not a field"),
        ("10:30", "10 AND 30", "not a field"),
        ("title:speaker:peskov", "title:peskov", "a field inside another field"),
        ("speaker:(title:peskov)", "speaker:peskov", "a field inside another field"),
        ("peskov - trump", "peskov AND trump", "a lone - was ignored"),
        ("peskov speaker:", "peskov", "nothing after it"),
        ("| peskov OR", "peskov", "an OR with nothing on one side"),
        ("AND OR (", "", "nothing left to search for"),
        ("*** ~~ 🎉", "", "no letters or digits"),
        ("-(-peskov)", "peskov", ""),
        ("peskov Peskov PESKOV", "peskov", "repeated terms were searched once"),
        ("peskov\x00trump\u200bx\ud800", "peskov AND trumpx", ""),
    ],
)
def test_odd_input_is_searched_as_well_as_it_can_be(q: str, understood: str, note: str) -> None:
    assert normalized(q) == understood
    assert note in notes(q)


def test_empty_query_matches_everything_quietly() -> None:
    for q in ("", "   ", "\t\n"):
        assert parse(q) == Parsed(None, ())
        assert to_query(parse(q), ARTICLES) == {"match_all": {}}


def test_only_exclusions_mean_everything_except() -> None:
    assert to_query(parse("-kremlin -trump"), ARTICLES)["bool"].keys() == {"must_not"}
    assert list(to_query(parse("-kremlin"), QUOTES)) == ["bool"]


def test_highlight_terms_leave_out_exclusions() -> None:
    terms = highlight_terms(parse('peskov -trump "no contacts" speaker:lavrov'))
    assert [t.text for t in terms] == ["peskov", "no contacts", "lavrov"]


# --- Compiled queries: the key parts


def test_words_search_the_default_fields_and_speaker_names() -> None:
    query = to_query(parse("peskov"), ARTICLES)
    match = found(query, "multi_match")
    assert match[0]["fields"] == [
        "folded_title^2",
        "folded_lead^1.5",
        "folded_body",
        "dateline.names.text^0.5",
    ]
    assert match[0]["operator"] == "and"
    assert found(query, "nested")[0]["path"] == "speakers"
    # Quotes holding the word are scored through their own nested clause.
    assert query["bool"]["should"][0]["nested"]["path"] == "quotes"


def test_phrases_and_prefixes_search_the_unstemmed_twins() -> None:
    phrase = found(to_query(parse('"no contacts"'), ARTICLES), "multi_match")[0]
    assert phrase["type"] == "phrase"
    assert phrase["fields"][:3] == [
        "folded_title.exact^2",
        "folded_lead.exact^1.5",
        "folded_body.exact",
    ]
    prefix = found(to_query(parse("kreml*"), ARTICLES), "multi_match")[0]
    assert (prefix["type"], prefix["query"]) == ("bool_prefix", "kreml")
    assert "folded_body.exact" in prefix["fields"]


def test_fuzzy_words_have_bounded_expansions() -> None:
    fuzzy = found(to_query(parse("peskov~1 kremlin~"), ARTICLES), "multi_match")
    assert [m.get("fuzziness") for m in fuzzy[:2]] == ["1", "1"]  # title/lead/body, speakers
    assert {m["fuzziness"] for m in fuzzy if m["query"] == "kremlin"} == {"AUTO"}
    assert all(m["prefix_length"] == 1 and m["max_expansions"] == 50 for m in fuzzy)


def test_a_scope_is_one_nested_clause_around_its_group() -> None:
    query = to_query(parse("speaker:(dmitry peskov)"), ARTICLES)
    nested = found(query, "nested")
    assert len(nested) == 1 and nested[0]["path"] == "speakers"
    fields = found(query, "multi_match")[0]["fields"]
    assert fields == ["speakers.name.text", "speakers.as_written.text", "speakers.surname"]
    quote = found(to_query(parse('quote:"no contacts"'), ARTICLES), "nested")[0]
    assert quote["path"] == "quotes"
    assert found(quote, "multi_match")[0]["fields"] == ["quotes.folded_text.exact"]


def test_quotes_target_has_top_level_fields() -> None:
    query = to_query(parse('speaker:peskov title:trump quote:"no contacts"'), QUOTES)
    assert found(query, "nested") == []
    fields = [m["fields"] for m in found(query, "multi_match")]
    assert ["speaker.name.text", "speaker.as_written.text", "speaker.surname"] in fields
    assert ["article.folded_title"] in fields and ["folded_text.exact"] in fields


def test_exclusions_and_alternatives() -> None:
    query = to_query(parse("peskov -kremlin"), ARTICLES)
    assert len(query["bool"]["must"]) == 1 and len(query["bool"]["must_not"]) == 1
    either = to_query(parse("peskov | lavrov"), ARTICLES)["bool"]["must"][0]
    assert len(either["bool"]["should"]) == 2


def test_proximity_rewards_plain_words_standing_close() -> None:
    should = to_query(parse('peskov "no contacts" trump -kremlin speaker:lavrov'), ARTICLES)
    phrases = [m for m in found(should["bool"]["should"], "multi_match") if "slop" in m]
    assert [(p["query"], p["slop"]) for p in phrases] == [
        ("peskov no contacts", 10),
        ("no contacts trump", 10),
        ("peskov no contacts trump", 0),
    ]
    assert [p["fields"] for p in phrases[-2:]] == [
        ["folded_body", "folded_lead"],
        ["folded_body.exact", "folded_lead.exact"],
    ]
    assert phrases[-1]["boost"] > phrases[0]["boost"]
    # Function words make no pairs (they stand near everything), but count in the typed order.
    typed = to_query(parse("peskov said the kremlin"), QUOTES)["bool"]["should"]
    assert [(m["multi_match"]["query"], m["multi_match"]["slop"]) for m in typed] == [
        ("peskov said", 10),
        ("said kremlin", 10),
        ("peskov said the kremlin", 0),
    ]
    # One word, or words in an OR, have nothing to be close to.
    assert "should" not in to_query(parse("peskov"), QUOTES).get("bool", {})
    assert not [
        m for m in found(to_query(parse("peskov | trump"), QUOTES), "multi_match") if "slop" in m
    ]


def test_inner_hits_hook_goes_on_the_quotes_clause() -> None:
    query = to_query(parse("peskov -trump speaker:lavrov"), ARTICLES, inner_hits={"size": 3})
    (shown,) = [n for n in found(query, "nested") if "inner_hits" in n]
    assert shown["path"] == "quotes" and shown["inner_hits"] == {"size": 3}
    assert [m["query"] for m in found(shown, "multi_match")] == ["peskov"]


def test_targets_declare_every_scope() -> None:
    assert set(ARTICLES.scopes) == set(QUOTES.scopes) == set(SCOPES)
    with pytest.raises(ValueError):
        Target(default=(), scopes={"title": Fields(())}, proximity=())


# --- Cost limits


def test_repeated_prefixes_fold_to_one_clause() -> None:
    q = "a*|" * 333
    parsed = parse(q)
    assert parsed.root == Term("word", "a")
    assert to_query(parsed, ARTICLES)["bool"]["should"]  # one word: no proximity, just quotes
    assert "repeated terms were searched once" in notes(q)
    distinct = " | ".join(f"w{i}*" for i in range(200))
    assert len(clauses(distinct)) == MAX_CLAUSES


def test_terms_beyond_the_limits_are_dropped_or_made_exact_and_reported() -> None:
    q = " ".join(f"word{i}" for i in range(MAX_CLAUSES + 40))
    assert [c["text"] for c in clauses(q)] == [f"word{i}" for i in range(MAX_CLAUSES)]
    assert f"only the first {MAX_CLAUSES} terms were searched; 40 more were dropped" in notes(q)
    q = " ".join(f"name{i}~" for i in range(MAX_FUZZY_TERMS + 2))
    assert [c["kind"] for c in clauses(q)] == ["fuzzy"] * MAX_FUZZY_TERMS + ["word"] * 2
    assert f"typos are allowed on {MAX_FUZZY_TERMS} words at most" in notes(q)
    assert normalized("-a b (c | d e)", max_clauses=3) == "-a AND b AND c"


def calls(q: str) -> int:
    """The function calls parsing `q` (whole, however long) takes: its work, counted rather
    than timed, so that a shared, busy machine cannot change the answer."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        parse(q, max_length=len(q))
    finally:
        sys.setprofile(None)
    return count


def test_long_and_deep_queries_parse_in_linear_work_and_shallow() -> None:
    for piece in ("(", ")", "(a ", "-", "a:"):
        q = piece * (1000 // len(piece))
        assert calls(q + q) <= 2.2 * calls(q), piece  # twice the length, twice the work
    for q in ("(" * 10_000, ")" * 10_000, "(a " * 5000, "-" * 10**5, "a:" * 10**4):
        parsed = parse(q, max_length=len(q))
        assert depth(parsed.root) <= 3 * (MAX_DEPTH + 1)  # a group, a field, an exclusion
    assert "cut to its first 1000 characters" in notes("x" * 10**6)
    assert "deeper than 8 levels were flattened" in notes("(" * 20 + "a")


def depth(node: Any) -> int:
    if node is None or isinstance(node, Term):
        return 0
    if isinstance(node, Group):
        return 1 + max(depth(n) for n in node.nodes)
    return 1 + depth(node.node)


PIECES = [
    *'ab -|()"*~:“”«»',
    "peskov",
    "OR",
    "AND",
    "NOT",
    "title:",
    "speaker:",
    "quote:",
    "foo:",
    "~2",
    "\x00",
    "\ud800",
    "🎉",
    "\u200b",
]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=50).map("".join), st.text()))
def test_any_input_parses_into_a_bounded_valid_query(q: str) -> None:
    parsed = parse(q)
    assert len(list(explain(parsed)["clauses"])) <= MAX_CLAUSES
    for target in (ARTICLES, QUOTES):
        json.dumps(to_query(parsed, target)).encode("utf-8")  # no lone surrogate left
    again = parse(str(explain(parsed)["normalized"]))
    if q.count("(") < 6:  # the normalized form adds parentheses around ANDs inside ORs
        assert again.root == parsed.root


def test_phrases_beyond_the_cap_are_searched_as_words() -> None:
    parsed = parse(" ".join(f'"word{n} next{n}"' for n in range(MAX_PHRASES + 2)))
    kinds = [term.kind for term in highlight_terms(parsed)]
    assert kinds == ["phrase"] * MAX_PHRASES + ["word", "word"]
    assert any("phrases at most" in note for note in explain(parsed)["notes"])
