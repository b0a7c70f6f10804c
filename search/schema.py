"""The index contract: every field of the two kinds of document, declared once.

An index holds two kinds of document (`Kind`): an article, and each of its quotes as a document
of its own (quote search pages through quotes, not articles), so one alias switch moves both.
Each `Field` below is declared once with its path, its mapping and its roles: in which views it
is shown (`View`), how the API describes it (`Shape`), how the query language searches it
(`Searched`: its field scope, its boost among the unscoped fields), which facet it carries
(`Faceted`) and where its matches are marked (`Marked`). `ARTICLE_DOCUMENT` and
`QUOTE_DOCUMENT` say where each value comes from when a document is built, in the order a
document stores them; `COLUMNS` are the CSV export's columns, in the order a reader has them.

Everything else derives from these at import: the mapping's properties (search.index.mapping),
the documents (search.index.documents), the query language's fields, request bodies and result
shaping (search.query), the API's response schemas and the pages' facet labels (api). So adding
a facet is one `Field` declaration plus where its value comes from.

This module sits on the ground floor: the write path and the read path both import it, and it
imports nothing of theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, Literal

from search.folding import fold, fold_optional
from search.geography import country_name, country_names, place_label, place_names
from search.model import Article, Place, Quote
from search.outlets import outlet_name, outlet_names

Kind = Literal["article", "quote", "person"]
ARTICLE: Kind = "article"
QUOTE: Kind = "quote"
PERSON: Kind = "person"  # an entry of the people registry (see REGISTRY below)

# --- Mappings: the analysis a field's text gets (defined in search.index.mapping's settings)

TEXT_ANALYZER = "dl_text"  # lower-cased and stemmed
EXACT_ANALYZER = "dl_exact"  # lower-cased only
FOLDED_NORMALIZER = "dl_folded"  # a keyword lower-cased

# Phrases and prefixes are searched on the unstemmed twin, with prefixes built at index time:
# a query of many two-letter prefixes (`a*|ab*|…`) then costs a few term lookups instead of
# term expansions (search.query.language). Not `index_phrases`: a phrase answered from
# shingles is no longer marked by the highlighter; the language caps phrases instead.
# https://www.elastic.co/docs/reference/elasticsearch/mapping-reference/index-prefixes
_EXACT = {
    "type": "text",
    "analyzer": EXACT_ANALYZER,
    "index_prefixes": {"min_chars": 2, "max_chars": 5},
}


def _text(**extra: Any) -> dict[str, Any]:
    """Stemmed text, with an unstemmed `.exact` twin for phrases and prefixes."""
    return {
        "type": "text",
        "analyzer": TEXT_ANALYZER,
        **extra,
        "fields": {"exact": {**_EXACT, **extra}},
    }


# Each searched text is indexed again folded (search.folding: apostrophes, dashes, accents), in a
# twin named by `folded_twin`, with offsets so that the original is marked where the twin
# matches. Searches go to the twins; pages show and mark the originals.
FOLDED_PREFIX = "folded_"


# Left out of what a search brings back: the folded twins are only searched.
FOLDED_SOURCE = [f"{FOLDED_PREFIX}*", f"*.{FOLDED_PREFIX}*"]


def folded_twin(path: str) -> str:
    """The folded twin of a text field: ``body`` → ``folded_body``, ``quotes.text`` →
    ``quotes.folded_text``."""
    parent, _, leaf = path.rpartition(".")
    return f"{parent}.{FOLDED_PREFIX}{leaf}" if parent else FOLDED_PREFIX + leaf


def _folded() -> dict[str, Any]:
    """A folded twin: stemmed and exact like `_text`, with offsets for the highlighter."""
    return _text(index_options="offsets")


def _shown() -> dict[str, Any]:
    """Text shown and marked, searched through its folded twin (`_folded`): stemmed for
    related articles (more-like-this), no exact twin of its own. With offsets, as its twin:
    the highlighter takes the twins' offsets only from a field that has its own (without,
    it analyzes the original text again, where "élection" is not "election")."""
    return {"type": "text", "analyzer": TEXT_ANALYZER, "index_options": "offsets"}


def _facet() -> dict[str, Any]:
    """Display value for buckets, a case-folded twin for filters typed by hand, and the words
    of the value for scoped searches (`location:york`)."""
    return {
        "type": "keyword",
        "fields": {
            "folded": {"type": "keyword", "normalizer": FOLDED_NORMALIZER},
            "text": {"type": "text", "analyzer": EXACT_ANALYZER},
        },
    }


def _id() -> dict[str, Any]:
    return {"type": "keyword"}


def _kept() -> dict[str, Any]:
    """Stored and returned, never searched."""
    return {"type": "keyword", "index": False}


_DAY = {"type": "date", "format": "strict_date"}
# A place: its gazetteer name, the name as the article writes it, the label a reader tells it
# apart by ("Portland, Maine"), and every name it answers to (label, name, as written, former
# names: search.geography), its country and every name the country answers to ("us", "USA").
_PLACE = {
    "properties": {
        "name": _facet(),
        "as_written": _kept(),
        "label": _facet(),
        "names": _facet(),
        "region": _facet(),
        "country": _facet(),
        "country_code": _id(),
        "country_names": _facet(),
        "location": {"type": "geo_point"},
    }
}
# A person as the archive knows them: `id` and `name` are archive-wide (search.speakers), set
# at reindex and kept consistent by `dateline index`; `key` is the name as written, compared.
_PERSON = {
    "id": _id(),
    "key": _id(),
    "name": _facet(),
    "as_written": _facet(),
    "surname": {"type": "keyword", "normalizer": FOLDED_NORMALIZER},
    "role": {"type": "text", "analyzer": TEXT_ANALYZER, "fields": {"keyword": _id()}},
}

# How a quote was said and whose it is (search.model.Quote): stored with the article's quotes
# and on each quote's own document.
_ATTRIBUTION = {
    "type": _facet(),
    "speaker_kind": _id(),
    "description": _kept(),
    "confidence": {"type": "half_float", "index": False},
}

# An entry of the people registry: a person (or an ambiguous name, or a name that is no
# person's) with the spellings articles write, and its counts as the documents give them, so
# the directory, a profile, the facets and quote search say one number (search.index.identity).
_REGISTRY = {
    "kind": _id(),  # person, ambiguous, organization, document, phrase
    "name": _facet(),  # canonical name, shown wherever the person's id is
    "variants": _facet(),  # every spelling articles write
    "keys": _id(),  # the spellings' keys (search.speakers.names)
    "roles": _id(),
    "candidates": _id(),  # an ambiguous name: the people it may be, likeliest first
    "first": _DAY,
    "last": _DAY,
    "articles": {"type": "integer"},  # articles whose speakers name the person
    "quotes": {"type": "integer"},  # quote documents attributed to the person
    "spellings": {"type": "object", "enabled": False},  # each spelling, its articles and why
}

# --- Roles

# Where a document's fields are shown or handed out: a hit of an article search, the article's
# own page, a hit of a quote search, a related article, and the JSON Lines exports.
View = Literal[
    "article_hit", "article_page", "quote_hit", "related", "article_export", "quote_export"
]
ARTICLE_HIT: View = "article_hit"
ARTICLE_PAGE: View = "article_page"
QUOTE_HIT: View = "quote_hit"
RELATED_ARTICLE: View = "related"
ARTICLE_EXPORT: View = "article_export"
QUOTE_EXPORT: View = "quote_export"
# How the API describes a shown value: text, a list of texts, a number, a place, places, a
# person (search.query.shape.speaker), people. None: shaped by hand where it is shown.
Shape = Literal["string", "strings", "number", "place", "places", "person", "people"]


@dataclass(frozen=True)
class Searched:
    """How the query language searches a field (or its sub-field `at`): by the field scope
    `scope` (``location:oslo``), and by unscoped words at `boost` when one is given, in the
    `kinds` given (every kind that holds the field when None). `shown`: a hit brings back the
    items (nested) that hold the words. `paired`: how `scope` is searched inside these nested
    items when a query pairs it with the scope of the items themselves (``speaker:obama
    quote:trump`` is one quote of Obama's holding "trump"); never on its own. `folded`: the
    field holds folded text (search.folding), so what is searched there is folded too; the
    `folded_*` twins always are."""

    at: str = ""
    scope: str | None = None
    boost: float | None = None
    kinds: tuple[Kind, ...] | None = None
    shown: bool = False
    paired: bool = False
    folded: bool = False


@dataclass(frozen=True)
class Facet:
    """A facet as readers meet it: the API's parameter and the key of its counts (`name`), the
    page's heading (`label`), one value's label on a chip (`singular`), the parameter's
    description and an example bucket for the API's documentation. Speakers are people:
    selected and counted by person id (`by_id`: any spelling of the name selects them, see
    search.query.speakers), shown by canonical name. `canonical` turns a value typed by hand
    into the one the index holds ("us" into "United States"). Any facet's value may be
    excluded ("-us"); an `excludable` facet offers it on the pages."""

    name: str
    label: str
    singular: str
    description: str
    example: Mapping[str, Any]
    by_id: bool = False
    canonical: Callable[[str], str | None] | None = None
    excludable: bool = False

    def fields(self, kind: Kind) -> FacetFields:
        """Where `kind`'s documents hold this facet."""
        return _FACET_FIELDS[self.name, kind]


@dataclass(frozen=True)
class Faceted:
    """A field carries `facet`: its sub-field `shown` is counted and shown, `filtered` is what a
    selection filters (a case-folded twin, or the person id); a search inside the facet counts
    `found` instead when given (a place's every name: "rang" finds "Rangoon")."""

    facet: Facet
    shown: str
    filtered: str
    found: str | None = None


@dataclass(frozen=True)
class FacetFields:
    """Where one kind of document holds a facet: full paths."""

    shown: str
    filtered: str
    found: str | None = None  # counted by a search inside the facet, if not `shown`


WHOLE = {"number_of_fragments": 0}  # the whole field, marked
SNIPPETS = {"fragment_size": 180, "number_of_fragments": 3, "no_match_size": 0}


@dataclass(frozen=True)
class Marked:
    """The reader's words are marked in this field (its sub-field `at`) in `view`, with these
    highlighter options."""

    view: View
    options: Mapping[str, Any]
    at: str = ""


@dataclass(frozen=True, eq=False)
class Field:
    """One field of the index, declared once: its `path` and `mapping`; the views that show it
    (`shown`) and how the API describes it there (`shape`, `nullable`, `description`; no shape:
    shaped by hand where shown); how the query language searches it (`searched`); the facet it
    carries (`facet`); where the reader's words are marked in it (`marked`). Which documents
    hold it and where its value comes from: `ARTICLE_DOCUMENT`, `QUOTE_DOCUMENT`; its CSV
    columns: `COLUMNS`. Fields compare by identity, so the views below are cached by field."""

    path: str
    mapping: Mapping[str, Any]
    shown: tuple[View, ...] = ()
    shape: Shape | None = "string"
    nullable: bool = True
    description: str = ""
    searched: tuple[Searched, ...] = ()
    facet: Faceted | tuple[Faceted, ...] | None = None
    marked: tuple[Marked, ...] = ()

    @property
    def facets(self) -> tuple[Faceted, ...]:
        """The facets the field carries (a place: its own, and its country's)."""
        if self.facet is None:
            return ()
        return self.facet if isinstance(self.facet, tuple) else (self.facet,)

    @property
    def nested(self) -> bool:
        return self.mapping.get("type") == "nested"

    def sub(self, at: str) -> str:
        """The path of a sub-field or property (``name.folded``); a misspelt one raises, so
        read-path constants fail at import, not at request time."""
        mapping_at(self.mapping, at, self.path)
        return f"{self.path}.{at}" if at else self.path


def mapping_at(mapping: Mapping[str, Any], at: str, where: str = "") -> Mapping[str, Any]:
    """The mapping of a dotted path below `mapping`: object properties and multi-fields."""
    for part in at.split(".") if at else ():
        inner = {**mapping.get("properties", {}), **mapping.get("fields", {})}
        if part not in inner:
            raise KeyError(f"{where}.{at}: no {part!r} in the mapping")
        mapping = inner[part]
    return mapping


# --- The facets readers meet, each carried by one field per kind of document

SPEAKER_FACET = Facet(
    "speaker",
    "Speakers",
    "Speaker",
    "Speaker: a name in any spelling, a surname (every person of that name), or an id.",
    {"value": "Tomas Okafor", "id": "tomas-okafor", "count": 5, "selected": True},
    by_id=True,
)
LOCATION_FACET = Facet(
    "location",
    "Datelines",
    "Dateline",
    "Dateline place (where the article was filed), shown with its state, region or country "
    '("Portland, Maine"); selected by that label, by the name alone (every Portland), as the '
    'article writes it or by a former name ("Rangoon").',
    {"value": "Portland, Maine", "count": 2, "selected": False},
)
COUNTRY_FACET = Facet(
    "country",
    "Dateline countries",
    "Dateline country",
    'Country of the dateline: a name, an ISO code or an everyday name ("us", "Burma"); '
    '"-us": datelined, but outside the United States.',
    {"value": "Norway", "count": 2, "selected": False},
    canonical=country_name,
    excludable=True,
)
PLACE_FACET = Facet(
    "place",
    "Places",
    "Place",
    "Place mentioned in the article, shown and selected as datelines are.",
    {"value": "Lisbon", "count": 2, "selected": False},
)
PLACE_COUNTRY_FACET = Facet(
    "place_country",
    "Countries mentioned",
    "Country mentioned",
    "Country of a place the article mentions (the country itself, or a town in it), given as "
    "for `country`.",
    {"value": "Portugal", "count": 2, "selected": False},
    canonical=country_name,
)
OUTLET_FACET = Facet(
    "outlet",
    "Outlets",
    "Outlet",
    'The outlet that published the article, by name or slug ("The New York Times", "nyt").',
    {"value": "The Daily Ledger", "count": 3, "selected": False},
    canonical=outlet_name,
)
AGENCY_FACET = Facet(
    "agency", "Agencies", "Agency", "News agency.", {"value": "NWS", "count": 3, "selected": False}
)
TYPE_FACET = Facet(
    "type",
    "Quote types",
    "Quote type",
    "Quote type: direct (verbatim, wholly in quotation marks), mixed (partly quoted) or "
    "indirect (paraphrase, reported speech).",
    {"value": "direct", "count": 7, "selected": False},
)
ON_BEHALF_OF_FACET = Facet(
    "on_behalf_of",
    "Speaking for",
    "Speaking for",
    "The person a spokesperson, adviser, aide or lawyer spoke for, in any spelling, or an id.",
    {"value": "Tomas Okafor", "id": "tomas-okafor", "count": 2, "selected": False},
    by_id=True,
)

_PERSON_SEARCHED = (  # a person's names, by unscoped words (low) and by `speaker:`
    Searched("name.text", scope="speaker", boost=0.5),
    Searched("as_written.text", scope="speaker", boost=0.5),
    Searched("surname", scope="speaker", folded=True),  # written folded (speakers.names)
)
_ARTICLE_SHOWN: tuple[View, ...] = (ARTICLE_HIT, ARTICLE_PAGE, ARTICLE_EXPORT)
_QUOTE_SHOWN: tuple[View, ...] = (QUOTE_HIT, QUOTE_EXPORT)
_EVERYWHERE: tuple[View, ...] = (*_ARTICLE_SHOWN, *_QUOTE_SHOWN, RELATED_ARTICLE)

# --- Every field. The order here is the order of the facets, the field scopes and the fields
# an unscoped word searches; documents and CSV columns keep their own order (below).

FIELDS: tuple[Field, ...] = (
    KIND := Field("kind", _id()),
    ID := Field("id", _id(), shown=_EVERYWHERE, nullable=False),
    SOURCE := Field("source", _kept()),
    URL := Field("url", _kept(), shown=_ARTICLE_SHOWN),
    TITLE := Field(
        "title",
        _shown(),
        shown=(*_ARTICLE_SHOWN, RELATED_ARTICLE),
        marked=(Marked(ARTICLE_HIT, WHOLE), Marked(ARTICLE_PAGE, WHOLE)),
    ),
    FOLDED_TITLE := Field(
        "folded_title", _folded(), searched=(Searched(scope="title", boost=2.0),)
    ),
    LEAD := Field(
        "lead",
        _shown(),
        shown=_ARTICLE_SHOWN,
        marked=(Marked(ARTICLE_HIT, WHOLE),),
    ),
    FOLDED_LEAD := Field("folded_lead", _folded(), searched=(Searched(boost=1.5),)),
    BODY := Field(
        "body",
        _shown(),
        shown=(ARTICLE_PAGE, ARTICLE_EXPORT),
        nullable=False,
        marked=(Marked(ARTICLE_HIT, SNIPPETS), Marked(ARTICLE_PAGE, WHOLE)),
    ),
    FOLDED_BODY := Field("folded_body", _folded(), searched=(Searched(boost=1.0),)),
    SPEAKERS := Field(
        "speakers",
        {"type": "nested", "properties": {**_PERSON, "quote_count": {"type": "integer"}}},
        shown=_ARTICLE_SHOWN,
        shape="people",
        searched=_PERSON_SEARCHED,
    ),
    # The speakers' person ids once more, flat: articles are counted and filtered by speaker
    # here, since a nested count of the speakers costs several times as much on a large archive
    # (docs/performance.md, "A million articles"). Names come from the registry.
    SPEAKER_IDS := Field("speaker_ids", _id(), facet=Faceted(SPEAKER_FACET, "", "")),
    # The outlet by the name readers know (search.outlets); `publisher` keeps what the input
    # gave. `outlet:` (and `publisher:`, its alias) searches every name the outlet answers to.
    OUTLET := Field(
        "outlet",
        _facet(),
        shown=_EVERYWHERE,
        description="The outlet that published the article, by its name.",
        facet=Faceted(OUTLET_FACET, "", "folded"),
    ),
    OUTLET_NAMES := Field(
        "outlet_names",
        {"type": "text", "analyzer": EXACT_ANALYZER},
        searched=(Searched(scope="outlet"), Searched(scope="publisher")),
    ),
    DATELINE := Field(
        "dateline",
        _PLACE,
        shown=_EVERYWHERE,
        shape="place",
        searched=(
            Searched("names.text", scope="location", folded=True),
            Searched("names.text", boost=0.5, kinds=(ARTICLE,), folded=True),
            Searched("country_names.text", scope="country", folded=True),
        ),
        facet=(
            Faceted(LOCATION_FACET, "label", "names.folded", found="names"),
            Faceted(COUNTRY_FACET, "country", "country.folded"),
        ),
    ),
    PLACES := Field(
        "places",
        _PLACE,
        shown=(ARTICLE_PAGE, ARTICLE_EXPORT, QUOTE_EXPORT),
        shape="places",
        searched=(
            Searched("names.text", scope="place", folded=True),
            Searched("country_names.text", scope="place_country", folded=True),
        ),
        facet=(
            Faceted(PLACE_FACET, "label", "names.folded", found="names"),
            Faceted(PLACE_COUNTRY_FACET, "country", "country.folded"),
        ),
    ),
    AGENCY := Field(
        "agency",
        _facet(),
        shown=_EVERYWHERE,
        searched=(Searched("text", scope="agency"),),
        facet=Faceted(AGENCY_FACET, "", "folded"),
    ),
    PUBLISHER := Field("publisher", _facet(), shown=(*_ARTICLE_SHOWN, RELATED_ARTICLE)),
    AUTHOR := Field("author", _facet(), shown=_ARTICLE_SHOWN),
    PUBLISHED := Field("published", _DAY, shown=_EVERYWHERE),
    DATE_PRECISION := Field(
        "date_precision", _id(), shown=(*_ARTICLE_SHOWN, QUOTE_HIT, QUOTE_EXPORT)
    ),
    PEOPLE := Field("people", _facet(), shown=(ARTICLE_PAGE, ARTICLE_EXPORT), shape="strings"),
    PEOPLE_KEYS := Field("people_keys", _id()),
    QUOTES := Field(
        "quotes",
        {
            "type": "nested",
            "properties": {
                "speaker_id": _id(),
                "speaker_key": _id(),
                "speaker": _facet(),
                "folded_speaker": {"type": "text", "analyzer": EXACT_ANALYZER},
                "text": _shown(),
                "folded_text": _folded(),
                "cue": _id(),
                "start": {"type": "integer", "index": False},
                "end": {"type": "integer", "index": False},
                **_ATTRIBUTION,
                "on_behalf_of": _id(),
                "on_behalf_of_id": _id(),
            },
        },
        shown=(ARTICLE_PAGE, ARTICLE_EXPORT),
        shape=None,  # a hit's matching quotes and the page's quotes: search.query.{shape,articles}
        searched=(
            Searched("folded_text", scope="quote", shown=True),
            # With `quote:` beside it, `speaker:` is the same quote's speaker (`paired`), by
            # the name folded as `speaker:` is elsewhere ("mourao" is Beatriz Mourão).
            Searched("folded_speaker", scope="speaker", paired=True, folded=True),
        ),
        marked=(Marked(ARTICLE_HIT, WHOLE, "text"), Marked(ARTICLE_PAGE, WHOLE, "text")),
    ),
    PHOTO_CREDIT := Field("photo_credit", _kept(), shown=(ARTICLE_PAGE,)),
    SUGGEST := Field("suggest", {"type": "completion", "analyzer": EXACT_ANALYZER}),
    INDEXED_AT := Field("indexed_at", {"type": "date"}, shown=(QUOTE_EXPORT,)),
    # Corrections (search.index.intake): a text that replaced an earlier one says when.
    CORRECTED := Field(
        "corrected",
        {"type": "date"},
        shown=(ARTICLE_PAGE, ARTICLE_EXPORT),
        description="When the newest text replaced an earlier one (null: never corrected).",
    ),
    VERSIONS := Field(
        "versions",
        {"type": "integer", "index": False},
        shown=(ARTICLE_PAGE, ARTICLE_EXPORT),
        shape="number",
        nullable=False,
        description="How many texts the article has had.",
    ),
    # Quote documents: the quote, its speaker, and the article fields it is found by.
    ARTICLE_ID := Field("article_id", _id(), shown=(QUOTE_EXPORT,)),
    POSITION := Field(
        "position",
        {"type": "integer"},
        shown=_QUOTE_SHOWN,
        shape="number",
        description="The quote's place among its article's quotes: its anchor is #q<position>.",
    ),
    TEXT := Field(
        "text",
        _shown(),
        shown=_QUOTE_SHOWN,
        shape=None,  # marked: search.query.shape
        marked=(Marked(QUOTE_HIT, WHOLE),),
    ),
    FOLDED_TEXT := Field("folded_text", _folded(), searched=(Searched(scope="quote", boost=1.0),)),
    CUE := Field("cue", _id(), shown=_QUOTE_SHOWN),
    SPEAKER := Field(
        "speaker",
        {"properties": _PERSON},
        shown=_QUOTE_SHOWN,
        shape="person",
        nullable=False,
        description="Whose words these are; every part null when the speaker is uncertain.",
        searched=_PERSON_SEARCHED,
        facet=Faceted(SPEAKER_FACET, "name", "id"),
    ),
    QUOTE_TYPE := Field(
        "type",
        _ATTRIBUTION["type"],
        shown=_QUOTE_SHOWN,
        nullable=False,
        description="direct: verbatim, wholly in quotation marks; mixed: partly quoted; "
        "indirect: paraphrase, never shown in quotation marks.",
        facet=Faceted(TYPE_FACET, "", "folded"),
    ),
    SPEAKER_KIND := Field(
        "speaker_kind",
        _ATTRIBUTION["speaker_kind"],
        shown=_QUOTE_SHOWN,
        description="person, organization, document or anonymous; null: speaker uncertain.",
    ),
    ON_BEHALF_OF := Field(
        "on_behalf_of",
        {"properties": _PERSON},
        shown=_QUOTE_SHOWN,
        shape="person",
        description="The person the speaker (a spokesperson, adviser, aide…) spoke for.",
        facet=Faceted(ON_BEHALF_OF_FACET, "name", "id"),
    ),
    DESCRIPTION := Field(
        "description",
        _ATTRIBUTION["description"],
        shown=_QUOTE_SHOWN,
        description='How the article describes a source it does not name ("a senior official").',
    ),
    CONFIDENCE := Field(
        "confidence",
        _ATTRIBUTION["confidence"],
        shown=_QUOTE_SHOWN,
        shape="number",
        nullable=False,
        description="How sure the attribution is, 0 to 1; below the threshold no speaker is named.",
    ),
    CONTEXT := Field(
        "context",
        {"type": "object", "enabled": False},
        shown=_QUOTE_SHOWN,
        shape=None,  # {before, sentence, after}: search.query.shape
        description="The quote's sentence and the sentences before and after it.",
    ),
    QUOTED_IN := Field(
        "article",
        {"properties": {"title": _shown(), "folded_title": _folded(), "url": _kept()}},
        shown=(QUOTE_EXPORT,),
        shape=None,  # with `article_id`, a quote hit's `article`: search.query.shape
        searched=(Searched("folded_title", scope="title"),),
    ),
    # The people registry: one document of kind PERSON per entry of the archive's directory
    # (search.speakers.registry), beside the articles so one alias switch moves both.
    REGISTRY := Field("person", {"properties": _REGISTRY}),
)


# What an article's quote (nested in `QUOTES`) says of who said it and how: shown with it.
QUOTE_SAID = tuple(
    at
    for at in QUOTES.mapping["properties"]
    if at not in ("text", "start", "end", "speaker_key") and not at.startswith(FOLDED_PREFIX)
)


# Facets of quotes that also filter articles, by the article's quotes (nested), though articles
# are not counted by them: articles with a paraphrase, or with words spoken for someone.
IN_ARTICLE_QUOTES = {
    TYPE_FACET.name: QUOTES.sub("type.folded"),
    ON_BEHALF_OF_FACET.name: QUOTES.sub("on_behalf_of_id"),
}


def only(kind: Kind) -> dict[str, Any]:
    """The filter that keeps one kind of document."""
    return {"term": {KIND.path: kind}}


# --- Where each value comes from when a document is built, in the order documents store them


@dataclass(frozen=True)
class Facts:
    """What an article's documents are built from: the article, and what the write path works
    out for it (search.index.documents): the person each name written stands for (stored as
    `_PERSON`), who said each quote (a person, an organisation or document by name, or
    nobody), the keys of everyone named, the completions it offers, when it was indexed."""

    article: Article
    people: Mapping[str, Mapping[str, Any]]
    said_by: Sequence[Mapping[str, Any] | None]  # each quote's speaker (None: nobody named)
    spoken_for: Sequence[Mapping[str, Any] | None]  # each quote's principal, if any
    people_keys: Sequence[str]
    suggest: Sequence[str]
    indexed_at: str

    @cached_property
    def published(self) -> str | None:
        return self.article.published.isoformat() if self.article.published else None

    @cached_property
    def dateline(self) -> dict[str, Any] | None:
        return stored_place(self.article.dateline) if self.article.dateline else None

    @cached_property
    def places(self) -> list[dict[str, Any]]:
        return [stored_place(p) for p in self.article.places]


@dataclass(frozen=True)
class QuoteFacts:
    """One quote of an article, at its `position` among the article's quotes."""

    of: Facts
    quote: Quote
    position: int

    @property
    def speaker(self) -> Mapping[str, Any] | None:
        return self.of.said_by[self.position]

    @property
    def principal(self) -> Mapping[str, Any] | None:
        return self.of.spoken_for[self.position]

    @property
    def context(self) -> dict[str, str | None] | None:
        """The quote's sentence and its neighbours, as text."""
        around, body = self.quote.context, self.of.article.body
        if around is None:
            return None
        return {
            "before": body[slice(*around.before)] if around.before else None,
            "sentence": body[slice(*around.sentence)],
            "after": body[slice(*around.after)] if around.after else None,
        }


def _with_folded(names: list[str]) -> list[str]:
    """Names and, after them, their folded forms (search.folding) where folding changes them:
    a place filter (a lower-cased keyword: the integ-test distribution cannot fold there) and
    a `location:`/`place:`/`country:` search (folded as typed, `Searched.folded`) find
    "Valparaíso" as "Valparaiso" and "São Paulo" as "Sao Paulo"."""
    return [*names, *(f for f in dict.fromkeys(map(fold, names)) if f not in names)]


def speaker_ids(people: Iterable[Mapping[str, Any]]) -> list[str]:
    """The person ids of an article's speakers (`SPEAKER_IDS`), each once, in order; a speaker
    no person stands for (an organisation, a document) has none."""
    return list(dict.fromkeys(p["id"] for p in people if p.get("id")))


def stored_place(place: Place) -> dict[str, Any]:
    """A place as `_PLACE` holds it."""
    doc: dict[str, Any] = {
        "name": place.name,
        "as_written": place.as_written,
        "label": place_label(place),
        "names": _with_folded(place_names(place)),
        "region": place.region,
        "country": place.country,
        "country_code": place.country_code,
        "country_names": _with_folded(country_names(place.country, place.country_code)),
    }
    if place.lat is not None and place.lon is not None:
        doc["location"] = {"lat": place.lat, "lon": place.lon}
    return doc


def _quote_item(
    person: Mapping[str, Any] | None, principal: Mapping[str, Any] | None, quote: Quote
) -> dict[str, Any]:
    person, principal = person or {}, principal or {}
    return {
        "speaker_id": person.get("id"),
        "speaker_key": person.get("key"),
        "speaker": person.get("name"),
        "folded_speaker": fold_optional(person.get("name")),
        "text": quote.text,
        "folded_text": fold(quote.text),
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
        "type": quote.type,
        "speaker_kind": quote.speaker_kind,
        "description": quote.description,
        "confidence": round(quote.confidence, 3),
        "on_behalf_of": principal.get("name"),
        "on_behalf_of_id": principal.get("id"),
    }


ArticleValue = Callable[[Facts], Any]
QuoteValue = Callable[[QuoteFacts], Any]

ARTICLE_DOCUMENT: tuple[tuple[Field, ArticleValue], ...] = (
    (KIND, lambda f: ARTICLE),
    (ID, lambda f: f.article.id),
    (SOURCE, lambda f: f.article.source),
    (URL, lambda f: f.article.url),
    (TITLE, lambda f: f.article.title),
    (FOLDED_TITLE, lambda f: fold_optional(f.article.title)),
    (LEAD, lambda f: f.article.lead),
    (FOLDED_LEAD, lambda f: fold_optional(f.article.lead)),
    (BODY, lambda f: f.article.body),
    (FOLDED_BODY, lambda f: fold(f.article.body)),
    (AGENCY, lambda f: f.article.agency),
    (PUBLISHER, lambda f: f.article.publisher),
    (OUTLET, lambda f: outlet_name(f.article.publisher)),
    (OUTLET_NAMES, lambda f: outlet_names(f.article.publisher)),
    (AUTHOR, lambda f: f.article.author),
    (PUBLISHED, lambda f: f.published),
    (DATE_PRECISION, lambda f: f.article.date_precision),
    (DATELINE, lambda f: f.dateline),
    (PLACES, lambda f: f.places),
    (PEOPLE, lambda f: f.article.people),
    (PEOPLE_KEYS, lambda f: f.people_keys),
    (
        SPEAKERS,
        lambda f: [{**f.people[s.name], "quote_count": s.quote_count} for s in f.article.speakers],
    ),
    (SPEAKER_IDS, lambda f: speaker_ids(f.people[s.name] for s in f.article.speakers)),
    (
        QUOTES,
        lambda f: [
            _quote_item(p, b, q)
            for q, p, b in zip(f.article.quotes, f.said_by, f.spoken_for, strict=True)
        ],
    ),
    (PHOTO_CREDIT, lambda f: f.article.photo_credit),
    (SUGGEST, lambda f: f.suggest),
    (INDEXED_AT, lambda f: f.indexed_at),
    (CORRECTED, lambda f: None),  # until a correction (search.index.intake.revised)
    (VERSIONS, lambda f: 1),
)
QUOTE_DOCUMENT: tuple[tuple[Field, QuoteValue], ...] = (
    (KIND, lambda q: QUOTE),
    (ID, lambda q: f"{q.of.article.id}#{q.position}"),
    (ARTICLE_ID, lambda q: q.of.article.id),
    (POSITION, lambda q: q.position),
    (TEXT, lambda q: q.quote.text),
    (FOLDED_TEXT, lambda q: fold(q.quote.text)),
    (CUE, lambda q: q.quote.cue),
    (SPEAKER, lambda q: q.speaker),
    (QUOTE_TYPE, lambda q: q.quote.type),
    (SPEAKER_KIND, lambda q: q.quote.speaker_kind),
    (ON_BEHALF_OF, lambda q: q.principal),
    (DESCRIPTION, lambda q: q.quote.description),
    (CONFIDENCE, lambda q: round(q.quote.confidence, 3)),
    (CONTEXT, lambda q: q.context),
    (
        QUOTED_IN,
        lambda q: {
            "title": q.of.article.title,
            "folded_title": fold_optional(q.of.article.title),
            "url": q.of.article.url,
        },
    ),
    (PUBLISHED, lambda q: q.of.published),
    (DATE_PRECISION, lambda q: q.of.article.date_precision),
    (DATELINE, lambda q: q.of.dateline),
    (PLACES, lambda q: q.of.places),
    (AGENCY, lambda q: q.of.article.agency),
    (OUTLET, lambda q: outlet_name(q.of.article.publisher)),
    (OUTLET_NAMES, lambda q: outlet_names(q.of.article.publisher)),
    (INDEXED_AT, lambda q: q.of.indexed_at),
)


@dataclass(frozen=True)
class Registered:
    """One entry of the people registry: its id and what `REGISTRY` holds of it (built by
    search.speakers.registry), and when it was written."""

    id: str
    entry: Mapping[str, Any]
    indexed_at: str


PERSON_DOCUMENT: tuple[tuple[Field, Callable[[Registered], Any]], ...] = (
    (KIND, lambda r: PERSON),
    (ID, lambda r: r.id),
    (REGISTRY, lambda r: r.entry),
    (INDEXED_AT, lambda r: r.indexed_at),
)

# --- The CSV export's columns: a name, the field, and the cell made of the field's value


@dataclass(frozen=True)
class Column:
    """A CSV column: its `name`, the `field` it comes from, the `cell` made of that field's
    value (the value itself by default)."""

    name: str
    field: Field
    cell: Callable[[Any], Any] = lambda value: value


def _part(key: str) -> Callable[[Any], Any]:
    return lambda value: (value or {}).get(key)


def _names(people: Any) -> str:
    return "; ".join(p.get("name") or "" for p in people or [])


def _countries(places: Any) -> str:
    """The countries of the places mentioned, each once, in order of first mention."""
    found = (p.get("country") for p in places or [])
    return "; ".join(dict.fromkeys(c for c in found if c))


def _label(place: Any) -> Any:
    """A dateline by its label ("Portland, Maine"); by its name in documents indexed before
    labels were."""
    return (place or {}).get("label") or (place or {}).get("name")


_DATELINE_COLUMNS = (
    Column("dateline", DATELINE, _label),
    Column("country", DATELINE, _part("country")),
    Column("countries_mentioned", PLACES, _countries),
)
COLUMNS: Mapping[Kind, tuple[Column, ...]] = {
    ARTICLE: (
        Column("id", ID),
        Column("published", PUBLISHED),
        Column("title", TITLE),
        Column("lead", LEAD),
        Column("agency", AGENCY),
        Column("outlet", OUTLET),
        Column("publisher", PUBLISHER),
        Column("author", AUTHOR),
        *_DATELINE_COLUMNS,
        Column("speakers", SPEAKERS, _names),
        Column("url", URL),
    ),
    QUOTE: (
        Column("id", ID),
        Column("published", PUBLISHED),
        Column("speaker", SPEAKER, _part("name")),
        Column("speaker_id", SPEAKER, _part("id")),
        Column("role", SPEAKER, _part("role")),
        Column("speaker_kind", SPEAKER_KIND),
        Column("description", DESCRIPTION),
        Column("on_behalf_of", ON_BEHALF_OF, _part("name")),
        Column("on_behalf_of_id", ON_BEHALF_OF, _part("id")),
        Column("confidence", CONFIDENCE),
        Column("type", QUOTE_TYPE),
        Column("cue", CUE),
        Column("text", TEXT),
        Column("sentence", CONTEXT, _part("sentence")),
        *_DATELINE_COLUMNS,
        Column("outlet", OUTLET),
        Column("article_id", ARTICLE_ID),
        Column("title", QUOTED_IN, _part("title")),
        Column("url", QUOTED_IN, _part("url")),
    ),
}

# --- Derived once, at import


def _held(document: Sequence[tuple[Field, Any]]) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if any(f is held for held, _ in document))


