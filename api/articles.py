"""One article in full, and the articles related to it."""

from __future__ import annotations

from typing import Any, NoReturn

import marshmallow as ma
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api.arguments import ArticleArgsSchema
from api.engine import alias, es
from api.errors import fail
from api.render import json_answer
from api.responses import ArticleSchema, RelatedSchema
from search.query import execute

blp = Blueprint("articles", __name__, url_prefix="/api", description="Articles.")


def _missing(article_id: str) -> NoReturn:
    fail(404, "no article with this id", {"path": {"id": [article_id[:200]]}})


@blp.route("/articles/<path:article_id>")
class Article(MethodView):
    @blp.arguments(ArticleArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, ArticleSchema)
    def get(self, args: dict[str, Any], article_id: str) -> Response:
        """The article with its body, speakers and every quote; `q`'s words marked."""
        found = execute.article(es(), alias(), article_id, args["q"])
        if found is None:
            _missing(article_id)
        return json_answer(found)


@blp.route("/articles/<path:article_id>/related")
class Related(MethodView):
    @blp.response(200, RelatedSchema)
    def get(self, article_id: str) -> dict[str, Any]:
        """Articles on the same subject, wire copies of one story grouped."""
        found = execute.related(es(), alias(), article_id)
        if found is None:
            _missing(article_id)
        return found
