"""Query building is pure: the request body is asserted without a cluster."""

from datetime import date

from search.query.body import build
from search.query.params import SearchParams


def test_text_query_searches_articles_and_quotes_and_tolerates_syntax() -> None:
    body = build(SearchParams(q='peskov "no contacts"'))
    should = body["query"]["bool"]["should"]
    sqs = should[0]["simple_query_string"]
    assert sqs["query"] == 'peskov "no contacts"'
    assert sqs["quote_field_suffix"] == ".exact" and sqs["default_operator"] == "and"
    assert should[1]["nested"]["path"] == "quotes"
    assert body["highlight"]["encoder"] == "html"


def test_empty_query_matches_everything() -> None:
    assert build(SearchParams())["query"] == {"match_all": {}}


def test_facets_are_disjunctive() -> None:
    params = SearchParams(filters={"speaker": ("Dmitry Peskov",), "location": ("Moscow",)})
    body = build(params)
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"speakers.name.folded": ["dmitry peskov"]}},
                {"terms": {"dateline.name.folded": ["moscow"]}},
            ]
        }
    }
    # The speaker facet is counted under the location choice only, and vice versa.
    assert body["aggs"]["speaker"]["filter"] == {
        "bool": {"filter": [{"terms": {"dateline.name.folded": ["moscow"]}}]}
    }
    assert body["aggs"]["location"]["filter"] == {
        "bool": {"filter": [{"terms": {"speakers.name.folded": ["dmitry peskov"]}}]}
    }
    assert (
        body["aggs"]["place"]["filter"]["bool"]["filter"] == body["post_filter"]["bool"]["filter"]
    )


def test_dates_paging_and_stable_sort() -> None:
    params = SearchParams(
        q="x",
        date_from=date(2016, 11, 1),
        date_to=date(2016, 11, 30),
        page=3,
        size=20,
        sort="newest",
    )
    body = build(params)
    assert body["query"]["bool"]["filter"] == [
        {"range": {"published": {"gte": "2016-11-01", "lte": "2016-11-30"}}}
    ]
    assert (body["from"], body["size"]) == (40, 20)
    assert body["sort"][-1] == {"id": "asc"}
