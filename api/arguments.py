"""What each endpoint accepts in its query string, as marshmallow schemas (they also write the
OpenAPI parameters). Unknown arguments are refused on the API (a typo must not silently
widen a search); the page ignores them instead (api.pages)."""

from __future__ import annotations

import re
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from search.query.compare import INTERVALS, MAX_SERIES, MEASURES, Comparison, Series
from search.query.params import (
    MAX_FACET_VALUES,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULT_WINDOW,
    SearchParams,
)
from search.query.speakers import DIRECTORY_SORTS
from search.schema import FACETS, SCOPES

# Control characters are never part of a name, and Elasticsearch reserves some in terms.
_PRINTABLE = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="must not contain control characters")
_TEXT = validate.Regexp(
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$", error="must not contain control characters"
)
_value = fields.String(validate=[validate.Length(min=1, max=200), _PRINTABLE])
QUERY_HELP = (
    'Words (stemmed), "exact phrases", -excluded, a OR b (or a | b), prefix*, fuzzy~ or '
    f"fuzzy~2, field scopes {' '.join(f'{scope}:' for scope in SCOPES)}, and (parentheses)."
)


class _Strict(ma.Schema):
    class Meta:
        unknown = ma.RAISE


class _Filters(_Strict):
    """The search every listing, export and feed shares: words, facets and dates.
    Each facet of `FACETS` adds a repeatable argument (see `_with_facets`)."""

    q = fields.String(
        load_default="",
        validate=[validate.Length(max=MAX_QUERY_LENGTH), _TEXT],
        metadata={"description": QUERY_HELP, "example": 'peskov "no contacts"'},
    )
    date_from = fields.Date(
        data_key="from", load_default=None, metadata={"description": "From this day on."}
    )
    date_to = fields.Date(
        data_key="to", load_default=None, metadata={"description": "Until this day."}
    )
    sort = fields.String(
        load_default="relevance", validate=validate.OneOf(["relevance", "newest", "oldest"])
    )

    @ma.validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            raise ma.ValidationError("must not be earlier than `from`", "to")

    @staticmethod
    def params(data: dict[str, Any], **extra: Any) -> SearchParams:
        return SearchParams(
            q=data["q"],
            filters={f.name: tuple(data[f.name]) for f in FACETS if data.get(f.name)},
            date_from=data["date_from"],
            date_to=data["date_to"],
            sort=data["sort"],
            **extra,
        )


_EXCLUDING = (
    " Repeatable; a value written `-value` is excluded: the documents that have one, but not "
    "that one."
)


def _with_facets(name: str, base: type[ma.Schema]) -> type[ma.Schema]:
    facets = {
        f.name: fields.List(
            _value, load_default=list, metadata={"description": f.description + _EXCLUDING}
        )
        for f in FACETS
    }
    return type(name, (base,), facets)


