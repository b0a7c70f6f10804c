"""Building search requests: pure functions from validated parameters to request bodies.

Nothing here sees a Flask request or a cluster, so tests compare bodies directly. Facets are
disjunctive: selected values and the date range filter hits through ``post_filter``, and each
facet (the dates too) is counted under every selection but its own, so a reader can widen a
choice as well as narrow it, and see the months around the one chosen.
https://www.elastic.co/docs/reference/elasticsearch/rest-apis/filter-search-results
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from search.query import language
from search.query.params import FACET_SIZE, INNER_QUOTES, Interval, SearchParams, split_excluded
from search.query.periods import Period
from search.schema import (
    ARTICLE,
    ARTICLE_HIT,
    FOLDED_SOURCE,
    ID,
    IN_ARTICLE_QUOTES,
    PUBLISHED,
    QUOTE,
    QUOTE_HIT,
    QUOTE_SAID,
    QUOTES,
    SPEAKER_FACET,
    SUGGEST,
    TITLE,
    Facet,
    Kind,
    facets_of,
    folded,
    marked,
    only,
    shown,
)
from search.speakers.names import slug

MARK = ("<mark>", "</mark>")
# Selected values: facet name -> what the selection filters by (person ids for speakers,
# folded values for the others), resolved by `search.query.execute`.
Selection = dict[str, tuple[str, ...]]
# What a hit brings back: its shown fields, and of each matching quote, who said what.
_HIT_SOURCE = [f.path for f in shown(ARTICLE_HIT)]
_HIT_QUOTE_SOURCE = [QUOTES.sub(at) for at in (*QUOTE_SAID, "text")]
_QUOTE_SPEAKER_ID = QUOTES.sub("speaker_id")


def text_query(q: str, kind: Kind) -> dict[str, Any]:
    """What the reader typed, in Dateline's query language (`search.query.language`)."""
    target = language.ARTICLES if kind == ARTICLE else language.QUOTES
    return language.to_query(language.parse(q), target)


def _matched(name: str) -> list[str]:
    """The fields whose matches mark `name`: its folded twin (search.folding), stemmed and
    unstemmed (phrases), which searches go to; a folded text has the original's length, so
    their offsets are the original's."""
    twin = folded(name)
    return [name, twin, f"{twin}.exact"] if twin else [name]


