"""What each endpoint answers, as marshmallow schemas (they write the OpenAPI document).
Fields documented as HTML hold text escaped by Dateline with matches in <mark>, nothing else."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields

_HTML = "HTML: the text escaped, matches in <mark>, no other markup."


class PlaceSchema(ma.Schema):
    name = fields.String()
    region = fields.String(allow_none=True, metadata={"description": "Region or state."})
    country = fields.String(allow_none=True)
    country_code = fields.String(allow_none=True)
    location = fields.Dict(allow_none=True, metadata={"description": "{lat, lon}"})


class SpeakerSchema(ma.Schema):
    id = fields.String(allow_none=True, metadata={"description": "The person's id."})
    name = fields.String(metadata={"description": "Canonical name across the archive."})
    as_written = fields.String(allow_none=True, metadata={"description": "As this article has it."})
    role = fields.String(allow_none=True)
    quote_count = fields.Integer()


class HitQuoteSchema(ma.Schema):
    speaker = fields.String(allow_none=True)
    speaker_id = fields.String(allow_none=True)
    cue = fields.String(allow_none=True)
    text = fields.String(metadata={"description": _HTML})


class _ArticleFields(ma.Schema):
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
    title_html = fields.String(metadata={"description": _HTML})
    score = fields.Float(allow_none=True)
    snippets = fields.List(fields.String(), metadata={"description": _HTML})
    quotes = fields.List(
        fields.Nested(HitQuoteSchema),
        metadata={"description": "The quotes matching the words and the speaker filter."},
    )


class BucketSchema(ma.Schema):
    value = fields.String()
    count = fields.Integer()
    selected = fields.Boolean()
    id = fields.String(metadata={"description": "Speakers: the person's id."})


class DateBucketSchema(BucketSchema):
    from_ = fields.String(
        data_key="from", attribute="from", metadata={"description": "The bar's first day."}
    )
    to = fields.String(metadata={"description": "The bar's last day."})


class TotalSchema(ma.Schema):
    value = fields.Integer()
    relation = fields.String(metadata={"description": '"eq", or "gte" for a lower bound.'})


class FacetsSchema(ma.Schema):
    speaker = fields.List(fields.Nested(BucketSchema))
    location = fields.List(fields.Nested(BucketSchema))
    place = fields.List(fields.Nested(BucketSchema))
    agency = fields.List(fields.Nested(BucketSchema))
    date = fields.List(fields.Nested(DateBucketSchema))


class _Listing(ma.Schema):
    total = fields.Nested(TotalSchema)
    page = fields.Integer(allow_none=True, metadata={"description": "None on a cursor page."})
    size = fields.Integer()
    facets = fields.Nested(FacetsSchema)
    date_interval = fields.String(metadata={"description": "day, month or year."})
    next_cursor = fields.String(allow_none=True, metadata={"description": "The next page."})
    took_ms = fields.Integer()
    suggestion = fields.String(allow_none=True, metadata={"description": "Did you mean…"})
    explain = fields.Dict(metadata={"description": "How the query was understood."})
    partial_ = fields.Boolean(
        data_key="partial",
        attribute="partial",  # `partial` is a Schema attribute of marshmallow's own
        metadata={"description": "The search ran out of time: hits and counts are incomplete."},
    )


class SearchResultSchema(_Listing):
    hits = fields.List(fields.Nested(HitSchema))


class QuoteArticleSchema(ma.Schema):
    id = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)


class QuoteHitSchema(ma.Schema):
    id = fields.String()
    text = fields.String(metadata={"description": _HTML})
    cue = fields.String(allow_none=True)
    speaker = fields.Nested(SpeakerSchema)
    article = fields.Nested(QuoteArticleSchema)
    published = fields.String(allow_none=True)
    date_precision = fields.String(allow_none=True)
    dateline = fields.Nested(PlaceSchema, allow_none=True)
    agency = fields.String(allow_none=True)
    score = fields.Float(allow_none=True)


class QuoteResultSchema(_Listing):
    hits = fields.List(fields.Nested(QuoteHitSchema))


class FacetValuesSchema(ma.Schema):
    facet = fields.String()
    values = fields.List(fields.Nested(BucketSchema))


class ArticleQuoteSchema(ma.Schema):
    speaker = fields.String()
    speaker_id = fields.String(allow_none=True)
    role = fields.String(allow_none=True)
    text = fields.String()
    text_html = fields.String(metadata={"description": _HTML})
    cue = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class ArticleSchema(_ArticleFields):
    body = fields.String()
    body_html = fields.String(metadata={"description": _HTML})
    title_html = fields.String(metadata={"description": _HTML})
    places = fields.List(fields.Nested(PlaceSchema))
    people = fields.List(fields.String())
    quotes = fields.List(fields.Nested(ArticleQuoteSchema))
    photo_credit = fields.String(allow_none=True)
    corrected = fields.String(
        allow_none=True, metadata={"description": "when the newest text replaced an earlier one"}
    )
    versions = fields.Integer(metadata={"description": "how many texts the article has had"})


class RelatedArticleSchema(ma.Schema):
    id = fields.String()
    title = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    agency = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    dateline = fields.Nested(PlaceSchema, allow_none=True)


class RelatedStorySchema(RelatedArticleSchema):
    copies = fields.List(
        fields.Nested(RelatedArticleSchema),
        metadata={"description": "Other copies of this story (wire copy run elsewhere)."},
    )


class RelatedSchema(ma.Schema):
    copies = fields.List(
        fields.Nested(RelatedArticleSchema),
        metadata={"description": "Copies of the article's own story."},
    )
    related = fields.List(fields.Nested(RelatedStorySchema))


class PersonSchema(ma.Schema):
    id = fields.String()
    name = fields.String()
    roles = fields.List(fields.String())
    articles = fields.Integer()
    quotes = fields.Integer()
    first = fields.String(allow_none=True)
    last = fields.String(allow_none=True)


class SpeakerDirectorySchema(ma.Schema):
    speakers = fields.List(fields.Nested(PersonSchema))


class CountSchema(ma.Schema):
    value = fields.String()
    count = fields.Integer()


class CoSpeakerSchema(ma.Schema):
    id = fields.String()
    name = fields.String()
    articles = fields.Integer()


class SpeakerProfileSchema(PersonSchema):
    variants = fields.List(fields.String(), metadata={"description": "Spellings written."})
    places = fields.List(fields.Nested(CountSchema), metadata={"description": "Datelines."})
    co_speakers = fields.List(fields.Nested(CoSpeakerSchema))
    interval = fields.String()
    over_time = fields.List(fields.Nested(CountSchema), metadata={"description": "Quotes."})


class SuggestSchema(ma.Schema):
    suggestions = fields.List(fields.String())


class HealthSchema(ma.Schema):
    status = fields.String()
    articles = fields.Integer()
