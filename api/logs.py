"""Structured logs: one JSON object a line, each carrying the id of the request it is about.

The id is the client's (or nginx's) `X-Request-Id` when it looks like an id, else one made
here; the answer echoes it in `X-Request-Id` and Elasticsearch receives it as `X-Opaque-Id`
(api/engine.py), so one id follows a request from the proxy's log to the engine's slow log.
Every request is logged once, on `dateline.access`; gunicorn's own access log is off
(deploy/gunicorn.conf.py), and its error log uses the same formatter.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, has_request_context, request

ACCESS = logging.getLogger("dateline.access")
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class JsonFormatter(logging.Formatter):
    """A log record as one JSON line: time, level, logger, message, the request's id, and the
    fields passed as ``extra={"fields": {...}}``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context() and "request_id" in g:
            entry["request_id"] = g.request_id
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def init_app(app: Flask) -> None:
    app.before_request(_identify)
    app.after_request(_log_request)


def _identify() -> None:
    given = request.headers.get("X-Request-Id", "")
    g.request_id = given if _SANE_ID.fullmatch(given) else uuid.uuid4().hex
    g.log_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    response.headers["X-Request-Id"] = g.request_id
    fields = {
        "method": request.method,
        "path": request.path,
        "route": request.url_rule.rule if request.url_rule else None,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.log_started) * 1000, 1),
        "client": request.headers.get("X-Real-Ip") or request.remote_addr,
    }
    ACCESS.info(
        "%s %s %s", request.method, request.path, response.status_code, extra={"fields": fields}
    )
    return response
