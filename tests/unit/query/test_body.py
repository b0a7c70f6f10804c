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
    # The counts: every match of the same query as a filter (nothing scored). The first is
    # under the whole selection: the total, and the facets nobody chose with no filter of
    # their own (did-you-mean is asked apart, only when there are few hits).
    first, *others = counts
    moscow = body["post_filter"]["bool"]["filter"]
    assert first["query"] == {"bool": {"filter": [body["query"], *moscow]}}
    assert first["size"] == 0 and first["track_total_hits"] is True
    assert "suggest" not in body
    assert set(first["aggs"]) == set(body["aggs"]) - {"location"}
    assert all(agg["filter"] == {"match_all": {}} for agg in first["aggs"].values())
    # The chosen facet: counted under every other selection (here none), on its own.
    [location] = others
    assert location["query"] == {"bool": {"filter": [body["query"]]}}
    assert location["aggs"]["location"]["aggs"] == body["aggs"]["location"]["aggs"]
    for part in counts:
        assert "highlight" not in part and "sort" not in part and "post_filter" not in part


def test_facets_chosen_are_counted_under_the_other_selections() -> None:
    params = SearchParams(q="trump", date_from=date(2016, 11, 1), date_to=date(2016, 11, 30))
    body = build(params, {"speaker": PESKOV, "location": ("moscow",)}, "day")
    first, *others = apart(body)[1]
    speaker, moscow, november = body["post_filter"]["bool"]["filter"]
    assert first["query"]["bool"]["filter"][1:] == [speaker, moscow, november]
    assert "speaker" not in first["aggs"] and "location" not in first["aggs"]
    assert "date" not in first["aggs"] and "agency" in first["aggs"]
    under = {name: o["query"]["bool"]["filter"][1:] for o in others for name in o["aggs"]}
    assert under == {
        "speaker": [moscow, november],
        "location": [speaker, november],
        "date": [speaker, moscow],
    }
    assert not any(o["track_total_hits"] for o in others)