HELD: Mapping[Kind, tuple[Field, ...]] = {
    ARTICLE: _held(ARTICLE_DOCUMENT),
    QUOTE: _held(QUOTE_DOCUMENT),
    PERSON: _held(PERSON_DOCUMENT),
}
PROPERTIES: Mapping[str, Mapping[str, Any]] = {f.path: f.mapping for f in FIELDS}


# The views below are cached: each is worked out on first use (at import, by the read path's
# constants), not per request.


@cache
def searched(kind: Kind) -> tuple[tuple[Field, Searched], ...]:
    """Each way `kind`'s documents are searched, in declaration order."""
    return tuple(
        (f, way) for f in HELD[kind] for way in f.searched if way.kinds is None or kind in way.kinds
    )


@cache
def shown(view: View) -> tuple[Field, ...]:
    """The fields a view shows or hands out."""
    return tuple(f for f in FIELDS if view in f.shown)


@cache
def marked(view: View, inside: Field | None = None) -> Mapping[str, Mapping[str, Any]]:
    """Highlighter options by path for `view`: the document's own fields, or those of the
    nested items `inside` (a hit's quotes, marked in its inner hits). Read-only."""
    fields = (inside,) if inside else tuple(f for f in FIELDS if not f.nested)
    return {f.sub(m.at): m.options for f in fields for m in f.marked if m.view == view}


