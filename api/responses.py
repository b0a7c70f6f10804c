"""What each endpoint answers, as marshmallow schemas (they write the OpenAPI document).
Fields documented as HTML hold text escaped by Dateline with matches in <mark>, nothing else.

A document's fields, and the facets, are described as search.schema declares them (`_shown`):
each view's schema lists the fields that view shows, then what the read path adds by hand."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import fields

from search.schema import (
    ARTICLE_HIT,
    ARTICLE_PAGE,
    FACETS,
    QUOTE_HIT,
    RELATED_ARTICLE,
    Field,
    View,
    shown,
)

_HTML = "HTML: the text escaped, matches in <mark>, no other markup."


class PlaceSchema(ma.Schema):
    name = fields.String(metadata={"description": "The gazetteer's name (GeoNames)."})
    as_written = fields.String(
        allow_none=True,
        metadata={"description": 'As the article writes it, when not the name ("Rangoon").'},
    )
    label = fields.String(
        metadata={
            "description": 'The name a reader tells it apart by ("Portland, Maine"): the '
            "facets' value."
        }
    )
    names = fields.List(
        fields.String(),
        metadata={"description": "Every name it is found by: label, name, as written, former."},
    )
    region = fields.String(allow_none=True, metadata={"description": "Region or state."})
    country = fields.String(allow_none=True)
    country_code = fields.String(allow_none=True)
    country_names = fields.List(
        fields.String(), metadata={"description": 'Every name its country is found by ("us").'}
    )
    location = fields.Dict(allow_none=True, metadata={"description": "{lat, lon}"})


class SpeakerSchema(ma.Schema):
    id = fields.String(allow_none=True, metadata={"description": "The person's id."})
    name = fields.String(metadata={"description": "Canonical name across the archive."})
    as_written = fields.String(allow_none=True, metadata={"description": "As this article has it."})
    role = fields.String(allow_none=True)
    quote_count = fields.Integer()


class SaidSchema(ma.Schema):
    """Who said an article's quote, and how (search.schema `QUOTE_SAID`)."""

    speaker = fields.String(
        allow_none=True, metadata={"description": "Null: an unnamed source, or uncertain."}
    )
    speaker_id = fields.String(allow_none=True)
    speaker_kind = fields.String(
        allow_none=True,
        metadata={"description": "person, organization, document, anonymous; null: uncertain."},
    )
    on_behalf_of = fields.String(allow_none=True, metadata={"description": "Spoken for."})
    on_behalf_of_id = fields.String(allow_none=True)
    description = fields.String(allow_none=True, metadata={"description": "An unnamed source."})
    type = fields.String(metadata={"description": "direct, mixed or indirect (paraphrase)."})
    confidence = fields.Float(allow_none=True)
    cue = fields.String(allow_none=True)
    position = fields.Integer(metadata={"description": "Its anchor on the page: #q<position>."})


class HitQuoteSchema(SaidSchema):
    text = fields.String(metadata={"description": _HTML})


class ContextSchema(ma.Schema):
    before = fields.String(allow_none=True, metadata={"description": "The sentence before."})
    sentence = fields.String(metadata={"description": "The sentence(s) holding the quote."})
    after = fields.String(allow_none=True, metadata={"description": "The sentence after."})


def _field(field: Field) -> fields.Field[Any]:
    """A shown field as the API describes it, from its `Field.shape`."""
    about = {"description": field.description} if field.description else {}
    item = PlaceSchema if field.shape in ("place", "places") else SpeakerSchema
    if field.shape == "strings":
        return fields.List(fields.String(), metadata=about)
    if field.shape in ("places", "people"):
        return fields.List(fields.Nested(item), metadata=about)
    if field.shape in ("place", "person"):
        return fields.Nested(item, allow_none=field.nullable, metadata=about)
    if field.shape == "number":
        return fields.Float(allow_none=field.nullable, metadata=about)
    return fields.String(allow_none=field.nullable, metadata=about)


