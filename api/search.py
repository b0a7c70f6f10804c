"""Searching: articles, quotes, one facet's values, completions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import marshmallow as ma
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api import examples
from api.arguments import FacetArgsSchema, SearchArgsSchema, SuggestArgsSchema
from api.engine import alias, es
from api.errors import fail
from api.links import absolute
from api.render import json_answer
from api.responses import (
    FacetValuesSchema,
    QuoteCardSchema,
    QuoteResultSchema,
    SearchResultSchema,
    SuggestSchema,
)
from search.query import execute
from search.query.citation import page_path
from search.query.cursor import BadCursor, decode
from search.schema import ARTICLE, FACETS_BY_NAME, QUOTE, Kind

blp = Blueprint("search", __name__, url_prefix="/api", description="Search the archive.")


def listing(args: dict[str, Any], kind: Kind) -> dict[str, Any]:
    """One page of a search, by page number or by the cursor of the page before."""
    params = args["params"]
    if args["cursor"]:
        try:
            params = replace(params, after=decode(kind, params, args["cursor"]))
        except BadCursor as error:
            fail(422, str(error), {"query": {"cursor": [str(error)]}})
    found = execute.search(es(), alias(), params, kind)
    if params.explain:
        found["explain"] = execute.explain(params.q)
    return found


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, SearchResultSchema, example=examples.SEARCH)
    def get(self, args: dict[str, Any]) -> Response:
        """Articles: highlighted snippets, the matching quotes, facets on speaker, dateline,
        place, agency and date."""
        return json_answer(listing(args, ARTICLE))


@blp.route("/quotes")
class Quotes(MethodView):
    @blp.arguments(SearchArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, QuoteResultSchema, example=examples.QUOTES)
    def get(self, args: dict[str, Any]) -> Response:
        """Quotes and reported statements: who said what, where and when. `q` searches what
        was said; the filters are those of /api/search."""
        return json_answer(listing(args, QUOTE))


@blp.route("/quotes/<path:article_id>/<int:position>")
class QuoteCard(MethodView):
    @blp.response(200, QuoteCardSchema)
    def get(self, article_id: str, position: int) -> Response:
        """One quote to cite: whose words and how said, the sentences around it, its article,
        its permalink, and a citation (plain text, CSL-JSON, RIS). The quote is its article's
        id and its place among the article's quotes (a hit's `article.id` and `position`)."""
        permalink = absolute(page_path(article_id, position))
        found = execute.quote_card(es(), alias(), article_id, position, permalink)
        if found is None:
            fail(404, "no quote with this id", {"path": {"id": [f"{article_id[:200]}/{position}"]}})
        return json_answer(found)


@blp.route("/facets/<string:facet>")
class FacetValues(MethodView):
    @blp.arguments(FacetArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, FacetValuesSchema, example=examples.FACET_VALUES)
    def get(self, args: dict[str, Any], facet: str) -> dict[str, Any]:
        """The values of one facet under the current search, with counts: for "more", and for
        searching inside a long facet (`prefix`)."""
        if facet not in FACETS_BY_NAME:
            fail(404, f"no such facet; there are {', '.join(FACETS_BY_NAME)}")
        kind = ARTICLE if args["of"] == "articles" else QUOTE
        values = execute.facet_values(
            es(), alias(), args["params"], FACETS_BY_NAME[facet], kind, args["prefix"], args["size"]
        )
        return {"facet": facet, "values": values}


@blp.route("/suggest")
class Suggest(MethodView):
    @blp.arguments(SuggestArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, SuggestSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Completions for the search box: speakers, people, places and titles."""
        return {"suggestions": execute.suggest(es(), alias(), args["prefix"], args["size"])}
