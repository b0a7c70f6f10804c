"""Did-you-mean, pure (search.query.spelling): which words are respelt, with what, in which
order the respellings are tried. On a real node: tests/live/query/test_meaning.py, and on the
PolNeAR archive bench/did_you_mean.py."""

from __future__ import annotations

from search.query.spelling import choices, distance, options, respelt, words

NAMES = {"merrick": 11, "garland": 11, "hillary": 600, "clinton": 650, "comey": 23}


def test_distance_counts_a_swap_of_two_letters_as_one_edit() -> None:
    assert distance("emials", "emails") == 1
    assert distance("kaisch", "kasich") == 1
    assert distance("merick", "merrick") == 1
    assert distance("", "abc") == 3 and distance("abc", "abc") == 0


def test_a_registry_name_is_never_respelt() -> None:
    assert choices("garland", 11, NAMES, [("grand", 90)]) == ["garland"]


def test_a_word_the_archive_holds_is_kept_unless_a_near_word_is_far_commoner() -> None:
    assert choices("feud", 9, NAMES, [("feed", 40)]) == ["feud"]
    assert choices("hilary", 2, NAMES, [("hillary", 590)]) == ["hillary"]


def test_respellings_weigh_nearness_names_and_frequency() -> None:
    assert choices("christy", 0, {"christie": 47}, [("christ", 2)]) == ["christie", "christ"]
    assert choices("dael", 0, {"dale": 3}, [("deal", 114)])[0] == "deal"
    # A word beside it making a person's name decides: "vladimir putn" is Putin.
    names, pairs = {"putin": 20, "vladimir": 20}, frozenset({("vladimir", "putin")})
    assert choices("putn", 0, names, [("put", 400)])[0] == "put"
    assert choices("putn", 0, names, [("put", 400)], ("vladimir",), pairs)[0] == "putin"
    assert choices("merick", 0, NAMES, [("merit", 30), ("merrick", 11)])[0] == "merrick"
    assert choices("emials", 0, NAMES, [("emails", 77), ("email", 80)]) == ["emails", "email"]
    assert choices("zzzz", 0, NAMES, []) == []


def test_respelt_queries_come_best_first_and_never_the_query_itself() -> None:
    tries = respelt("Merick garland", {"merick": ["merrick", "merit"], "garland": ["garland"]})
    assert tries == ["Merrick garland", "Merit garland"]
    assert respelt("comey", {"comey": ["comey"]}) == []


def test_only_plain_words_of_the_default_fields_are_respelt() -> None:
    assert words('comey emials -trump "basket of" speaker:clintn a2b kreml* fbi') == [
        "comey",
        "emials",
        "fbi",
    ]
    assert words("Élection présidentielle") == ["election", "presidentielle"]


def test_options_read_the_counts_and_the_term_suggester() -> None:
    answer = {
        "aggregations": {
            "held": {"buckets": {"comey": {"doc_count": 23}, "emials": {"doc_count": 0}}}
        },
        "suggest": {
            "words": [
                {"text": "comey", "options": [{"text": "come", "freq": 300}]},
                {"text": "emials", "options": [{"text": "emails", "freq": 77}]},
            ]
        },
    }
    found = options(answer, ["comey", "emials"], NAMES)
    assert found == {"comey": ["comey"], "emials": ["emails"]}
