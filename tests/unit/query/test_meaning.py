"""Queries that mean what they say (issue 21): OR's precedence shown and explained, a question
asked in words searched for its content, a speaker and a quote paired in one quote, folded text
searched folded. On a real node: tests/live/query/test_meaning.py."""

from __future__ import annotations

import pytest

from search.query.language import ARTICLES, QUOTES, explain, parse, to_query
from tests.support.queries import found

# --- Precedence


@pytest.mark.parametrize(
    ("q", "understood"),
    [
        ("rubio OR cruz debate", "(rubio OR cruz) AND debate"),
        ("debate rubio | cruz", "debate AND (rubio OR cruz)"),
        ("a AND b OR c", "a AND (b OR c)"),
        ("a b | c OR d", "a AND (b OR c OR d)"),
        ("-speaker:a OR b c", "(-speaker:a OR b) AND c"),
    ],
)
def test_or_binds_tighter_than_and_and_a_note_suggests_parentheses(q: str, understood: str) -> None:
    told = explain(parse(q))
    assert told["normalized"] == understood
    assert f"OR binds tighter than AND: read as {understood}" in " ".join(told["notes"])
    assert "parentheses" in told["notes"][0]
    assert explain(parse(understood))["normalized"] == understood


def test_parentheses_written_say_otherwise_and_silence_the_note() -> None:
    told = explain(parse("rubio OR (cruz debate)"))
    assert told["normalized"] == "rubio OR (cruz AND debate)"
    assert told["notes"] == []
    assert explain(parse("(rubio OR cruz) debate"))["notes"] == []
    assert explain(parse("rubio OR cruz"))["notes"] == []


# --- Questions


def test_a_question_keeps_its_content_words_and_says_what_it_left_out() -> None:
    told = explain(parse("What did Trump say about the wall?"))
    assert told["normalized"] == "trump AND wall"
    assert told["must_match"] == "3<75%"
    assert "left out: what, did, say, about, the" in told["notes"][0]
    query = to_query(parse("What did Trump say about the wall?"), QUOTES)
    (asked,) = [b for b in found(query, "bool") if "minimum_should_match" in b]
    assert asked["minimum_should_match"] == "3<75%"
    assert [m["query"] for m in found(asked, "multi_match")] == ["trump", "wall"]


@pytest.mark.parametrize(
    "q",
    [
        "did Obama mention the wall street speeches",
        "who is merrick garland?",
        "Why did Sanders endorse Clinton",
    ],
)
def test_questions_are_told_by_their_mark_or_first_word(q: str) -> None:
    assert parse(q).match == "3<75%"


@pytest.mark.parametrize(
    "q", ["trump wall", "the wall", 'what did "trump" say?', "what -trump says?", "what?"]
)
def test_other_queries_need_every_word(q: str) -> None:
    assert parse(q).match == ""


def test_a_question_of_frame_words_only_is_searched_as_typed() -> None:
    assert explain(parse("what did he say?"))["normalized"] == "what AND did AND he AND say?"


# --- A speaker and a quote: one quote


def test_speaker_beside_quote_is_that_quotes_speaker_in_articles() -> None:
    assert explain(parse("speaker:obama quote:trump"))["notes"] == [
        "speaker: beside quote: is one quote, said by that speaker"
    ]
    query = to_query(parse("speaker:obama quote:trump iran"), ARTICLES)
    first = query["bool"]["must"][0]["nested"]
    assert first["path"] == "quotes"
    fields = [m["fields"] for m in found(first, "multi_match")]
    assert fields == [["quotes.folded_speaker"], ["quotes.folded_text"]]
    # The quotes a hit shows are that speaker's too.
    (shown,) = [n for n in found(query["bool"]["should"], "nested") if n["path"] == "quotes"]
    assert found(shown["query"]["bool"]["filter"], "multi_match")[0]["query"] == "obama"


def test_a_speaker_alone_is_anyone_speaking_in_the_article() -> None:
    query = to_query(parse("speaker:obama trump"), ARTICLES)
    assert found(query, "nested")[0]["path"] == "speakers"
    either = to_query(parse("speaker:obama OR quote:trump"), ARTICLES)
    assert {n["path"] for n in found(either, "nested")} >= {"speakers", "quotes"}


def test_in_quote_search_a_speaker_and_words_are_one_document_already() -> None:
    query = to_query(parse("speaker:obama quote:trump"), QUOTES)
    assert found(query, "nested") == []


# --- Folding


def test_words_are_folded_for_the_folded_twins_and_kept_for_names() -> None:
    query = to_query(parse("o’malley"), ARTICLES)
    queries = {tuple(m["fields"]): m["query"] for m in found(query, "multi_match")}
    # Place names are held folded too (search.schema's `_with_folded`), so searched folded.
    folded = ("folded_title^2", "folded_lead^1.5", "folded_body", "dateline.names.text^0.5")
    assert queries[folded] == "o'malley"
    assert queries[("speakers.name.text^0.5", "speakers.as_written.text^0.5")] == "o’malley"
    # Surnames are written folded (search.speakers.names), so they are searched folded.
    scoped = found(to_query(parse("speaker:o’malley"), ARTICLES), "multi_match")
    assert {m["fields"][0]: m["query"] for m in scoped} == {
        "speakers.surname": "o'malley",
        "speakers.name.text": "o’malley",
    }
    phrase = found(to_query(parse('"élection présidentielle"'), QUOTES), "multi_match")[0]
    assert phrase["query"] == "election presidentielle"
    assert phrase["fields"][0] == "folded_text.exact"
