"""The search page: the same search as the API, rendered as HTML."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
from elasticsearch import ApiError, TransportError
from flask import Blueprint, render_template, request

from api.arguments import SearchArgsSchema
from api.engine import alias, es
from api.errors import engine_failure
from search.query import execute
from search.query.facets import FACETS

bp = Blueprint("pages", __name__)
Args = dict[str, list[str]]
REPEATABLE = {facet.name for facet in FACETS}


def _url(args: Args, **changes: list[str]) -> str:
    """The page's URL with some arguments replaced; any change but paging goes back to page 1."""
    merged = {k: v for k, v in args.items() if k != "page" or "page" in changes}
    merged.update(changes)
    return "?" + urlencode([(k, v) for k, values in merged.items() for v in values])


def toggle_url(args: Args, facet: str, value: str) -> str:
    values = args.get(facet, [])
    chosen = [v for v in values if v != value] if value in values else [*values, value]
    return _url(args, **{facet: chosen})


def range_url(args: Args, first: str, last: str) -> str:
    """Restrict to a bar's days, or lift the restriction if it is that range already."""
    if args.get("from") == [first] and args.get("to") == [last]:
        return _url(args, **{"from": [], "to": []})
    return _url(args, **{"from": [first], "to": [last]})


def page_url(args: Args, number: int) -> str:
    return _url(args, page=[str(number)])


def _render(status: int, **context: Any) -> tuple[str, int]:
    return render_template(
        "search.html",
        facets=FACETS,
        toggle=toggle_url,
        dates=range_url,
        page=page_url,
        **context,
    ), status


@bp.get("/")
def page() -> tuple[str, int]:
    args = {k: request.args.getlist(k) for k in request.args}
    # Facets may repeat; every other argument is taken once, as the API's parser does.
    given = {k: v if k in REPEATABLE else v[0] for k, v in args.items()}
    try:
        params = SearchArgsSchema().load(given)["params"]
    except ma.ValidationError as error:
        return _render(400, error=error.messages, args=args, result=None)
    try:
        result = execute.search(es(), alias(), params)
    except (ApiError, TransportError) as error:
        code, message = engine_failure(error)
        return _render(code, error={"search": [message]}, args=args, result=None)
    return _render(200, error=None, args=args, result=result, params=params)