class _Listing(_Filters):
    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=MAX_RESULT_WINDOW // 10),
        metadata={"description": "Page number (up to 10,000 hits deep; use `cursor` beyond)."},
    )
    size = fields.Integer(load_default=10, validate=validate.Range(min=1, max=MAX_PAGE_SIZE))
    cursor = fields.String(
        load_default=None,
        validate=validate.Length(max=400),
        metadata={"description": "The `next_cursor` of the previous page: pages without end."},
    )
    explain = fields.Boolean(
        load_default=False, metadata={"description": "Say how the query was understood."}
    )

    @ma.validates_schema
    def _within_the_window(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("page", 1) * data.get("size", 10) > MAX_RESULT_WINDOW:
            raise ma.ValidationError(
                f"pages reach {MAX_RESULT_WINDOW:,} hits deep; page further with `cursor`", "page"
            )
        if data.get("cursor") and data.get("page", 1) != 1:
            raise ma.ValidationError("give either `page` or `cursor`", "cursor")

    @ma.post_load
    def _params(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        params = self.params(data, page=data["page"], size=data["size"], explain=data["explain"])
        return {"params": params, "cursor": data["cursor"]}


SearchArgsSchema = _with_facets("SearchArgsSchema", _Listing)


class _FacetValues(_Filters):
    prefix = fields.String(
        load_default="",
        validate=[validate.Length(max=100), _PRINTABLE],
        metadata={"description": "Only values with a word starting so."},
    )
    size = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_FACET_VALUES))
    of = fields.String(load_default="articles", validate=validate.OneOf(["articles", "quotes"]))

    @ma.post_load
    def _params(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        return {**data, "params": self.params(data)}


FacetArgsSchema = _with_facets("FacetArgsSchema", _FacetValues)


class _Export(_Filters):
    format = fields.String(load_default="csv", validate=validate.OneOf(["csv", "jsonl"]))
    of = fields.String(load_default="articles", validate=validate.OneOf(["articles", "quotes"]))
    bom = fields.Boolean(
        load_default=True,
        metadata={
            "description": "CSV: begin with a UTF-8 byte-order mark, so Excel reads the file as "
            "UTF-8 (curly quotes, accents); `bom=0` for a program that does not want one."
        },
    )

    @ma.post_load
    def _params(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        return {**data, "params": self.params(data)}


ExportArgsSchema = _with_facets("ExportArgsSchema", _Export)


class _Feed(_Filters):
    of = fields.String(load_default="articles", validate=validate.OneOf(["articles", "quotes"]))

    @ma.post_load
    def _params(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        return {**data, "params": self.params(data)}


FeedArgsSchema = _with_facets("FeedArgsSchema", _Feed)


class ArticleArgsSchema(_Strict):
    q = fields.String(
        load_default="",
        validate=[validate.Length(max=MAX_QUERY_LENGTH), _TEXT],
        metadata={"description": "Words to mark in the body and quotes."},
    )


class SpeakersArgsSchema(_Strict):
    prefix = fields.String(
        load_default="",
        validate=[validate.Length(max=100), _PRINTABLE],
        metadata={"description": "Only people with a name word starting so.", "example": "pes"},
    )
    size = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))
    sort = fields.String(
        load_default="quotes",
        validate=validate.OneOf(DIRECTORY_SORTS),
        metadata={"description": "Most quoted first, most articles first, or by name."},
    )
    cursor = fields.String(
        load_default=None,
        validate=validate.Length(max=500),
        metadata={"description": "The `next_cursor` of the page before: the next page."},
    )


class SuggestArgsSchema(_Strict):
    prefix = fields.String(required=True, validate=[validate.Length(min=1, max=100), _PRINTABLE])
    size = fields.Integer(load_default=8, validate=validate.Range(min=1, max=20))


# --- comparing series over time (`/api/compare`, the `/compare` page) --------------------------

SERIES_NUMBERS = range(1, MAX_SERIES + 1)
# What one series may ask, each argument numbered by its series (`q1`, `speaker2`): words, a
# label, and the values of any facet.
SERIES_KEYS = ("label", "q", *(facet.name for facet in FACETS))
_NUMBERED = re.compile(rf"^({'|'.join(map(re.escape, SERIES_KEYS))})(\d+)$")


def numbered(key: str) -> tuple[str, int] | None:
    """`speaker2` → ("speaker", 2); None for an argument of no series."""
    found = _NUMBERED.match(key)
    return (found[1], int(found[2])) if found else None


def _series_fields() -> dict[str, fields.Field[Any]]:
    made: dict[str, fields.Field[Any]] = {}
    for n in SERIES_NUMBERS:
        made[f"label{n}"] = fields.String(
            load_default="",
            validate=[validate.Length(max=100), _PRINTABLE],
            metadata={"description": f"Series {n}'s name in the legend (default: what it asks)."},
        )
        made[f"q{n}"] = fields.String(
            load_default="",
            validate=[validate.Length(max=MAX_QUERY_LENGTH), _TEXT],
            metadata={"description": f"Series {n}'s words. {QUERY_HELP}"},
        )
        for facet in FACETS:
            made[f"{facet.name}{n}"] = fields.List(
                _value,
                load_default=list,
                metadata={"description": f"Series {n}: {facet.description} Repeat: any of them."},
            )
    return made


class _Compare(_Strict):
    """Up to six series on one time axis. Series n is the arguments numbered n: `q1` (words),
    `speaker1` (a person, read as the `speaker` filter reads it), any facet (`agency1`…), or
    several: all of them hold."""

    measure = fields.String(
        load_default="articles",
        validate=validate.OneOf(MEASURES),
        metadata={
            "description": "articles: articles holding the words or quoting the speaker (each "
            "once); quotes: the quotes themselves (a speaker's own words). Shares are of every "
            "article, or every quote, of the period."
        },
    )
    interval = fields.String(
        load_default=None,
        validate=validate.OneOf(INTERVALS),
        metadata={
            "description": "day, week (Monday to Sunday), month or year; default: "
            "chosen from the span (days up to two months, months up to six years)."
        },
    )
    date_from = fields.Date(
        data_key="from", load_default=None, metadata={"description": "From this day on."}
    )
    date_to = fields.Date(
        data_key="to", load_default=None, metadata={"description": "Until this day."}
    )
    format = fields.String(
        load_default="json",
        validate=validate.OneOf(["json", "csv"]),
        metadata={"description": "csv: one row per series and period, for a spreadsheet."},
    )

    @ma.pre_load
    def _six_at_most(self, data: Any, **_: Any) -> Any:
        beyond = sorted(
            k for k in data if (found := numbered(k)) and found[1] not in SERIES_NUMBERS
        )
        if beyond:
            message = f"at most {MAX_SERIES} series, numbered 1 to {MAX_SERIES}"
            raise ma.ValidationError({key: [message] for key in beyond})
        return data

    @ma.validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            raise ma.ValidationError("must not be earlier than `from`", "to")

    @ma.post_load
    def _comparison(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        series = []
        for n in SERIES_NUMBERS:
            chosen = {f.name: tuple(data[f"{f.name}{n}"]) for f in FACETS if data[f"{f.name}{n}"]}
            q, label = data[f"q{n}"].strip(), data[f"label{n}"].strip()
            if q or chosen:
                series.append(Series(q=q, filters=chosen, label=label, number=n))
            elif label:
                raise ma.ValidationError(
                    f"series {n} asks for nothing: give q{n} or a filter", f"label{n}"
                )
        if not series:
            raise ma.ValidationError(
                "give at least one series: q1 (words), speaker1, or another filter numbered 1",
                "q1",
            )
        comparison = Comparison(
            tuple(series), data["measure"], data["interval"], data["date_from"], data["date_to"]
        )
        return {"comparison": comparison, "format": data["format"]}


CompareArgsSchema = type("CompareArgsSchema", (_Compare,), _series_fields())
