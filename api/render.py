"""Answers serialized once, with orjson: the response schemas document the API (and tests check
answers against them), but dumping every answer through marshmallow again cost a few
milliseconds a request, a tenth of a fast search."""

from __future__ import annotations

from typing import Any

import orjson
from flask import Response


def json_answer(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status=status, mimetype="application/json")