def analysis(path: str) -> Literal["stemmed", "plain", "keyword"]:
    """How a field's text is indexed: stemmed (with an `.exact` twin), plain words, or whole."""
    mapping = mapping_at({"properties": PROPERTIES}, path)
    if mapping.get("type") == "keyword":
        return "keyword"
    return "stemmed" if mapping.get("analyzer") == TEXT_ANALYZER else "plain"


def _facets() -> tuple[tuple[Facet, ...], dict[tuple[str, Kind], FacetFields]]:
    found: dict[str, Facet] = {}
    placed: dict[tuple[str, Kind], FacetFields] = {}
    for kind in (ARTICLE, QUOTE):
        for f in HELD[kind]:
            for faceted in f.facets:
                facet = found.setdefault(faceted.facet.name, faceted.facet)
                if facet is not faceted.facet:
                    raise ValueError(f"two facets are named {facet.name!r}")
                if f.nested:  # a facet counts documents: give it a flat field to count
                    raise ValueError(f"{facet.name!r} is carried by a nested field")
                found_at = f.sub(faceted.found) if faceted.found else None
                placed[facet.name, kind] = FacetFields(
                    f.sub(faceted.shown), f.sub(faceted.filtered), found_at
                )
    order = [faceted.facet.name for f in FIELDS for faceted in f.facets]
    return tuple(found[name] for name in dict.fromkeys(order)), placed


FACETS, _FACET_FIELDS = _facets()
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
# The field scopes of the query language (`speaker:`), in declaration order.
SCOPES = tuple(dict.fromkeys(w.scope for f in FIELDS for w in f.searched if w.scope))


@cache
def facets_of(kind: Kind) -> tuple[Facet, ...]:
    """The facets `kind`'s documents carry."""
    return tuple(facet for facet in FACETS if (facet.name, kind) in _FACET_FIELDS)


@cache
def folded(path: str) -> str | None:
    """The folded twin of the text field at `path` (`folded_twin`), None if it has none."""
    twin = folded_twin(path)
    try:
        mapping_at({"properties": PROPERTIES}, twin)
    except KeyError:
        return None
    return twin
