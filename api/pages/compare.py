"""The compare page (`/compare`): series from the URL drawn on one scale, with a legend, a
table and CSV, every count a link to the results behind it. Read forgivingly, as every page is:
unknown arguments are ignored, a value that cannot be used is dropped with a note (a speaker
nobody is named with its did-you-mean), and what remains is compared."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import marshmallow as ma
from flask import request

from api.arguments import SERIES_NUMBERS, CompareArgsSchema, numbered
from api.engine import alias, es
from api.pages import charts
from api.pages.series import comparison_pairs, linked
from api.pages.state import LABELS, Note, _messages, href, plain, span_label
from api.pages.views import _render, bp
from search.query import execute
from search.query.compare import MAX_SERIES, CompareError, Comparison
from search.schema import FACETS_BY_NAME, SPEAKER_FACET

SHOWN_FACETS = tuple(name for name in ("speaker", "outlet") if name in FACETS_BY_NAME)
INTERVAL_CHOICES = (
    ("", "Automatic"),
    ("day", "Day"),
    ("week", "Week"),
    ("month", "Month"),
    ("year", "Year"),
)
_OWN = ("measure", "interval", "from", "to")


@dataclass(frozen=True)
class Suggested:
    """A note's way out: a link replacing a value that names nobody with a name that does."""

    text: str
    link: str