def _shown(name: str, view: View, **added: fields.Field[Any]) -> type[ma.Schema]:
    """The schema of what `view` shows: its fields as declared, then those `added` by hand."""
    declared = {f.path: _field(f) for f in shown(view) if f.shape is not None}
    return type(name, (ma.Schema,), {**declared, **added})


HitSchema = _shown(
    "HitSchema",
    ARTICLE_HIT,
    title_html=fields.String(metadata={"description": _HTML}),
    score=fields.Float(allow_none=True),
    snippets=fields.List(fields.String(), metadata={"description": _HTML}),
    quotes=fields.List(
        fields.Nested(HitQuoteSchema),
        metadata={"description": "The quotes matching the words and the speaker filter."},
    ),
)


class BucketSchema(ma.Schema):
    value = fields.String()
    count = fields.Integer()
    selected = fields.Boolean()
    excluded = fields.Boolean(metadata={"description": 'Excluded ("-value"); absent otherwise.'})
    id = fields.String(metadata={"description": "Speakers: the person's id."})


class DateBucketSchema(BucketSchema):
    from_ = fields.String(
        data_key="from", attribute="from", metadata={"description": "The bar's first day."}
    )
    to = fields.String(metadata={"description": "The bar's last day."})


class TotalSchema(ma.Schema):
    value = fields.Integer()
    relation = fields.String(metadata={"description": '"eq", or "gte" for a lower bound.'})


FacetsSchema = type(
    "FacetsSchema",
    (ma.Schema,),
    {
        **{facet.name: fields.List(fields.Nested(BucketSchema)) for facet in FACETS},
        "date": fields.List(fields.Nested(DateBucketSchema)),
    },
)


class NamedPersonSchema(ma.Schema):
    id = fields.String()
    name = fields.String()


class SpeakerNamedSchema(ma.Schema):
    """How a `speaker` value was read."""

    value = fields.String()
    people = fields.List(fields.Nested(NamedPersonSchema), metadata={"description": "Filtered."})
    candidates = fields.List(
        fields.Nested(NamedPersonSchema),
        metadata={"description": "People the value may name (each filtered when no one is)."},
    )
    did_you_mean = fields.List(fields.String(), metadata={"description": "Values to try."})
    rule = fields.String(metadata={"description": "How the value was read."})


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
    speakers_named = fields.List(
        fields.Nested(SpeakerNamedSchema),
        metadata={"description": "How each `speaker` value was read: people, candidates."},
    )
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


QuoteHitSchema = _shown(
    "QuoteHitSchema",
    QUOTE_HIT,
    text=fields.String(metadata={"description": _HTML}),
    context=fields.Nested(ContextSchema, allow_none=True),
    article=fields.Nested(QuoteArticleSchema),
    score=fields.Float(allow_none=True),
)


class CitedArticleSchema(ma.Schema):
    id = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True, metadata={"description": "The outlet, by name."})
    publisher = fields.String(allow_none=True, metadata={"description": "As the input gave it."})
    agency = fields.String(allow_none=True)
    author = fields.String(allow_none=True)


class CitationSchema(ma.Schema):
    text = fields.String(metadata={"description": "A paragraph to paste."})
    csl = fields.Dict(metadata={"description": "CSL-JSON item (Zotero, pandoc)."})
    ris = fields.String(metadata={"description": "RIS record (EndNote, Mendeley)."})


QuoteCardSchema = _shown(
    "QuoteCardSchema",
    QUOTE_HIT,
    text=fields.String(metadata={"description": "The quote's words, plain text."}),
    context=fields.Nested(ContextSchema, allow_none=True),
    article=fields.Nested(CitedArticleSchema),
    permalink=fields.String(metadata={"description": "The quote's own page."}),
    citation=fields.Nested(CitationSchema),
)


class QuoteResultSchema(_Listing):
    hits = fields.List(fields.Nested(QuoteHitSchema))


