"""The JSON API: search, one article, suggestions, health."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from elasticsearch import NotFoundError
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from api.engine import alias, es
from api.schemas import (
    ArticleSchema,
    HealthSchema,
    SearchArgsSchema,
    SearchResultSchema,
    SuggestArgsSchema,
    SuggestSchema,
)
from search.query.execute import search, suggest
from search.query.params import SearchParams

blp = Blueprint("search", __name__, url_prefix="/api", description="Search the archive.")


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, SearchResultSchema)
    def get(self, params: SearchParams) -> dict[str, Any]:
        """Full-text search with highlighted snippets and speaker, location, place, date facets."""
        return search(es(), alias(), params)


@blp.route("/articles/<path:article_id>")
class Article(MethodView):
    @blp.response(200, ArticleSchema)
    def get(self, article_id: str) -> dict[str, Any]:
        """One article with its body, speakers and every quote."""
        try:
            found = es().get(index=alias(), id=article_id, source_excludes=["suggest"])
        except NotFoundError:
            abort(404, message=f"no article with id {article_id!r}")
        article: dict[str, Any] = found["_source"]
        return article


@blp.route("/suggest")
class Suggest(MethodView):
    @blp.arguments(SuggestArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, SuggestSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Completions for the search box: speakers, people, places and titles."""
        return {"suggestions": suggest(es(), alias(), args["prefix"], args["size"])}


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """Whether the archive answers, and how many articles it holds."""
        return {"status": "ok", "articles": es().count(index=alias())["count"]}
