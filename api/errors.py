"""Every failure answers with one JSON envelope: {code, status, message, errors}."""

from __future__ import annotations

from typing import Any

from elasticsearch import ApiError, TransportError
from flask import Flask, current_app
from werkzeug.exceptions import MethodNotAllowed


def _envelope(code: int, status: str, message: str) -> tuple[dict[str, Any], int]:
    return {"code": code, "status": status, "message": message}, code


def register(app: Flask) -> None:
    @app.errorhandler(MethodNotAllowed)
    def method_not_allowed(error: MethodNotAllowed) -> tuple[dict[str, Any], int, dict[str, str]]:
        # RFC 9110 wants the allowed methods named; the generic JSON handler would drop them.
        allowed = ", ".join(error.valid_methods or [])
        return {"code": 405, "status": "Method Not Allowed"}, 405, {"Allow": allowed}

    @app.errorhandler(TransportError)
    @app.errorhandler(ApiError)
    def search_unavailable(error: Exception) -> tuple[dict[str, Any], int]:
        # The cluster is down or refused the request: say so, without leaking internals.
        current_app.logger.warning("Elasticsearch failed: %s", error)
        return _envelope(
            503, "Service Unavailable", "The search engine is unavailable; retry soon."
        )
