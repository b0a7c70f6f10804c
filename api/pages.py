"""The search page: the same search as the API, rendered as HTML."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
from flask import Blueprint, current_app, render_template, request

from api.schemas import SearchArgsSchema
from search.query import FACETS
from search.results import search

bp = Blueprint("pages", __name__)
FACET_LABELS = {
    "speaker": "Speakers",
    "location": "Datelines",
    "place": "Places",
    "agency": "Agencies",
}


def _toggle(args: dict[str, list[str]], facet: str, value: str) -> str:
    """The page's URL with `value` of `facet` switched on or off (back to page 1)."""
    chosen = {k: list(v) for k, v in args.items() if k != "page"}
    values = chosen.setdefault(facet, [])
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    return "?" + urlencode([(k, v) for k, vs in chosen.items() for v in vs])


def _page(args: dict[str, list[str]], number: int) -> str:
    """The page's URL at result page `number`."""
    return "?" + urlencode(
        [*((k, v) for k, vs in args.items() if k != "page" for v in vs), ("page", number)]
    )


@bp.get("/")
def page() -> tuple[str, int]:
    args = {k: request.args.getlist(k) for k in request.args}
    try:
        params = SearchArgsSchema().load(request.args)
    except ma.ValidationError as error:
        return render_template(
            "search.html",
            error=error.messages,
            args=args,
            result=None,
            labels=FACET_LABELS,
            toggle=_toggle,
            page=_page,
            facets=FACETS,
        ), 400
    es = current_app.extensions["dateline.es"]
    result: dict[str, Any] = search(es, current_app.config["INDEX"], params)
    return render_template(
        "search.html",
        error=None,
        args=args,
        result=result,
        params=params,
        labels=FACET_LABELS,
        toggle=_toggle,
        page=_page,
        facets=FACETS,
    ), 200
