"""Adding a field is one declaration plus where its value comes from: a copy of search.schema
given a `desk` field (a facet, a field scope, shown everywhere) and a `salience` of each
quote (a number shown with it), with their values and nothing else, reaches the mapping, the
documents, the request bodies, the shaped results, the API's arguments and schemas, its OpenAPI
document and the page's labels.

The copy runs in a fresh interpreter, so nothing imported from the real schema lingers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "search" / "schema.py"
# (the text the addition goes in front of, the addition)
ADDED = (
    (
        "    PUBLISHER := Field(",
        """    DESK := Field(
        "desk",
        _facet(),
        shown=_EVERYWHERE,
        searched=(Searched("text", scope="desk"),),
        facet=Faceted(
            Facet("desk", "Desks", "Desk", "The desk.", {"value": "D", "count": 1}),
            "",
            "folded",
        ),
    ),
""",
    ),
    (
        "    (PUBLISHER, lambda f: f.article.publisher),",
        "    (DESK, lambda f: f.article.publisher),\n",
    ),
    (
        "    (INDEXED_AT, lambda q: q.of.indexed_at),",
        "    (DESK, lambda q: q.of.article.publisher),\n    (SALIENCE, lambda q: 0.75),\n",
    ),
    (
        "    # Quote documents: the quote, its speaker",
        """    SALIENCE := Field(
        "salience",
        {"type": "float"},
        shown=(QUOTE_HIT, QUOTE_EXPORT),
        shape="number",
        description="How central the quote is to its article.",
    ),
