"""Comparing series over time, the pure parts: the calendar's periods, which periods are asked
and drawn, the axis, shares, labels and the scale's round ticks."""

from __future__ import annotations

from datetime import date

import pytest

from api.pages.charts import grouped, tick_step
from search.query import compare
from search.query.compare import CompareError, Comparison, Counted, Series
from search.query.periods import count, period, start

D = date.fromisoformat
BRIDGE = Series(q="bridge")


def test_periods_as_elasticsearch_buckets_them() -> None:
    assert start(D("2040-01-01"), "week") == D("2039-12-26")  # a Sunday: Monday's week
    assert period(D("2039-12-26"), "week") == (D("2039-12-26"), D("2040-01-01"))
    assert period(D("2040-02-01"), "month") == (D("2040-02-01"), D("2040-02-29"))
    assert count(D("2040-01-01"), D("2040-01-31"), "week") == 6
    assert count(D("2039-11-30"), D("2040-02-01"), "month") == 4
    assert count(D("2000-01-01"), D("2040-12-31"), "day") == 14976
    assert period(D("9999-12-01"), "month") == (D("9999-12-01"), D("9999-12-31"))  # the last
    assert period(D("9999-12-27"), "week") == (D("9999-12-27"), D("9999-12-31"))


def test_what_is_asked_first_and_drawn() -> None:
    bounded = Comparison((BRIDGE,), date_from=D("2040-01-01"), date_to=D("2040-01-31"))
    assert compare.first_ask(bounded) == "day"  # chosen from the bounds: one request
    assert compare.first_ask(Comparison((BRIDGE,), interval="year")) == "year"
    open_ended = Comparison((BRIDGE,))
    assert compare.first_ask(open_ended) == "month"
    span = (D("2040-02-10"), D("2040-03-16"))
    assert compare.settle(open_ended, "month", span) == "day"
    assert compare.needs_another("month", "day") and not compare.needs_another("month", "year")
    assert compare.window(span, "week") == (D("2040-02-06"), D("2040-03-18"))
    with pytest.raises(CompareError) as refused:
        compare.first_ask(
            Comparison(
                (BRIDGE,), interval="day", date_from=D("2000-01-01"), date_to=D("2040-12-31")
            )
        )
    assert refused.value.argument == "interval" and "more than 400" in refused.value.message


def test_the_answer_on_the_axis_with_shares() -> None:
    asked = Comparison((BRIDGE, Series(filters={"speaker": ("x",)}, label="X", number=2)))
    counted = [
        Counted({D("2040-01-01"): 3}, 3, D("2040-01-05"), D("2040-01-25")),
        Counted({D("2040-03-01"): 1}, 2, D("2040-03-15"), D("2040-03-15")),
    ]
    span = compare.axis(asked, counted)
    assert span == (D("2040-01-05"), D("2040-03-15"))
    everything = {D("2040-01-01"): 3, D("2040-02-01"): 1, D("2040-03-01"): 2}
    counts = [compare.rolled(c, "month") for c in counted] + [everything]
    described = [{"label": "“bridge”", "speakers_named": []}, {"label": "X", "speakers_named": []}]
    answer = compare.shaped(asked, "month", span, counts, [0, 1], described)
    assert (answer["from"], answer["to"], answer["total"]) == ("2040-01-01", "2040-03-31", 6)
    first, second = answer["series"]
    assert [b["share"] for b in first["buckets"]] == [1.0, 0.0, 0.0]
    assert (second["number"], second["total"], second["share"], second["undated"]) == (
        2,
        1,
        1 / 6,
        1,
    )


def test_labels_say_what_a_series_asks() -> None:
    named = [
        {
            "value": "Clinton",
            "people": [],
            "candidates": [{"id": "b", "name": "Bill"}, {"id": "h", "name": "Hillary"}],
        }
    ]
    series = Series(q="wall", filters={"speaker": ("Clinton",), "agency": ("NWS",)})
    assert compare.label(series, named) == "Bill or Hillary · Agency: NWS · “wall”"
    assert compare.label(Series(q="wall", label="Mine"), []) == "Mine"


def test_round_ticks_on_one_scale() -> None:
    assert [tick_step(v, whole=True) for v in (0, 1, 3, 7, 41, 950)] == [1, 1, 1, 2, 20, 250]
    assert tick_step(1.0, whole=False) == 0.25
    chart = grouped(
        [
            [(D("2040-01-01"), D("2040-01-31"), 3, 1.0)],
            [(D("2040-01-01"), D("2040-01-31"), 1, 1 / 3)],
        ],
        shares=False,
    )
    assert [t.value for t in chart.ticks] == [0, 1, 2, 3]
    tall, short = chart.bars
    assert tall.height == 3 * short.height  # one scale: three times the count, three times as tall
