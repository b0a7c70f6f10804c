"""The API's documentation as a page: the OpenAPI document rendered on the server, so it needs
no script and no outside service."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, current_app, render_template

bp = Blueprint("docs", __name__)
_METHODS = {"get", "post", "put", "patch", "delete"}


def _endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])  # a path's own parameters ({article_id}…)
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            answer = operation.get("responses", {}).get("200", {})
            example = next(
                (c["example"] for c in answer.get("content", {}).values() if "example" in c), None
            )
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": shared + operation.get("parameters", []),
                    "example": json.dumps(example, indent=2, ensure_ascii=False)
                    if example
                    else None,
                }
            )
    return found


@bp.get("/api/docs")
def docs() -> str:
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    return render_template("docs.html", info=spec["info"], endpoints=_endpoints(spec))