class FacetValuesSchema(ma.Schema):
    facet = fields.String()
    values = fields.List(fields.Nested(BucketSchema))


class ArticleQuoteSchema(SaidSchema):
    role = fields.String(allow_none=True)
    text = fields.String()
    text_html = fields.String(metadata={"description": _HTML})
    start = fields.Integer()
    end = fields.Integer()


ArticleSchema = _shown(
    "ArticleSchema",
    ARTICLE_PAGE,
    body_html=fields.String(
        metadata={
            "description": "HTML: the text escaped, matches in <mark>, and each quote in "
            '<span class="said" data-q="n">, its first piece with id="qn" (the anchor #qn).'
        }
    ),
    title_html=fields.String(metadata={"description": _HTML}),
    quotes=fields.List(fields.Nested(ArticleQuoteSchema)),
)
RelatedArticleSchema = _shown("RelatedArticleSchema", RELATED_ARTICLE)
RelatedStorySchema = _shown(
    "RelatedStorySchema",
    RELATED_ARTICLE,
    copies=fields.List(
        fields.Nested(RelatedArticleSchema),
        metadata={"description": "Other copies of this story (wire copy run elsewhere)."},
    ),
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
    total = fields.Integer(metadata={"description": "People matching, on every page."})
    sort = fields.String()
    next_cursor = fields.String(
        allow_none=True, metadata={"description": "The next page's `cursor`; null on the last."}
    )


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


class CompareBucketSchema(ma.Schema):
    from_ = fields.String(
        data_key="from", attribute="from", metadata={"description": "The period's first day."}
    )
    to = fields.String(metadata={"description": "Its last day (both within `from` and `to`)."})
    total = fields.Integer(
        metadata={"description": "Every article (or quote, by `measure`) of the archive then."}
    )
    search = fields.String(metadata={"description": "The search page listing them."})


class SeriesBucketSchema(ma.Schema):
    from_ = fields.String(data_key="from", attribute="from")
    to = fields.String()
    count = fields.Integer(metadata={"description": "The series' articles (or quotes) then."})
    share = fields.Float(
        allow_none=True, metadata={"description": "count / the period's total; null: none then."}
    )
    search = fields.String(metadata={"description": "The search page listing what is counted."})


class SeriesSchema(ma.Schema):
    number = fields.Integer(metadata={"description": "Its number in the request (`q2`: 2)."})
    label = fields.String(metadata={"description": "Its name in the legend."})
    q = fields.String()
    filters = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Facet name → the values given."},
    )
    speakers_named = fields.List(
        fields.Nested(SpeakerNamedSchema),
        metadata={"description": "How each speaker value was read: people, candidates."},
    )
    total = fields.Integer(metadata={"description": "Its count over the whole axis."})
    share = fields.Float(allow_none=True, metadata={"description": "total / the axis' total."})
    undated = fields.Integer(
        metadata={"description": "Matches with no date: on no period (none within dates)."}
    )
    search = fields.String(metadata={"description": "The search page listing it all."})
    csv = fields.String(metadata={"description": "This series alone, on the same axis, as CSV."})
    buckets = fields.List(fields.Nested(SeriesBucketSchema))


class CompareResultSchema(ma.Schema):
    measure = fields.String(metadata={"description": "articles or quotes."})
    interval = fields.String(metadata={"description": "day, week, month or year."})
    from_ = fields.String(
        data_key="from",
        attribute="from",
        allow_none=True,
        metadata={
            "description": "The axis' first day: `from`, else the first day of the "
            "period of the series' first match; null: nothing to count."
        },
    )
    to = fields.String(allow_none=True, metadata={"description": "The axis' last day."})
    total = fields.Integer(metadata={"description": "Every article (or quote) on the axis."})
    buckets = fields.List(fields.Nested(CompareBucketSchema))
    series = fields.List(fields.Nested(SeriesSchema))
    took_ms = fields.Integer()
