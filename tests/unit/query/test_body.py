"""Query building is pure: the request body is asserted without a cluster."""

from datetime import date

from search.query.body import apart, build, build_quotes
from search.query.params import SearchParams

PESKOV = ("dmitry-peskov",)


def _nested(query: object, path: str) -> list[dict]:
    """Every nested clause on `path` anywhere in `query`."""
    found = []
    if isinstance(query, dict):
        if query.get("nested", {}).get("path") == path:
            found.append(query["nested"])
        for value in query.values():
            found += _nested(value, path)
    elif isinstance(query, list):
        for value in query:
            found += _nested(value, path)
    return found


def test_words_search_articles_and_show_the_quotes_holding_them() -> None:
    body = build(SearchParams(q='peskov "no contacts"'), {}, "month")
    query = body["query"]["bool"]
    assert query["filter"] == [{"term": {"kind": "article"}}]
    [shown] = [n for n in _nested(query, "quotes") if "inner_hits" in n]
    assert shown["query"]["bool"]["minimum_should_match"] == 1
    assert body["highlight"]["encoder"] == "html"


def test_empty_query_matches_every_article() -> None:
    body = build(SearchParams(), {}, "month")
    assert body["query"] == {
        "bool": {"filter": [{"term": {"kind": "article"}}], "must": [{"match_all": {}}]}
    }


def test_a_speaker_filter_shows_that_speakers_quotes() -> None:
    body = build(SearchParams(), {"speaker": PESKOV}, "month")
    [shown] = _nested(body["query"], "quotes")
    assert shown["query"]["bool"]["filter"] == [{"terms": {"quotes.speaker_id": ["dmitry-peskov"]}}]
    assert "inner_hits" in shown
    with_words = build(SearchParams(q="trump"), {"speaker": PESKOV}, "month")
    [shown] = [n for n in _nested(with_words["query"], "quotes") if "inner_hits" in n]
    assert shown["query"]["bool"]["filter"] == [{"terms": {"quotes.speaker_id": ["dmitry-peskov"]}}]
    assert shown["query"]["bool"]["minimum_should_match"] == 1


def test_facets_and_dates_are_disjunctive() -> None:
    params = SearchParams(date_from=date(2016, 11, 1), date_to=date(2016, 11, 30))
    chosen = {"speaker": PESKOV, "location": ("moscow",)}
    body = build(params, chosen, "day")
    speaker = {"terms": {"speaker_ids": list(PESKOV)}}  # flat: counted without nested documents
    moscow = {"terms": {"dateline.names.folded": ["moscow"]}}
    november = {"range": {"published": {"gte": "2016-11-01", "lte": "2016-11-30"}}}
    assert body["post_filter"] == {"bool": {"filter": [speaker, moscow, november]}}
    # Each facet is counted under the other selections and the dates; the dates under all
    # facet selections but not under the date range itself.
    assert body["aggs"]["speaker"]["filter"] == {"bool": {"filter": [moscow, november]}}
    assert body["aggs"]["location"]["filter"] == {"bool": {"filter": [speaker, november]}}
    assert body["aggs"]["date"]["filter"] == {"bool": {"filter": [speaker, moscow]}}
    assert body["aggs"]["date"]["aggs"]["values"]["date_histogram"]["calendar_interval"] == "day"


def test_a_chosen_value_is_counted_whatever_its_rank() -> None:
    body = build(SearchParams(), {"agency": ("agency 11",)}, "month")
    counts = body["aggs"]["agency"]["aggs"]["counts"]["aggs"]
    # Counted on the shown values, in any case: "agency 11" typed by hand finds "Agency 11".
    assert counts["chosen"]["terms"]["field"] == "agency"
    assert counts["chosen"]["terms"]["include"] == "[aA][gG][eE][nN][cC][yY] 11"


def test_paging_by_number_or_after_a_cursor_and_a_stable_sort() -> None:
    params = SearchParams(q="x", page=3, size=20, sort="newest")
    body = build(params, {}, "month")
    assert (body["from"], body["size"]) == (40, 20)
    assert body["sort"][-1] == {"id": "asc"}
    after = build(SearchParams(q="x", after=(1.5, 0, "a")), {}, "month")
    assert after["search_after"] == [1.5, 0, "a"] and "from" not in after


def test_quote_search_asks_for_quote_documents() -> None:
    body = build_quotes(SearchParams(q="trump"), {"speaker": PESKOV}, "month")
    assert body["query"]["bool"]["filter"] == [{"term": {"kind": "quote"}}]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"speaker.id": list(PESKOV)}}]}}
    assert "text" in body["highlight"]["fields"]


def test_hits_and_counts_are_asked_apart_and_count_without_scoring() -> None:
    body = build(SearchParams(q="peskov trump", page=3), {"location": ("moscow",)}, "month")
    hits, counts = apart(body)
    # The page: scored, highlighted, filtered by the selection, never counted.
    assert hits["query"] == body["query"] and hits["post_filter"] == body["post_filter"]
    assert (hits["from"], hits["size"], hits["sort"]) == (body["from"], body["size"], body["sort"])
    assert hits["track_total_hits"] is False and "aggs" not in hits and "suggest" not in hits
    # The counts: every match of the same query as a filter (nothing scored), under the same
    # selection for the total, with the facets and dates (did-you-mean is asked apart, only
    # when there are few hits: search.query.spelling).
    assert counts["query"] == {"bool": {"filter": [body["query"]]}}
    assert counts["size"] == 0 and counts["track_total_hits"] is True
    assert "suggest" not in body
    for key in ("aggs", "post_filter"):
        assert counts[key] == body[key]
    assert "highlight" not in counts and "sort" not in counts
