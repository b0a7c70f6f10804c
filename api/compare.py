"""`/api/compare`: up to six series on one time axis, counts and shares (search.query.compare),
as JSON or CSV; every count links to the search page that lists what it counts."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from typing import Any

import marshmallow as ma
from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from api import examples
from api.arguments import CompareArgsSchema
from api.engine import alias, es
from api.errors import fail
from api.pages.series import linked
from api.render import json_answer
from api.responses import CompareResultSchema
from search.query import execute
from search.query.compare import CompareError, Comparison
from search.xmltext import xml_safe

blp = Blueprint("compare", __name__, url_prefix="/api", description="Compare over time.")
CSV_HEADER = ["series", "label", "from", "to", "count", "total", "share"]
# A spreadsheet runs a cell starting so as a formula (OWASP, CSV injection): such a text cell
# starts with an apostrophe instead, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: str) -> str:
    value = xml_safe(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_text(answer: Mapping[str, Any]) -> str:
    """One row per series and period, with the period's total and the share; a byte-order mark
    first, so Excel reads the UTF-8 (curly quotes in labels) as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for series in answer["series"]:
        label = _text_cell(series["label"])
        for bucket, total in zip(series["buckets"], answer["buckets"], strict=True):
            share = "" if bucket["share"] is None else repr(bucket["share"])
            row = [series["number"], label, bucket["from"], bucket["to"], bucket["count"]]
            writer.writerow([*row, total["total"], share])
    return out.getvalue()


def compared(comparison: Comparison) -> dict[str, Any]:
    """The comparison's answer, with its links; a value it cannot use is a 422 naming it."""
    try:
        answer = execute.compare(es(), alias(), comparison)
    except CompareError as error:
        fail(422, error.message, {"query": {error.argument: [error.message]}})
    return linked(comparison, answer)


@blp.route("/compare")
class Compare(MethodView):
    @blp.arguments(CompareArgsSchema, location="query", unknown=ma.RAISE)
    @blp.response(200, CompareResultSchema, example=examples.COMPARE)
    @blp.doc(responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    def get(self, args: dict[str, Any]) -> Response:
        """Up to six series on one time axis: per period, each series' count and its share of
        every article (or quote) of the archive then, and its totals. Series n is the
        arguments numbered n (`q1`, `speaker1`, `agency1`…; several: all hold). One request
        to Elasticsearch for every series and the denominator. `format=csv`: one row per
        series and period (series, label, from, to, count, total, share), for a spreadsheet."""
        answer = compared(args["comparison"])
        if args["format"] == "csv":
            name = f"dateline-compare-{date.today().isoformat()}.csv"
            return Response(
                csv_text(answer),
                mimetype="text/csv",
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
            )
        return json_answer(answer)
