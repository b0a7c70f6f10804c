"""The index: its analysis chain, settings and mapping, versioned here (its fields are declared
in search.schema).

Text is stemmed so that "contacts" finds "contact" and "said" finds "says"; each searched text
also has an unstemmed ``.exact`` sub-field that quoted phrases search, and is searched through
its folded twin (search.folding: apostrophes, dashes, accents), since the integ-test
distribution has no folding filter. Stemming must work on the
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

from search.schema import EXACT_ANALYZER, FOLDED_NORMALIZER, PROPERTIES, TEXT_ANALYZER

# 8: speakers' person ids flat on articles (`speaker_ids`), for the speaker facet;
# 7: place and country names held folded too; 6: folded twins of searched texts
# (search.folding); 5: outlets, places
MAPPING_VERSION = 8
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
            TEXT_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", *stem],
            },
            EXACT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        },
        "normalizer": {FOLDED_NORMALIZER: {"type": "custom", "filter": ["lowercase"]}},
    }
    if stemmer != "none":
        analysis["filter"] = {"dl_stem": _STEM_FILTERS[stemmer]}
    return {
        "number_of_shards": shards,
        "number_of_replicas": replicas,
        "refresh_interval": refresh_interval,
        "analysis": analysis,
    }


# Two kinds of document share the index, their fields declared in search.schema.
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "_meta": {"mapping_version": MAPPING_VERSION},
    "properties": dict(PROPERTIES),
}
