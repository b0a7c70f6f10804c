"""The index contract holds: every field path a request of the read path names exists in the
mapping (with a type that can do what the request asks of it), and the declarations of
search.schema agree with each other and with the documents the write path builds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from fnmatch import fnmatch
from typing import Any

import pytest

from search.index.documents import to_documents
from search.index.mapping import MAPPINGS
from search.model import Article, Place, Quote, Speaker
from search.query import articles, export, language, speakers
from search.query.body import (
    apart,
    article_query,
    build,
    build_quotes,
    facet_counts,
    filters,
    quote_query,
    suggest_body,
    value_prefix,
)
from search.query.params import SearchParams
from search.schema import (
    ARTICLE,
    ARTICLE_DOCUMENT,
    ARTICLE_EXPORT,
    ARTICLE_HIT,
    ARTICLE_PAGE,
    COLUMNS,
    FACETS,
    FIELDS,
    FOLDED_PREFIX,
    FOLDED_SOURCE,
    HELD,
    PERSON,
    QUOTE,
    QUOTE_DOCUMENT,
    QUOTE_EXPORT,
    QUOTE_HIT,
    RELATED_ARTICLE,
    SCOPES,
    SPEAKER_IDS,
    Kind,
    View,
    facets_of,
    folded,
    mapping_at,
    marked,
    searched,
)

# --- Every field reference in a request body

_BY_FIELD_NAME = ("term", "terms", "match", "match_phrase", "range", "prefix", "wildcard")
_NOT_FIELDS = ("boost", "_name")
Use = str  # what a request does with a field: "query", "aggregate", "nested", "mark", "read"


def references(body: Any, suggesting: bool = False) -> Iterator[tuple[str, Use]]:
    """Each field path `body` names, with what it does with it: queries name fields as keys
    (term, terms, range, prefix…) or in `fields` lists, aggregations and suggesters in `field`,
    nested clauses in `path`, highlights in `fields` keys and `matched_fields`, sources in
    lists of includes and excludes, sorts as keys."""
    if isinstance(body, list):
        for item in body:
            yield from references(item, suggesting)
        return
    if not isinstance(body, dict):
        return
    for key, value in body.items():
        if key in _BY_FIELD_NAME and isinstance(value, dict) and "field" not in value:
            yield from ((name, "query") for name in value if name not in _NOT_FIELDS)
        elif key == "field" and isinstance(value, str):
            yield value, "query" if suggesting else "aggregate"
        elif key == "fields" and isinstance(value, list):  # multi_match, more_like_this
            yield from ((name.split("^")[0], "query") for name in value)
        elif key == "path" and isinstance(value, str):
            yield value, "nested"
        elif key == "highlight" and isinstance(value, dict):
            for name, options in value.get("fields", {}).items():
                yield name, "mark"
                yield from ((also, "mark") for also in options.get("matched_fields", ()))
            yield from references(value.get("highlight_query"))
            continue
        elif key in ("_source", "source"):
            yield from ((name, "read") for name in _listed(value))
        elif key == "sort" and isinstance(value, list):
            for order in value:
                names = [order] if isinstance(order, str) else list(order)
                yield from ((n, "aggregate") for n in names if not n.startswith("_"))
        if isinstance(value, dict | list):
            yield from references(value, suggesting or key == "suggest")


def _listed(source: Any) -> list[str]:
    """The paths a `_source` option names: a list, or includes and excludes; patterns aside
    (`test_the_folded_twins_are_left_out_of_what_searches_bring_back` checks those)."""
    if isinstance(source, dict):
        names = [*source.get("includes", []), *source.get("excludes", [])]
        return [name for name in names if "*" not in name]
    return source if isinstance(source, list) else []


def test_the_folded_twins_are_left_out_of_what_searches_bring_back() -> None:
    twins = [
        f.sub(way.at)
        for kind in (ARTICLE, QUOTE)
        for f, way in searched(kind)
        if way.at.rpartition(".")[2].startswith(FOLDED_PREFIX) or f.path.startswith(FOLDED_PREFIX)
    ]
    assert {"folded_body", "quotes.folded_text", "folded_text", "article.folded_title"} <= {*twins}
    for twin in twins:
        assert any(fnmatch(twin, pattern) for pattern in FOLDED_SOURCE), twin
    assert not any(fnmatch("body", p) or fnmatch("quotes.text", p) for p in FOLDED_SOURCE)


def check(path: str, use: Use) -> None:
    """`path` exists in the mapping (sub-fields and object properties alike) and suits `use`;
    raises KeyError or AssertionError otherwise."""
    mapping = mapping_at(MAPPINGS, path, "mapping")
    kind = mapping.get("type", "object")
    if use == "nested":
        assert kind == "nested", f"{path} is not nested ({kind})"
    elif use == "aggregate":
        assert kind not in ("text", "object", "nested"), f"{path} cannot be counted ({kind})"
    elif use == "mark":
        assert kind == "text", f"{path} is not text to mark ({kind})"
    elif use == "query":
        assert kind not in ("object", "nested"), f"{path} is not a field ({kind})"
        assert mapping.get("index", True), f"{path} is stored, not indexed"


WORDS = [
    "",
    "peskov trump",
    '"no contacts" -kremlin',
    "kreml* sandrs~ a OR b",
    " ".join(f"{scope}:word" for scope in SCOPES),
    " ".join(f'{scope}:"two words"' for scope in SCOPES),
    "speaker:(dmitry peskov) -quote:wall title:x*",
]
# A value selected and one excluded ("-"), of every facet.
EVERY_FACET = {
    f.name: ("some-id", "-other-id") if f.by_id else ("some value", "-other value") for f in FACETS
}
PARAMS = [
    replace(SearchParams(q=q), **changes)
    for q in WORDS
    for changes in (
        {},
        {"sort": "newest", "page": 3, "size": 20},
        {"sort": "oldest", "after": (1, "x")},
        {"date_from": date(2016, 11, 1), "date_to": date(2016, 11, 30)},
        {"filters": {name: ("x",) for name in EVERY_FACET}},
    )
]
WINDOW = (date(2016, 1, 1), date(2016, 3, 1))


def request_bodies() -> Iterator[dict[str, Any]]:
    """What the read path sends, built by its own builders for a broad set of searches."""
    for params in PARAMS:
        for chosen in ({}, EVERY_FACET):
            for interval, window in (("month", None), ("day", WINDOW)):
                body = build(params, chosen, interval, window)
                yield body
                yield from apart(body)
                yield build_quotes(params, chosen, interval, window)
            for kind in (ARTICLE, QUOTE):
                yield export.export_body(params, chosen, kind)
                yield {"query": article_query(params, chosen, quotes_shown=False)}
                yield {"query": quote_query(params)}
                for facet in facets_of(kind):
                    skipped = filters(params, chosen, kind, skip=facet.name)
                    counts = facet_counts(facet, kind, chosen.get(facet.name, ()), 20, None)
                    searched_in = value_prefix(facet, "os ka")
                    found = facet_counts(facet, kind, ("x",), 20, searched_in)
                    yield {
                        "query": {"bool": {"filter": skipped}},
                        "aggs": {"a": counts, "b": found},
                    }
        yield articles.article_body("some-id", params.q)
    yield articles.related_body("an-index", "some-id")
    yield suggest_body("pes", 8)
    yield speakers.stamp_body()
    for sort in speakers.DIRECTORY_SORTS:
        yield speakers.directory_body("", 20, sort)
    yield speakers.directory_body("dm pes", 20, "articles", [3, 2, "peskov", "dmitry-peskov"])
    for interval in ("day", "month", "year"):
        yield speakers.profile_body("dmitry-peskov", interval)


def test_every_field_path_the_read_path_uses_is_in_the_mapping() -> None:
    used = {ref for body in request_bodies() for ref in references(body)}
    for path, use in sorted(used):
        check(path, use)
    paths = {path for path, _ in used}
    # The walk sees what the schema declares searched, faceted, marked and shown.
    for kind in (ARTICLE, QUOTE):
        assert {f.sub(way.at) for f, way in searched(kind)} <= paths
        for facet in facets_of(kind):
            fields = facet.fields(kind)
            assert {fields.shown, fields.filtered} <= paths
    assert set(marked(ARTICLE_HIT)) | set(marked(QUOTE_HIT)) <= paths
    assert {"person.quotes", "quotes.speaker_id", "folded_body.exact", "suggest"} <= paths


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        ({"query": {"term": {"speakers.nmae.folded": "x"}}}, "a misspelt sub-field"),
        ({"aggs": {"a": {"terms": {"field": "agency.text"}}}}, "text cannot be counted"),
        ({"query": {"nested": {"path": "dateline", "query": {}}}}, "not nested"),
        ({"highlight": {"fields": {"titel": {}}}}, "a misspelt field"),
        ({"sort": [{"publishd": "desc"}]}, "a misspelt sort"),
        ({"query": {"multi_match": {"fields": ["body.exct^2"]}}}, "a misspelt twin"),
    ],
)
def test_the_check_fails_on_a_wrong_path(body: dict[str, Any], wrong: str) -> None:
    with pytest.raises((KeyError, AssertionError)):
        for path, use in references(body):
            check(path, use)


# --- The declarations agree with each other


def test_every_field_is_declared_once_and_held_by_a_kind_of_document() -> None:
    paths = [f.path for f in FIELDS]
    assert len(paths) == len(set(paths))
    assert MAPPINGS["properties"].keys() == set(paths)
    for document in (ARTICLE_DOCUMENT, QUOTE_DOCUMENT):
        held = [f.path for f, _ in document]
        assert len(held) == len(set(held))
    held = {f.path for kind in (ARTICLE, QUOTE, PERSON) for f in HELD[kind]}
    assert held == set(paths)


VIEW_KIND: dict[View, Kind] = {
    ARTICLE_HIT: ARTICLE,
    ARTICLE_PAGE: ARTICLE,
    ARTICLE_EXPORT: ARTICLE,
    RELATED_ARTICLE: ARTICLE,
    QUOTE_HIT: QUOTE,
    QUOTE_EXPORT: QUOTE,
}


def test_what_a_view_shows_or_a_column_exports_its_documents_hold() -> None:
    for f in FIELDS:
        for view in f.shown:
            assert f in HELD[VIEW_KIND[view]], f"{f.path} shown in {view} but not held"
        for mark in f.marked:
            assert f in HELD[VIEW_KIND[mark.view]], f"{f.path} marked in {mark.view}"
            twin = folded(f.sub(mark.at))  # searched, and marking the original
            assert twin and "exact" in mapping_at(MAPPINGS, twin).get("fields", {})
    for kind, columns in COLUMNS.items():
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), f"two {kind} columns have one name"
        for column in columns:
            assert column.field in HELD[kind], f"{kind} column {column.name} is not held"
            assert column.field in {f for f in FIELDS if f.shown}, f"{column.name} is private"


_SHAPED = {  # what a shape needs of the mapping
    "string": lambda m: m.get("type") in ("keyword", "text", "date"),
    "strings": lambda m: m.get("type") in ("keyword", "text"),
    "number": lambda m: m.get("type") in ("integer", "long", "float", "half_float", "double"),
    "place": lambda m: "name" in m.get("properties", {}),
    "places": lambda m: "name" in m.get("properties", {}),
    "person": lambda m: {"id", "name"} <= set(m.get("properties", {})),
    "people": lambda m: {"id", "name"} <= set(m.get("properties", {})),
}


def test_the_api_s_description_of_a_field_fits_its_mapping() -> None:
    for f in FIELDS:
        if f.shown and f.shape is not None:
            assert _SHAPED[f.shape](f.mapping), f"{f.path} is no {f.shape}"


def test_every_facet_counts_a_keyword_and_filters_a_keyword() -> None:
    others = {"q", "from", "to", "sort", "size", "page", "cursor", "explain", "date", "of"}
    for facet in FACETS:
        assert facet.name not in others, f"facet {facet.name} would shadow an argument"
        assert facet.example["value"] and facet.label and facet.singular and facet.description
        for kind in (ARTICLE, QUOTE):
            if facet not in facets_of(kind):
                continue
            fields = facet.fields(kind)
            for path in (fields.shown, fields.filtered):
                check(path, "aggregate")
                assert mapping_at(MAPPINGS, path)["type"] == "keyword"
            if facet.by_id:
                assert fields.filtered.endswith(".id") or fields.filtered == SPEAKER_IDS.path


def test_every_scope_is_searchable_in_both_kinds_of_document() -> None:
    for target in (language.ARTICLES, language.QUOTES):
        assert set(target.scopes) == set(SCOPES)
        for fields in (*target.default, *target.scopes.values()):
            for f in fields.fields:
                check(f.name, "query")
                if f.kind == "stemmed":
                    check(f.name + target.exact_suffix, "query")


ARTICLE_SAMPLE = Article(
    id="nws-1",
    source="nws-1.txt",
    title="Oslo port strike ends",
    lead="Dockworkers return.",
    body="Nobody should have to strike for it twice, Tomas Okafor said.",
    agency="NWS",
    publisher="Daily",
    author="A. Writer",
    published=date(2030, 3, 27),
    date_precision="day",
    dateline=Place("Oslo", "Norway", "NO", 59.9, 10.7),
    speakers=[Speaker("Tomas Okafor", "negotiator", 1)],
    quotes=[Quote("Tomas Okafor", "Nobody should have to strike for it twice", "said", 0, 41)],
    places=[Place("Lisbon", "Portugal", "PT", region="Lisboa")],
    people=["Mara Lindqvist"],
    photo_credit="Photo: NWS",
    url="https://example.org/nws-1",
)


def _keys(document: dict[str, Any], at: str = "") -> Iterator[str]:
    for key, value in document.items():
        path = f"{at}.{key}" if at else key
        yield path
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and key != "location":  # a geo_point's lat and lon
                yield from _keys(item, path)


def test_the_documents_built_hold_their_kind_s_fields_in_the_mapping() -> None:
    built = [document for _, document in to_documents(ARTICLE_SAMPLE)]
    tables = {ARTICLE: ARTICLE_DOCUMENT, QUOTE: QUOTE_DOCUMENT}
    assert [d["kind"] for d in built] == [ARTICLE, QUOTE]
    for document in built:
        kind = document["kind"]
        assert list(document) == [f.path for f, _ in tables[kind]]  # in the declared order
        assert set(document) == {f.path for f in HELD[kind]}
        for path in _keys(document):
            mapping_at(MAPPINGS, path, "mapping")  # `dynamic: strict` would refuse it
    article, quote = built
    assert (
        quote["dateline"]
        == article["dateline"]
        == {
            "name": "Oslo",
            "as_written": None,
            "label": "Oslo, Norway",
            "names": ["Oslo, Norway", "Oslo"],
            "region": None,
            "country": "Norway",
            "country_code": "NO",
            "country_names": ["Norway", "NO"],
            "location": {"lat": 59.9, "lon": 10.7},
        }
    )
    assert article["outlet"] == quote["outlet"] == "Daily"  # no outlet of that name: as given
    assert quote["speaker"]["id"] == article["speakers"][0]["id"] == "tomas-okafor"
    row = dict(zip(export.HEADER[QUOTE], export.csv_row(quote, QUOTE), strict=True))
    assert row["speaker"] == "Tomas Okafor" and row["url"] == article["url"]
    assert row["country"] == "Norway" and row["article_id"] == article["id"]
