"""A facet's value excluded ("-us"): the documents that have the facet but not that value, as
request bodies, shaped buckets and the pages' links say it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from api.pages.state import read
from search.query.body import build, build_quotes
from search.query.params import SearchParams, split_excluded
from search.query.shape import facet_values
from search.schema import FACETS_BY_NAME

US = "united states"


def test_an_exclusion_mark_is_told_from_the_value() -> None:
    assert split_excluded(("moscow", "-united states", "-")) == (["moscow", "-"], [US])


def test_datelined_outside_the_us_is_one_filter() -> None:
    body = build(SearchParams(), {"country": (f"-{US}",)}, "month")
    held = {"exists": {"field": "dateline.country.folded"}}
    excluded = {"terms": {"dateline.country.folded": [US]}}
    outside = {"bool": {"filter": [held], "must_not": [excluded]}}
    assert body["post_filter"] == {"bool": {"filter": [outside]}}
    # Counted under the other selections only, so the excluded country keeps its count.
    assert body["aggs"]["country"]["filter"] == {"match_all": {}}
    assert "chosen" not in body["aggs"]["country"]["aggs"]["counts"]["aggs"]


def test_selected_and_excluded_values_combine() -> None:
    body = build_quotes(SearchParams(), {"outlet": ("politico", "-breitbart")}, "month")
    [clause] = body["post_filter"]["bool"]["filter"]
    assert clause == {
        "bool": {
            "filter": [{"terms": {"outlet.folded": ["politico"]}}],
            "must_not": [{"terms": {"outlet.folded": ["breitbart"]}}],
        }
    }


def test_an_excluded_person_is_excluded_from_every_speaker_of_the_article() -> None:
    body = build(SearchParams(), {"speaker": ("-donald-trump",)}, "month")
    [clause] = body["post_filter"]["bool"]["filter"]
    assert clause["bool"]["must_not"] == [{"terms": {"speaker_ids": ["donald-trump"]}}]


def test_an_excluded_bucket_says_so() -> None:
    counts = {"values": {"buckets": [{"key": "United States", "doc_count": 3}]}}
    [bucket] = facet_values(FACETS_BY_NAME["country"], {"counts": counts}, (f"-{US}",))
    assert bucket == {"value": "United States", "count": 3, "selected": False, "excluded": True}


def _pairs(link: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(link).query)


def test_a_page_excludes_a_value_and_lifts_the_exclusion() -> None:
    bucket = {"value": "United States", "count": 3, "selected": False}
    state = read({"q": ["vote"]})
    assert _pairs(state.exclude("/", "country", bucket)) == [
        ("q", "vote"),
        ("country", "-United States"),
    ]
    # Typed by hand as a code: the bucket is the same country, so the link lifts it.
    excluded = read({"q": ["vote"], "country": ["-us"]})
    assert _pairs(excluded.exclude("/", "country", {**bucket, "excluded": True})) == [("q", "vote")]
    # Selecting the country lifts its exclusion rather than asking for both.
    assert _pairs(excluded.toggle("/", "country", {**bucket, "excluded": True}, [])) == [
        ("q", "vote"),
        ("country", "United States"),
    ]
    [_, chip] = excluded.chips("/")
    assert (chip.label, chip.value) == ("Dateline country", "not United States")


def test_a_value_selected_by_its_code_is_lifted_by_its_bucket() -> None:
    state = read({"country": ["us"]})
    bucket = {"value": "United States", "count": 3, "selected": True}
    assert _pairs(state.toggle("/", "country", bucket, [bucket])) == []
