"""Example answers for the OpenAPI document and the docs page (taken from the fictional sample
corpus, shortened)."""

from __future__ import annotations

from typing import Any

from search.schema import FACETS

_PLACE = {
    "name": "Oslo",
    "as_written": None,
    "label": "Oslo, Norway",
    "names": ["Oslo, Norway", "Oslo"],
    "region": None,
    "country": "Norway",
    "country_code": "NO",
    "country_names": ["Norway", "NO"],
    "location": {"lat": 59.91273, "lon": 10.74609},
}
_SPEAKER = {
    "id": "tomas-okafor",
    "name": "Tomas Okafor",
    "as_written": "Tomas Okafor",
    "role": "union negotiator",
    "quote_count": 3,
}
_FACETS = {
    **{facet.name: [dict(facet.example)] for facet in FACETS},
    "date": [
        {
            "value": "2030-03",
            "count": 4,
            "from": "2030-03-01",
            "to": "2030-03-31",
            "selected": False,
        }
    ],
}
_LISTING = {
    "total": {"value": 5, "relation": "eq"},
    "page": 1,
    "size": 10,
    "facets": _FACETS,
    "date_interval": "month",
    "next_cursor": None,
    "took_ms": 14,
    "suggestion": None,
    "partial": False,
}
SEARCH: dict[str, Any] = {
    **_LISTING,
    "hits": [
        {
            "id": "nws-2030-03-27-oslo-port-strike-ends",
            "title": "Oslo port strike ends after deal on night-shift pay",
            "title_html": "Oslo port <mark>strike</mark> ends after deal on night-shift pay",
            "lead": "Dockworkers will return to work on Thursday…",
            "published": "2030-03-27",
            "date_precision": "day",
            "agency": "NWS",
            "outlet": "The Daily Ledger",
            "publisher": "daily-ledger",
            "author": None,
            "url": None,
            "dateline": _PLACE,
            "speakers": [_SPEAKER],
            "score": 9.46,
            "snippets": ["…ending a 23-day <mark>strike</mark> that spread to Lisbon…"],
            "quotes": [
                {
                    "speaker": "Tomas Okafor",
                    "speaker_id": "tomas-okafor",
                    "speaker_kind": "person",
                    "on_behalf_of": None,
                    "on_behalf_of_id": None,
                    "description": None,
                    "type": "direct",
                    "confidence": 0.97,
                    "cue": "said",
                    "position": 3,
                    "text": "Nobody should have to <mark>strike</mark> for it twice",
                }
            ],
        }
    ],
}
QUOTES: dict[str, Any] = {
    **_LISTING,
    "hits": [
        {
            "id": "nws-2030-03-27-oslo-port-strike-ends#3",
            "text": "Nobody should have to <mark>strike</mark> for it twice",
            "cue": "said",
            "speaker": _SPEAKER,
            "speaker_kind": "person",
            "on_behalf_of": None,
            "description": None,
            "type": "direct",
            "confidence": 0.97,
            "position": 3,
            "context": {
                "before": "The deal raises night-shift pay by 12 percent.",
                "sentence": "“Nobody should have to strike for it twice,” Okafor said.",
                "after": None,
            },
            "article": {
                "id": "nws-2030-03-27-oslo-port-strike-ends",
                "title": "Oslo port strike ends after deal on night-shift pay",
                "url": None,
            },
            "published": "2030-03-27",
            "date_precision": "day",
            "dateline": _PLACE,
            "agency": "NWS",
            "outlet": "The Daily Ledger",
            "score": 4.2,
        }
    ],
}
DIRECTORY: dict[str, Any] = {
    "speakers": [
        {
            "id": "tomas-okafor",
            "name": "Tomas Okafor",
            "roles": ["union negotiator"],
            "articles": 5,
            "quotes": 11,
            "first": "2030-03-04",
            "last": "2030-12-06",
        }
    ],
    "total": 1,
    "sort": "quotes",
    "next_cursor": None,
}
PROFILE: dict[str, Any] = {
    **DIRECTORY["speakers"][0],
    "variants": ["Tomas Okafor", "Okafor"],
    "places": [{"value": "Oslo", "count": 2}, {"value": "Valparaíso", "count": 2}],
    "co_speakers": [{"id": "mara-lindqvist", "name": "Mara Lindqvist", "articles": 2}],
    "interval": "month",
    "over_time": [{"value": "2030-03-01", "count": 9}, {"value": "2030-12-01", "count": 2}],
}
FACET_VALUES: dict[str, Any] = {
    "facet": "place",
    "values": [{"value": "Oslo", "count": 4, "selected": False}],
}

_OKAFOR_READ = {
    "value": "Okafor",
    "people": [{"id": "tomas-okafor", "name": "Tomas Okafor"}],
    "candidates": [],
    "did_you_mean": [],
    "rule": "a surname with one prominent bearer",
}
COMPARE: dict[str, Any] = {
    "measure": "articles",
    "interval": "month",
    "from": "2030-03-01",
    "to": "2030-04-30",
    "total": 7,
    "buckets": [
        {
            "from": "2030-03-01",
            "to": "2030-03-31",
            "total": 4,
            "search": "/?from=2030-03-01&to=2030-03-31",
        },
        {
            "from": "2030-04-01",
            "to": "2030-04-30",
            "total": 3,
            "search": "/?from=2030-04-01&to=2030-04-30",
        },
    ],
    "series": [
        {
            "number": 1,
            "label": "Tomas Okafor",
            "q": "",
            "filters": {"speaker": ["Okafor"]},
            "speakers_named": [_OKAFOR_READ],
            "total": 3,
            "share": 3 / 7,
            "undated": 0,
            "search": "/?speaker=tomas-okafor&from=2030-03-01&to=2030-04-30",
            "csv": "/api/compare?speaker1=Okafor&interval=month&from=2030-03-01"
            "&to=2030-04-30&format=csv",
            "buckets": [
                {
                    "from": "2030-03-01",
                    "to": "2030-03-31",
                    "count": 2,
                    "share": 0.5,
                    "search": "/?speaker=tomas-okafor&from=2030-03-01&to=2030-03-31",
                },
                {
                    "from": "2030-04-01",
                    "to": "2030-04-30",
                    "count": 1,
                    "share": 1 / 3,
                    "search": "/?speaker=tomas-okafor&from=2030-04-01&to=2030-04-30",
                },
            ],
        }
    ],
    "took_ms": 9,
}