def _given(args: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The comparison's arguments: its own and the numbered ones, blanks dropped (a form's
    empty row), facets deduplicated; a seventh series and beyond are set aside by `read`."""
    given: dict[str, Any] = {}
    for key, raw in args.items():
        values = [v.strip() for v in raw if v.strip()]
        found = numbered(key)
        if not values or (found is None and key not in _OWN):
            continue
        if found and found[0] in FACETS_BY_NAME:
            given[key] = list(dict.fromkeys(values))
        else:
            given[key] = values[0]
    return given


def _label(key: str) -> str:
    found = numbered(key)
    if found is None:
        return {"measure": "Count", "interval": "Interval", "from": "From", "to": "Until"}.get(
            key, key
        )
    name, n = found
    own = {"q": "Words", "label": "Label"}.get(name) or LABELS.get(name, name)
    return f"Series {n} {own.lower()}"


def _note(key: str, value: Any, reason: str) -> Note:
    shown = ", ".join(value) if isinstance(value, list) else str(value)
    return Note(_label(key), shown, reason)


def read(args: Mapping[str, Sequence[str]]) -> tuple[Comparison | None, list[Note]]:
    """The comparison a query string asks for (None: no series yet) and what was dropped."""
    given = _given(args)
    notes: list[Note] = []
    for key in sorted(k for k in given if (f := numbered(k)) and f[1] not in SERIES_NUMBERS):
        notes.append(_note(key, given.pop(key), f"at most {MAX_SERIES} series are compared"))
    schema = CompareArgsSchema()
    while True:
        try:
            comparison: Comparison = schema.load(given)["comparison"]
            return comparison, notes
        except ma.ValidationError as error:
            messages = _messages(error)
            if set(messages) == {"q1"} and "q1" not in given:
                return None, notes  # nothing asked yet: the empty form
            dropped = [k for k in messages if k in given]
            if not dropped:
                return None, [*notes, Note("Comparison", "", "it could not be read")]
            for key in dropped:
                problem = messages[key]
                reason = plain(" ".join(_flat(problem)))
                notes.append(_note(key, given.pop(key), reason))


def _flat(problem: Any) -> list[str]:
    if isinstance(problem, dict):
        return [m for inner in problem.values() for m in _flat(inner)]
    if isinstance(problem, list):
        return [m for inner in problem for m in _flat(inner)]
    return [str(problem)]


def _without(comparison: Comparison, argument: str, value: str | None) -> Comparison | None:
    """The comparison without the value a `CompareError` blamed (its interval, or a speaker
    value, and the series if nothing else is left of it); None when nothing is left."""
    if argument == "interval":  # too many periods: automatic ones, if they were not already
        return replace(comparison, interval=None) if comparison.interval else None
    found = numbered(argument)
    kept = []
    for series in comparison.series:
        if found and series.number == found[1]:
            values = tuple(v for v in series.filters.get(found[0], ()) if v != value)
            filters = {k: v for k, v in series.filters.items() if k != found[0]}
            series = replace(series, filters={**filters, **({found[0]: values} if values else {})})
            if not (series.q or series.filters):
                continue
        kept.append(series)
    return replace(comparison, series=tuple(kept)) if kept else None


def _answer(
    comparison: Comparison, notes: list[Note]
) -> tuple[Comparison | None, dict[str, Any] | None, list[Suggested]]:
    """Compared; a value the archive cannot use is noted, dropped, and the rest compared."""
    ways: list[Suggested] = []
    current: Comparison | None = comparison
    while current is not None:
        try:
            return current, linked(current, execute.compare(es(), alias(), current)), ways
        except CompareError as error:
            value = error.value
            named = error.argument.startswith(SPEAKER_FACET.name)
            reason = "no one in the archive has this name" if named else plain(error.message)
            notes.append(_note(error.argument, value, reason))
            for suggestion in error.suggestions:
                changed = [
                    (k, suggestion if k == error.argument and v == value else v)
                    for k, v in comparison_pairs(current)
                ]
                ways.append(Suggested(f"Compare {suggestion} instead", href("/compare", changed)))
            current = _without(current, error.argument, value)
    return None, None, ways


def _apart(comparison: Comparison, answer: Mapping[str, Any]) -> list[Suggested]:
    """For a series whose speaker is a name several people bear ("Clinton"), a link that
    compares each of them as a series of their own, in its place."""
    ways = []
    for at, found in enumerate(answer["series"]):
        people = [
            p
            for reading in found["speakers_named"]
            if not reading["people"]
            for p in reading["candidates"]
        ]
        if len(people) < 2:
            continue
        asked = comparison.series[at]
        others = {k: v for k, v in asked.filters.items() if k != SPEAKER_FACET.name}
        split = [
            replace(asked, filters={**others, SPEAKER_FACET.name: (p["id"],)}, label="")
            for p in people
        ]
        series = [*comparison.series[:at], *split, *comparison.series[at + 1 :]][:MAX_SERIES]
        renumbered = tuple(replace(s, number=n) for n, s in enumerate(series, 1))
        names = " and ".join(p["name"] for p in people)
        link = href("/compare", comparison_pairs(replace(comparison, series=renumbered)))
        ways.append(Suggested(f"Compare {names} apart", link))
    return ways


def _percent(value: float | None) -> str:
    if value is None:
        return "–"
    shown = f"{value * 100:.1f}" if value >= 0.001 or value == 0 else f"{value * 100:.2f}"
    return shown + "%"


def _number(value: float, shares: bool) -> str:
    return _percent(value) if shares else f"{value:,.0f}"


@bp.get("/compare")
def compare() -> tuple[str, int, dict[str, str]]:
    """Up to six series over time on one scale, with a legend, a table and CSV."""
    asked, notes = read(request.args.to_dict(flat=False))
    comparison, answer, ways = _answer(asked, notes) if asked else (None, None, [])
    shares = request.args.get("show") == "share"
    chart = None
    apart: list[Suggested] = []
    pairs: list[tuple[str, str]] = []
    if comparison and answer:
        pairs = comparison_pairs(comparison)
        apart = _apart(comparison, answer)
        chart = charts.grouped(
            [
                [
                    (
                        date.fromisoformat(b["from"]),
                        date.fromisoformat(b["to"]),
                        b["count"],
                        b["share"],
                    )
                    for b in s["buckets"]
                ]
                for s in answer["series"]
            ],
            shares,
        )
    rows = max((s.number for s in comparison.series), default=0) if comparison else 0
    shown_rows = min(max(rows + 1, 2), MAX_SERIES)
    return _render(
        "compare.html",
        comparison=comparison,
        answer=answer,
        chart=chart,
        notes=notes,
        ways=ways,
        apart=apart,
        shares=shares,
        rows=range(1, shown_rows + 1),
        series_of={s.number: s for s in comparison.series} if comparison else {},
        color_of={s.number: k for k, s in enumerate(comparison.series, 1)} if comparison else {},
        rows_max=MAX_SERIES,
        bar_width=charts.WIDTH,
        shown_facets=SHOWN_FACETS,
        facets=FACETS_BY_NAME,
        intervals=INTERVAL_CHOICES,
        percent=_percent,
        number=_number,
        show_link=lambda show: href("/compare", [*pairs, *([("show", "share")] if show else [])]),
        csv_all=href("/api/compare", [*pairs, ("format", "csv")]) if answer else None,
        span=span_label,
        day_of=date.fromisoformat,
    )