def marks(fields: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Highlighting with everything outside the marks HTML-escaped, marking each field where
    it or its twins match (`_matched`)."""
    return {
        "encoder": "html",
        "pre_tags": [MARK[0]],
        "post_tags": [MARK[1]],
        "fields": {
            name: {"matched_fields": _matched(name), **options} for name, options in fields.items()
        },
    }


def _shown_quotes() -> dict[str, Any]:
    """A hit brings back the quotes holding the reader's words, marked."""
    return {
        "size": INNER_QUOTES,
        "_source": list(_HIT_QUOTE_SOURCE),
        "highlight": marks(marked(ARTICLE_HIT, QUOTES)),
    }


def article_query(
    params: SearchParams, selection: Selection, *, quotes_shown: bool = True
) -> dict[str, Any]:
    """Articles matching the words; with `quotes_shown`, each brings the quotes a reader asked
    about (holding the words, of the selected speakers)."""
    speakers = selection.get(SPEAKER_FACET.name)
    within = [{"terms": {_QUOTE_SPEAKER_ID: list(speakers)}}] if speakers is not None else None
    # With speakers chosen, `quote:` words are words those speakers said, in one quote, as
    # with ``speaker:obama quote:trump`` (docs/api.md); a chosen exclusion does not pair.
    chosen = split_excluded(speakers or ())[0]
    query = language.to_query(
        language.parse(params.q),
        language.ARTICLES,
        inner_hits=_shown_quotes() if quotes_shown else None,
        shown_within=within if quotes_shown else None,
        items_within=[{"terms": {_QUOTE_SPEAKER_ID: chosen}}] if chosen else None,
    )
    return {"bool": {"filter": [only(ARTICLE)], "must": [query]}}


def _held(path: str, nested: str | None, values: tuple[str, ...]) -> dict[str, Any]:
    """Documents holding any selected value and none excluded. With only exclusions, those
    holding some value but none excluded: "-us" on the dateline's country keeps the articles
    datelined outside the United States (those with no dateline are not "outside"), so the
    hits are what the facet's other values count."""

    def within(clause: dict[str, Any]) -> dict[str, Any]:
        return {"nested": {"path": nested, "query": clause}} if nested else clause

    wanted, unwanted = split_excluded(values)
    if not unwanted:  # (a name that names nobody selects nothing)
        return within({"terms": {path: wanted}})
    kept = within({"terms": {path: wanted}} if wanted else {"exists": {"field": path}})
    return {"bool": {"filter": [kept], "must_not": [within({"terms": {path: unwanted}})]}}


def _selected(facet: Facet, kind: Kind, values: tuple[str, ...]) -> dict[str, Any]:
    fields = facet.fields(kind)
    return _held(fields.filtered, None, values)


def date_filter(params: SearchParams) -> dict[str, Any] | None:
    if params.date_from is None and params.date_to is None:
        return None
    bounds = {}
    if params.date_from:
        bounds["gte"] = params.date_from.isoformat()
    if params.date_to:
        bounds["lte"] = params.date_to.isoformat()
    return {"range": {PUBLISHED.path: bounds}}


def filters(
    params: SearchParams, selection: Selection, kind: Kind, *, skip: str | None = None
) -> list[dict[str, Any]]:
    """The selections (and the date range, unless `skip` is "date") but the skipped one."""
    found = [
        _selected(facet, kind, selection[facet.name])
        for facet in facets_of(kind)
        if facet.name != skip and facet.name in selection
    ]
    if kind == ARTICLE:
        found += [
            _held(path, QUOTES.path, selection[name])
            for name, path in IN_ARTICLE_QUOTES.items()
            if name in selection
        ]
    dates = date_filter(params)
    if dates and skip != "date":
        found.append(dates)
    return found


def _under(clauses: list[dict[str, Any]]) -> dict[str, Any]:
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def facet_counts(
    facet: Facet, kind: Kind, chosen: tuple[str, ...], size: int, include: str | None = None
) -> dict[str, Any]:
    """A facet's values with their counts, plus the chosen ones whatever their rank; with
    `include` (see `value_prefix`), only the values it matches, among every name a place
    answers to where the facet says so ("rang" finds "Rangoon", which selects Yangon)."""
    fields = facet.fields(kind)
    counted = fields.filtered if facet.by_id else fields.shown
    if include and fields.found:
        counted = fields.found
    chosen = tuple(split_excluded(chosen)[0])  # an excluded value is counted among the top
    terms: dict[str, Any] = {"field": counted, "size": size}
    if include:
        terms["include"] = include
    aggs: dict[str, Any] = {"values": {"terms": terms}}
    if chosen:
        # The chosen values counted whatever their rank, so each shows its real count; values
        # typed by hand match whatever their case.
        listed: str | list[str] = (
            list(chosen) if facet.by_id else "|".join(_caseless(v) for v in chosen)
        )
        width = len(chosen) * (1 if facet.by_id else 4)  # a value may be written in a few cases
        aggs["chosen"] = {"terms": {"field": counted, "include": listed, "size": width}}
    if facet.by_id and fields.shown != counted:
        # A person is counted by id and shown by the name beside it (the registry's name
        # replaces it: search.query.speakers.named); where only ids are held, by the registry's.
        for agg in aggs.values():
            agg["aggs"] = {"shown": {"terms": {"field": fields.shown, "size": 1}}}
    return {"filter": {"match_all": {}}, "aggs": aggs}


def date_histogram(interval: Period) -> dict[str, Any]:
    """Bars at `interval`, only where there are articles."""
    histogram: dict[str, Any] = {
        "field": PUBLISHED.path,
        "calendar_interval": interval,
        "format": "strict_date",
        "min_doc_count": 1,
    }
    return {"date_histogram": histogram}


def window_filter(window: tuple[date, date]) -> dict[str, Any]:
    """Only the days of `window` (a selected range and its neighbours, so days are not drawn
    for a decade). A filter, not the histogram's `hard_bounds`: under a filter aggregation,
    bounds that hold no match make Elasticsearch 9.2 fail the whole search (an index error)."""
    bounds = {"gte": window[0].isoformat(), "lte": window[1].isoformat()}
    return {"range": {PUBLISHED.path: bounds}}


_REGEX_SPECIAL = re.compile(r'([.?+*|{}\[\]()"\\#@&<>~])')


def _caseless(text: str) -> str:
    """A Lucene regular expression matching `text` in any case (terms `include` has no flag)."""
    out = []
    for char in text:
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == len(upper) == 1:
            out.append(f"[{lower}{upper}]")
        else:
            out.append(_REGEX_SPECIAL.sub(r"\\\1", char))
    return "".join(out)


def value_prefix(facet: Facet, prefix: str) -> str:
    """A terms `include` pattern for values with a word starting with `prefix`: person ids
    are slugs ("dmitry-peskov"), other values are matched in any case."""
    if facet.by_id:
        word = _REGEX_SPECIAL.sub(r"\\\1", slug(prefix))
        return f"(.*-)?{word}.*"
    return rf"(.*[ \-])?{_caseless(' '.join(prefix.split()))}.*"


def aggregations(
    params: SearchParams,
    selection: Selection,
    kind: Kind,
    interval: Interval,
    window: tuple[date, date] | None = None,
) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for facet in facets_of(kind):
        counts = facet_counts(facet, kind, selection.get(facet.name, ()), FACET_SIZE)
        aggs[facet.name] = {
            "filter": _under(filters(params, selection, kind, skip=facet.name)),
            "aggs": {"counts": counts},
        }
    in_window = [window_filter(window)] if window else []
    aggs["date"] = {
        "filter": _under(filters(params, selection, kind, skip="date") + in_window),
        "aggs": {
            "values": date_histogram(interval),
            "first": {"min": {"field": PUBLISHED.path, "format": "strict_date"}},
            "last": {"max": {"field": PUBLISHED.path, "format": "strict_date"}},
        },
    }
    return aggs


def sort(params: SearchParams) -> list[Any]:
    """Always ends with the id, so equal scores or dates page deterministically."""
    newest = {PUBLISHED.path: {"order": "desc", "missing": "_last"}}
    if params.sort == "newest":
        return [newest, {ID.path: "asc"}]
    if params.sort == "oldest":
        return [{PUBLISHED.path: {"order": "asc", "missing": "_last"}}, {ID.path: "asc"}]
    return ["_score", newest, {ID.path: "asc"}]


def _paged(body: dict[str, Any], params: SearchParams) -> dict[str, Any]:
    body["sort"] = sort(params)
    body["size"] = params.size
    if params.after is not None:
        body["search_after"] = list(params.after)
    else:
        body["from"] = (params.page - 1) * params.size
    return body


Window = tuple[date, date] | None


def build(
    params: SearchParams, selection: Selection, interval: Interval, window: Window = None
) -> dict[str, Any]:
    """The whole request body for one search of articles."""
    body: dict[str, Any] = {
        "query": article_query(params, selection),
        "aggs": aggregations(params, selection, ARTICLE, interval, window),
        "highlight": marks(marked(ARTICLE_HIT)),
        "track_total_hits": True,
        "_source": list(_HIT_SOURCE),
    }
    post = filters(params, selection, ARTICLE)
    if post:
        body["post_filter"] = {"bool": {"filter": post}}
    return _paged(body, params)


def quote_query(params: SearchParams) -> dict[str, Any]:
    query: dict[str, Any] = {"bool": {"filter": [only(QUOTE)]}}
    if params.q.strip():
        query["bool"]["must"] = [text_query(params.q, QUOTE)]
    return query


def build_quotes(
    params: SearchParams, selection: Selection, interval: Interval, window: Window = None
) -> dict[str, Any]:
    """The whole request body for one search of quotes."""
    body: dict[str, Any] = {
        "query": quote_query(params),
        "aggs": aggregations(params, selection, QUOTE, interval, window),
        "highlight": marks(marked(QUOTE_HIT)),
        "track_total_hits": True,
        "_source": {"excludes": FOLDED_SOURCE},
    }
    post = filters(params, selection, QUOTE)
    if post:
        body["post_filter"] = {"bool": {"filter": post}}
    return _paged(body, params)


def suggest_body(prefix: str, size: int) -> dict[str, Any]:
    """Completions of `prefix` from the names and titles each article offers (`suggest`)."""
    return {
        "source": [SUGGEST.path, TITLE.path],
        "suggest": {
            "names": {
                "prefix": prefix,
                "completion": {"field": SUGGEST.path, "size": size, "skip_duplicates": True},
            }
        },
    }


def apart(body: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One search as requests Elasticsearch runs side by side on two cores: the page of hits
    (scored, not counted), then the counts, whose queries are filters: they need every match
    but no score, so proximity and quote clauses, which only score, are skipped there. The
    first count is under the whole selection: the total, and every facet nobody chose (their
    filter is the selection), counted as plain aggregations of its matches. A facet with a
    chosen value is counted under the other selections, one request per such facet: as one
    filter aggregation each, every facet would test its filters on each match, which costs
    more than the count itself when a selection matches much of the archive."""
    hits = {key: value for key, value in body.items() if key not in ("aggs", "suggest")}
    hits["track_total_hits"] = False
    selected = body["post_filter"]["bool"]["filter"] if "post_filter" in body else []
    everyone = _under(selected)
    main: dict[str, Any] = {}
    # Each other selection's clauses (as JSON, to group by) -> them, and the facets under them.
    under_others: dict[str, tuple[list[dict[str, Any]], dict[str, Any]]] = {}
    for name, agg in body.get("aggs", {}).items():
        counted = {**agg, "filter": {"match_all": {}}}  # the filter becomes the request's query
        if agg["filter"] == everyone:
            main[name] = counted
        else:
            clauses = agg["filter"]["bool"]["filter"] if "bool" in agg["filter"] else []
            key = json.dumps(clauses, sort_keys=True)
            under_others.setdefault(key, (clauses, {}))[1][name] = counted
    first = {"size": 0, "track_total_hits": True, "query": _counted(body["query"], selected)}
    if main:
        first["aggs"] = main
    if "suggest" in body:
        first["suggest"] = body["suggest"]
    counts = [first]
    for clauses, aggs in under_others.values():
        query = _counted(body["query"], clauses)
        counts.append({"size": 0, "track_total_hits": False, "query": query, "aggs": aggs})
    return hits, counts


def _counted(query: dict[str, Any], selected: list[dict[str, Any]]) -> dict[str, Any]:
    return {"bool": {"filter": [query, *selected]}}
