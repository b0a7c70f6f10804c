"""Whether Dateline answers (liveness, with no engine) and whether the archive does."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from api.engine import alias, es
from api.responses import HealthSchema
from search.schema import ARTICLE, only

blp = Blueprint("health", __name__, url_prefix="/api", description="Health.")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """Whether the archive answers, and how many articles it holds."""
        return {"status": "ok", "articles": es().count(index=alias(), query=only(ARTICLE))["count"]}


@blp.route("/health/live")
class Live(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """Whether this server answers, asking nothing of Elasticsearch: for a load balancer
        or a supervisor, which must not restart Dateline because the engine is slow."""
        return {"status": "ok"}
