"""The index: its analysis chain, mapping and settings, versioned in this one place.

Text is stemmed so that "contacts" finds "contact" and "said" finds "says"; each text field also
has an unstemmed ``.exact`` sub-field that quoted phrases search. Stemming must work on the
integ-test distribution Dateline runs locally, which lacks the analysis-common module (no
``english`` analyzer, no ``stemmer`` filter): there core's ``hunspell`` filter with the en_US
dictionary that deploy/elasticsearch.sh installs does the job. On a full cluster whose nodes
lack that dictionary, the ``stemmer`` filter of analysis-common is used instead; `detect_stemmer`
asks the cluster which one it has.
https://www.elastic.co/docs/reference/text-analysis/analysis-hunspell-tokenfilter
"""

from __future__ import annotations

import os
from typing import Any, Literal

from elasticsearch import ApiError, Elasticsearch

MAPPING_VERSION = 3
Stemmer = Literal["hunspell", "stemmer", "none"]

_STEM_FILTERS: dict[str, dict[str, Any]] = {
    "hunspell": {"type": "hunspell", "locale": "en_US", "dedup": True},
    "stemmer": {"type": "stemmer", "language": "english"},
}


def detect_stemmer(es: Elasticsearch) -> Stemmer:
    """The best stemming filter this cluster can build (DATELINE_STEMMER overrides)."""
    forced = os.environ.get("DATELINE_STEMMER")
    if forced in ("hunspell", "stemmer", "none"):
        return forced  # type: ignore[return-value]
    for name, definition in _STEM_FILTERS.items():
        try:
            tokens = es.indices.analyze(
                tokenizer="standard", filter=["lowercase", definition], text="contacts"
            )["tokens"]
        except ApiError:
            continue
        if [t["token"] for t in tokens] == ["contact"]:
            return name  # type: ignore[return-value]
    return "none"


def index_settings(
    *, stemmer: Stemmer, shards: int = 1, replicas: int = 0, refresh_interval: str = "1s"
) -> dict[str, Any]:
    stem = ["dl_stem"] if stemmer != "none" else []
    analysis: dict[str, Any] = {
        "analyzer": {
            "dl_text": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", *stem]},
            "dl_exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        },
        "normalizer": {"dl_folded": {"type": "custom", "filter": ["lowercase"]}},
    }
    if stemmer != "none":
        analysis["filter"] = {"dl_stem": _STEM_FILTERS[stemmer]}
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "refresh_interval": refresh_interval,
        "analysis": analysis,
    }


# Phrases and prefixes are searched on the unstemmed twin, with prefixes built at index time:
# a query of many two-letter prefixes (`a*|ab*|…`) then costs a few term lookups instead of
# term expansions (search.query.language). Not `index_phrases`: a phrase answered from
# shingles is no longer marked by the highlighter; the language caps phrases instead.
# https://www.elastic.co/docs/reference/elasticsearch/mapping-reference/index-prefixes
_EXACT = {
    "type": "text",
    "analyzer": "dl_exact",
    "index_prefixes": {"min_chars": 2, "max_chars": 5},
}


def _text(**extra: Any) -> dict[str, Any]:
    """Stemmed text, with an unstemmed `.exact` twin for phrases and prefixes."""
    return {
        "type": "text",
        "analyzer": "dl_text",
        **extra,
        "fields": {"exact": {**_EXACT, **extra}},
    }


def _facet() -> dict[str, Any]:
    """Display value for buckets, a case-folded twin for filters typed by hand, and the words
    of the value for scoped searches (`location:york`)."""
    return {
        "type": "keyword",
        "fields": {
            "folded": {"type": "keyword", "normalizer": "dl_folded"},
            "text": {"type": "text", "analyzer": "dl_exact"},
        },
    }


def _id() -> dict[str, Any]:
    return {"type": "keyword"}


_PLACE = {
    "properties": {
        "name": _facet(),
        "region": _facet(),
        "country": _facet(),
        "country_code": _id(),
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
    "surname": {"type": "keyword", "normalizer": "dl_folded"},
    "role": {"type": "text", "analyzer": "dl_text", "fields": {"keyword": _id()}},
}

# Two kinds of document share the index, so one alias switch moves both: an article, and each
# of its quotes as a document of its own (quote search pages through quotes, not articles).
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "_meta": {"mapping_version": MAPPING_VERSION},
    "properties": {
        "kind": _id(),  # "article" or "quote"
        "id": _id(),
        "source": {"type": "keyword", "index": False},
        "url": {"type": "keyword", "index": False},
        "title": _text(),
        "lead": _text(),
        "body": _text(index_options="offsets"),
        "agency": _facet(),
        "publisher": _facet(),
        "author": _facet(),
        "published": {"type": "date", "format": "strict_date"},
        "date_precision": _id(),
        "dateline": _PLACE,
        "places": _PLACE,
        "people": _facet(),
        "people_keys": _id(),
        "speakers": {
            "type": "nested",
            "properties": {**_PERSON, "quote_count": {"type": "integer"}},
        },
        "quotes": {
            "type": "nested",
            "properties": {
                "speaker_id": _id(),
                "speaker_key": _id(),
                "speaker": _facet(),
                "text": _text(),
                "cue": _id(),
                "start": {"type": "integer", "index": False},
                "end": {"type": "integer", "index": False},
            },
        },
        "photo_credit": {"type": "keyword", "index": False},
        "suggest": {"type": "completion", "analyzer": "dl_exact"},
        "indexed_at": {"type": "date"},
        # Corrections (search/index/intake.py): set only once an article's text was replaced.
        "corrected": {"type": "date"},
        "versions": {"type": "integer", "index": False},
        # Quote documents: the quote, its speaker, and the article fields it is found by.
        "article_id": _id(),
        "position": {"type": "integer"},
        "text": _text(),
        "cue": _id(),
        "speaker": {"properties": _PERSON},
        "article": {
            "properties": {
                "title": _text(),
                "url": {"type": "keyword", "index": False},
            }
        },
    },
}
