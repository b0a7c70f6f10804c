"""Every failure answers with one JSON envelope: {code, status, message, errors}."""

from __future__ import annotations

from typing import Any, NoReturn

from elasticsearch import ApiError, ConnectionTimeout, NotFoundError, TransportError
from elasticsearch import ConnectionError as EngineUnreachable
from flask import Flask, Response, current_app
from flask_smorest import Api, abort
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from api.metrics import ENGINE_ERRORS

Envelope = tuple[dict[str, Any], int, dict[str, str]]


def fail(code: int, message: str, errors: dict[str, Any] | None = None) -> NoReturn:
    """Stop the request with `code` in the envelope (flask-smorest's abort, typed)."""
    abort(code, message=message, errors=errors or {})
    raise AssertionError("abort returned")


def envelope(code: int, message: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    status = HTTP_STATUS_CODES.get(code, "Error")
    return {"code": code, "status": status, "message": message, "errors": errors or {}}


class DatelineApi(Api):
    """flask-smorest's API with the envelope always complete and an error's headers kept
    (RFC 9110 wants a 405 to name the allowed methods in `Allow`)."""

    def handle_http_exception(self, error: HTTPException) -> Envelope:
        data = getattr(error, "data", None) or {}
        errors = data.get("errors") or data.get("messages") or {}
        message = str(data.get("message") or error.description or "")
        payload = envelope(error.code or 500, message, errors)
        headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
        headers.update(data.get("headers") or {})
        return payload, payload["code"], headers


def engine_failure(error: Exception) -> tuple[int, str]:
    """What a reader is told when Elasticsearch fails, without leaking its internals; each
    failure is counted by kind (/metrics)."""
    if isinstance(error, NotFoundError) and "index_not_found" in str(error):
        ENGINE_ERRORS.labels("no_index").inc()
        return 503, "The archive has not been built yet: run `dateline reindex`."
    if isinstance(error, ApiError) and error.meta.status < 500 and error.meta.status != 429:
        ENGINE_ERRORS.labels("refused").inc()
        current_app.logger.error("Elasticsearch refused a request: %s", error)
        return 500, "The search failed on our side; it has been logged."
    kind = (
        "timeout"
        if isinstance(error, ConnectionTimeout)
        else "connection"
        if isinstance(error, EngineUnreachable)
        else "unavailable"
    )
    ENGINE_ERRORS.labels(kind).inc()
    current_app.logger.warning("Elasticsearch failed (%s): %s", kind, error)
    return 503, "The search engine is unavailable; retry in a moment."


RETRY_AFTER = "5"  # seconds: an engine that is restarting or catching up answers by then


def register(app: Flask) -> None:
    @app.after_request
    def say_when_to_retry(response: Response) -> Response:
        # Every 503, the search page's too, tells clients and proxies when to come back.
        if response.status_code == 503:
            response.headers.setdefault("Retry-After", RETRY_AFTER)
        return response

    @app.errorhandler(TransportError)
    @app.errorhandler(ApiError)
    def search_failed(error: Exception) -> tuple[dict[str, Any], int, dict[str, str]]:
        code, message = engine_failure(error)
        headers = {"Retry-After": RETRY_AFTER} if code == 503 else {}
        return envelope(code, message), code, headers