""",
    ),
)


def _with_additions() -> None:
    """search.schema, from its source with the additions, in place of the real one."""
    import types

    import search

    source = SCHEMA.read_text(encoding="utf-8")
    for anchor, addition in ADDED:
        assert source.count(anchor) == 1, f"the schema no longer has {anchor!r}"
        source = source.replace(anchor, addition + anchor)
    module = types.ModuleType("search.schema")
    module.__file__ = str(SCHEMA)
    sys.modules["search.schema"] = search.schema = module
    exec(compile(source, str(SCHEMA), "exec"), module.__dict__)


def observe() -> dict[str, Any]:
    """What the rest of Dateline makes of the schema with `desk` and `salience` added."""
    _with_additions()
    from datetime import date

    from api import create_app
    from api.arguments import SearchArgsSchema
    from api.examples import SEARCH
    from api.pages.state import LABELS
    from api.responses import FacetsSchema, HitSchema, QuoteHitSchema
    from search.index.documents import to_documents
    from search.index.mapping import MAPPINGS
    from search.model import Article, Quote, Speaker
    from search.query.body import build, build_quotes
    from search.query.language import explain, parse
    from search.query.params import SearchParams
    from search.query.shape import result
    from search.schema import ARTICLE, FACETS, QUOTE, facets_of

    article = Article("a-1", "a.txt", "T", None, "B", publisher="Daily", published=date(2030, 1, 2))
    article.speakers = [Speaker("Ann Lee", None, 1)]
    article.quotes = [Quote("Ann Lee", "B", "said", 0, 1)]
    [(_, document), (_, quoted)] = to_documents(article)
    params = SearchParams(q="desk:daily", filters={"desk": ("Daily",)})
    body = build(params, {"desk": ("daily",)}, "month")
    empty = {"counts": {"values": {"buckets": []}}}
    counted = {"counts": {"values": {"buckets": [{"key": "Daily", "doc_count": 1}]}}}
    response = {
        "hits": {"total": {"value": 1, "relation": "eq"}, "hits": [{"_source": document}]},
        "aggregations": {
            **{f.name: empty for f in facets_of(ARTICLE)},
            "desk": counted,
            "date": {"values": {"buckets": []}},
        },
    }
    shaped = result(response, params, {"desk": ("daily",)}, "month", ARTICLE)
    response["hits"]["hits"] = [{"_source": quoted}]
    response["aggregations"] |= {f.name: empty for f in facets_of(QUOTE) if f.name != "desk"}
    quote_hit = result(response, params, {"desk": ("daily",)}, "month", QUOTE)["hits"][0]
    openapi = create_app({"TESTING": True}).test_client().get("/api/openapi.json").get_json()
    components = openapi["components"]["schemas"]
    arguments = [p["name"] for p in openapi["paths"]["/api/search"]["get"]["parameters"]]
    return {
        "facets": [f.name for f in FACETS],
        "mapping": MAPPINGS["properties"].get("desk"),
        "document": document.get("desk"),
        "post_filter": body["post_filter"],
        "counted": body["aggs"]["desk"]["aggs"]["counts"]["aggs"]["values"],
        "query": body["query"],
        "quotes_aggs": list(build_quotes(params, {}, "month")["aggs"]),
        "explained": explain(parse("desk:daily"))["clauses"],
        "shaped_facet": shaped["facets"]["desk"],
        "shaped_hit": shaped["hits"][0].get("desk"),
        "quote": quoted,
        "quote_hit": quote_hit,
        "argument": SearchArgsSchema().load({"desk": ["Daily"]})["params"].filters,
        "schemas": [list(s().fields) for s in (FacetsSchema, HitSchema, QuoteHitSchema)],
        "openapi_facets": list(components["Facets"]["properties"]),
        "openapi_salience": components["QuoteHit"]["properties"].get("salience"),
        "openapi_arguments": arguments,
        "label": LABELS.get("desk"),
        "example": SEARCH["facets"].get("desk"),
    }


@pytest.fixture(scope="module")
def seen() -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # As a module from the repository's root: run as a script, its folder would come first on
    # the path and tests/unit/api would stand in for the real `api`.
    run = subprocess.run(
        [sys.executable, "-m", "tests.unit.test_one_declaration"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    found: dict[str, Any] = json.loads(run.stdout)
    return found


def test_the_new_facet_reaches_the_mapping_and_the_documents(seen: dict[str, Any]) -> None:
    assert seen["facets"] == [
        "speaker",
        "outlet",
        "location",
        "country",
        "place",
        "place_country",
        "agency",
        "desk",
        "type",
        "on_behalf_of",
    ]
    assert seen["mapping"]["type"] == "keyword" and "folded" in seen["mapping"]["fields"]
    assert seen["document"] == "Daily"


def test_the_new_facet_reaches_the_request_body(seen: dict[str, Any]) -> None:
    assert seen["post_filter"] == {"bool": {"filter": [{"terms": {"desk.folded": ["daily"]}}]}}
    assert seen["counted"] == {"terms": {"field": "desk", "size": 10}}
    assert "desk.text" in json.dumps(seen["query"])  # the `desk:` scope
    assert "desk" in seen["quotes_aggs"]
    assert seen["explained"] == [
        {"kind": "word", "text": "daily", "fields": "desk", "negated": False}
    ]


def test_the_new_facet_reaches_the_shaped_result(seen: dict[str, Any]) -> None:
    assert seen["shaped_facet"] == [{"value": "Daily", "count": 1, "selected": True}]
    assert seen["shaped_hit"] == "Daily"


def test_the_new_facet_reaches_the_api_and_the_pages(seen: dict[str, Any]) -> None:
    assert seen["argument"] == {"desk": ["Daily"]}
    assert all("desk" in fields for fields in seen["schemas"])
    assert "desk" in seen["openapi_facets"] and "desk" in seen["openapi_arguments"]
    assert seen["label"] == "Desk"
    assert seen["example"] == [{"value": "D", "count": 1}]


def test_a_new_shown_field_reaches_the_document_the_hit_and_the_api(seen: dict[str, Any]) -> None:
    assert seen["quote"]["salience"] == 0.75 and seen["quote"]["desk"] == "Daily"
    assert seen["quote_hit"]["salience"] == 0.75 and seen["quote_hit"]["desk"] == "Daily"
    assert "salience" in seen["schemas"][2]
    assert seen["openapi_salience"]["type"] in ("number", ["number", "null"])
    assert seen["openapi_salience"]["description"] == "How central the quote is to its article."


if __name__ == "__main__":
    print(json.dumps(observe()))
