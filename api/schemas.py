"""What the API accepts and returns, as marshmallow schemas (they also write the OpenAPI spec)."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from search.query.facets import FACETS
from search.query.params import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, SearchParams

# Control characters are never part of a name, and Elasticsearch reserves some in terms.
_PRINTABLE = validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="must not contain control characters")
_TEXT = validate.Regexp(
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$", error="must not contain control characters"
)
_value = fields.String(validate=[validate.Length(min=1, max=200), _PRINTABLE])


class _SearchArgs(ma.Schema):
    """Query-string arguments of a search; unknown arguments are refused, not ignored.
    Each facet of `FACETS` adds a repeatable argument (`SearchArgsSchema`)."""

    class Meta:
        unknown = ma.RAISE

    q = fields.String(
        load_default="",
        validate=[validate.Length(max=MAX_QUERY_LENGTH), _TEXT],
        metadata={"description": 'Words, "exact phrases", -excluded, prefix*, a | b.'},
    )
    date_from = fields.Date(data_key="from", load_default=None, metadata={"description": "From."})
    date_to = fields.Date(data_key="to", load_default=None, metadata={"description": "Until."})
    sort = fields.String(
        load_default="relevance", validate=validate.OneOf(["relevance", "newest", "oldest"])
    )
    # Deep pages are refused (narrow the search instead): Elasticsearch's result window.
    page = fields.Integer(
        load_default=1, validate=validate.Range(min=1, max=MAX_RESULT_WINDOW // MAX_PAGE_SIZE)
    )
    size = fields.Integer(load_default=10, validate=validate.Range(min=1, max=MAX_PAGE_SIZE))

    @ma.post_load
    def _params(self, data: dict[str, Any], **_: Any) -> SearchParams:
        return SearchParams(
            q=data["q"],
            filters={f.name: tuple(data[f.name]) for f in FACETS if data[f.name]},
            date_from=data["date_from"],
            date_to=data["date_to"],
            sort=data["sort"],
            page=data["page"],
            size=data["size"],
        )


SearchArgsSchema = type(
    "SearchArgsSchema",
    (_SearchArgs,),
    {
        f.name: fields.List(_value, load_default=list, metadata={"description": f.description})
        for f in FACETS
    },
)


class PlaceSchema(ma.Schema):
    name = fields.String()
    country = fields.String(allow_none=True)
    country_code = fields.String(allow_none=True)
    location = fields.Dict(allow_none=True, metadata={"description": "{lat, lon}"})


class SpeakerSchema(ma.Schema):
    name = fields.String()
    role = fields.String(allow_none=True)
    quote_count = fields.Integer()


class QuoteHitSchema(ma.Schema):
    speaker = fields.String(allow_none=True)
    cue = fields.String(allow_none=True)
    text = fields.String(metadata={"description": "HTML: matches in <mark>, the rest escaped."})


class _ArticleFields(ma.Schema):
    """What a hit and a whole article both show."""

    id = fields.String()
    title = fields.String(allow_none=True)
    lead = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    date_precision = fields.String(allow_none=True)
    agency = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    author = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    dateline = fields.Nested(PlaceSchema, allow_none=True)
    speakers = fields.List(fields.Nested(SpeakerSchema))


class HitSchema(_ArticleFields):
    title_html = fields.String(metadata={"description": "Title as HTML with matches marked."})
    score = fields.Float(allow_none=True)
    snippets = fields.List(
        fields.String(), metadata={"description": "HTML fragments: matches in <mark>, escaped."}
    )
    quotes = fields.List(fields.Nested(QuoteHitSchema))


class BucketSchema(ma.Schema):
    value = fields.String()
    count = fields.Integer()
    selected = fields.Boolean()


class SearchResultSchema(ma.Schema):
    total = fields.Integer()
    page = fields.Integer()
    size = fields.Integer()
    hits = fields.List(fields.Nested(HitSchema))
    facets = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(BucketSchema)))


class QuoteSchema(ma.Schema):
    speaker = fields.String()
    text = fields.String()
    cue = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class ArticleSchema(_ArticleFields):
    body = fields.String()
    places = fields.List(fields.Nested(PlaceSchema))
    people = fields.List(fields.String())
    quotes = fields.List(fields.Nested(QuoteSchema))
    photo_credit = fields.String(allow_none=True)


class SuggestArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE

    prefix = fields.String(required=True, validate=[validate.Length(min=1, max=100), _PRINTABLE])
    size = fields.Integer(load_default=8, validate=validate.Range(min=1, max=20))


class SuggestSchema(ma.Schema):
    suggestions = fields.List(fields.String())


class HealthSchema(ma.Schema):
    status = fields.String()
    articles = fields.Integer()
