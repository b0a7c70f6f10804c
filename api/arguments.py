"""What each endpoint accepts in its query string, as marshmallow schemas (they also write the
OpenAPI parameters). Unknown arguments are refused on the API (a typo must not silently
widen a search); the page ignores them instead (api.pages)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

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
