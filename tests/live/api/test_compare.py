"""`/api/compare` on a real node, over tests/data/compare.py's fictional archive, whose counts are
known by construction: exact counts and shares per period, the axis and its interval, every
count's link listing exactly what it counts, CSV as a spreadsheet reads it, and each bad value
refused with a 422 that names it."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

MARCHETTI, QUAYLE = "Ilse Marchetti", "Tobias Quayle"
MONTHS = [("2040-01-01", "2040-01-31"), ("2040-02-01", "2040-02-29"), ("2040-03-01", "2040-03-31")]


@pytest.fixture(scope="module")
def client(compare_app: Flask) -> FlaskClient:
    return compare_app.test_client()


def compare(client: FlaskClient, query: str) -> dict[str, Any]:
    response = client.get(f"/api/compare?{query}")
    assert response.status_code == 200, response.get_json()
    found: dict[str, Any] = response.get_json()
    return found


def refused(client: FlaskClient, query: str) -> dict[str, Any]:
    response = client.get(f"/api/compare?{query}")
    assert response.status_code == 422, response.get_data(as_text=True)
    found: dict[str, Any] = response.get_json()
    assert found["code"] == 422 and found["message"]
    return found["errors"]["query"]


def counts(series: dict[str, Any]) -> list[int]:
    return [b["count"] for b in series["buckets"]]


def shares(series: dict[str, Any]) -> list[float | None]:
    return [b["share"] for b in series["buckets"]]


def test_two_speakers_in_articles_by_month(client: FlaskClient) -> None:
    found = compare(client, f"speaker1={MARCHETTI}&speaker2=Quayle")
    assert (found["measure"], found["interval"]) == ("articles", "month")  # 70 days: months
    assert (found["from"], found["to"]) == ("2040-01-01", "2040-03-31")  # whole months
    assert [(b["from"], b["to"]) for b in found["buckets"]] == MONTHS
    assert [b["total"] for b in found["buckets"]] == [3, 1, 2] and found["total"] == 6
    marchetti, quayle = found["series"]
    assert marchetti["label"] == MARCHETTI and quayle["label"] == QUAYLE
    assert quayle["speakers_named"][0]["people"] == [{"id": "tobias-quayle", "name": QUAYLE}]
    assert counts(marchetti) == [1, 1, 0] and shares(marchetti) == [1 / 3, 1.0, 0.0]
    assert counts(quayle) == [1, 1, 1] and shares(quayle) == [1 / 3, 1.0, 0.5]
    assert (marchetti["total"], marchetti["share"]) == (2, 2 / 6)
    assert (quayle["total"], quayle["share"], quayle["undated"]) == (3, 3 / 6, 0)


def test_their_quotes_by_month(client: FlaskClient) -> None:
    found = compare(client, f"speaker1={MARCHETTI}&speaker2={QUAYLE}&measure=quotes")
    assert [b["total"] for b in found["buckets"]] == [3, 2, 2]  # every quote of the month
    marchetti, quayle = found["series"]
    assert counts(marchetti) == [2, 1, 0] and shares(marchetti) == [2 / 3, 0.5, 0.0]
    assert counts(quayle) == [1, 1, 2] and shares(quayle) == [1 / 3, 0.5, 1.0]
    assert (marchetti["total"], quayle["total"], found["total"]) == (3, 4, 7)


def test_words_and_combinations(client: FlaskClient) -> None:
    found = compare(
        client, "q1=bridge&speaker2=Quayle&agency2=DPN&label2=Quayle at DPN&q3=toll&interval=month"
    )
    assert found["to"] == "2040-02-29"  # the axis ends with the last match of any series
    bridge, at_dpn, toll = found["series"]
    assert bridge["label"] == "“bridge”" and counts(bridge) == [3, 0]
    assert at_dpn["label"] == "Quayle at DPN" and counts(at_dpn) == [1, 1]
    assert counts(toll) == [1, 0]  # "tolls" in cmp-1's title and body: stemmed
    quoted = compare(client, "q1=toll&measure=quotes")["series"][0]
    assert quoted["total"] == 1  # of Marchetti's two quotes in cmp-1, one says "toll"


def test_every_count_links_to_the_search_listing_it(client: FlaskClient) -> None:
    for measure, api in (("articles", "/api/search"), ("quotes", "/api/quotes")):
        found = compare(client, f"speaker1={MARCHETTI}&q2=tunnel&speaker3=Quayle&measure={measure}")
        for series in found["series"]:
            listed = [(b["search"], b["count"]) for b in series["buckets"]]
            listed += [(b["search"], b["total"]) for b in found["buckets"]]
            listed.append((series["search"], series["total"]))
            for link, expected in listed:
                parts = urlsplit(link)
                assert parts.path == ("/" if measure == "articles" else "/quotes")
                answer = client.get(f"{api}?{parts.query}").get_json()
                assert answer["total"] == {"value": expected, "relation": "eq"}, link


def test_the_axis_follows_bounds_and_interval(client: FlaskClient) -> None:
    weeks = compare(client, "q1=bridge&from=2040-01-01&to=2040-01-31&interval=week")
    assert [(b["from"], b["to"]) for b in weeks["buckets"]] == [
        ("2040-01-01", "2040-01-01"),  # a Sunday: its week began in 2039, cut by `from`
        ("2040-01-02", "2040-01-08"),
        ("2040-01-09", "2040-01-15"),
        ("2040-01-16", "2040-01-22"),
        ("2040-01-23", "2040-01-29"),
        ("2040-01-30", "2040-01-31"),  # cut by `to`
    ]
    assert counts(weeks["series"][0]) == [0, 1, 0, 1, 1, 0]
    days = compare(client, "q1=bridge&from=2040-01-01&to=2040-01-31")
    assert days["interval"] == "day" and len(days["buckets"]) == 31
    assert [b["from"] for b in days["buckets"] if b["total"]] == [
        "2040-01-05",
        "2040-01-20",
        "2040-01-25",
    ]
    # No bounds: the span of the matches (10 February to 16 March) calls for days.
    tunnel = compare(client, "q1=tunnel")
    assert tunnel["interval"] == "day" and (tunnel["from"], tunnel["to"]) == (
        "2040-02-10",
        "2040-03-16",
    )
    assert len(tunnel["buckets"]) == 36 and tunnel["series"][0]["total"] == 2
    years = compare(client, f"speaker1={QUAYLE}&interval=year")
    assert [(b["from"], b["to"], b["total"]) for b in years["buckets"]] == [
        ("2040-01-01", "2040-12-31", 6)
    ]
    assert counts(years["series"][0]) == [3]


def test_nothing_matching_is_an_empty_axis(client: FlaskClient) -> None:
    found = compare(client, "q1=zeppelin")
    assert found["buckets"] == [] and found["series"][0]["total"] == 0
    assert found["series"][0]["share"] is None
    bounded = compare(client, "q1=zeppelin&from=2040-01-01&to=2040-03-31")
    assert [b["total"] for b in bounded["buckets"]] == [3, 1, 2]
    assert counts(bounded["series"][0]) == [0, 0, 0]


def test_bad_values_are_named_never_a_500(client: FlaskClient) -> None:
    assert "at most 6 series" in refused(client, "q1=bridge&q7=tunnel")["q7"][0]
    assert refused(client, "q1=bridge&interval=fortnight")["interval"]
    assert "at least one series" in refused(client, "interval=month")["q1"][0]
    assert refused(client, "q1=bridge&from=2040-03-01&to=2040-01-01")["to"]
    too_many = refused(client, "q1=bridge&interval=day&from=2000-01-01&to=2040-12-31")
    assert "more than 400" in too_many["interval"][0]
    assert "asks for nothing" in refused(client, "q1=bridge&label2=alone")["label2"][0]
    assert refused(client, "q1=bridge&colour1=red")  # unknown arguments are refused
    unknown = refused(client, "speaker1=Quayle&speaker2=Marchety")["speaker2"][0]
    assert "nobody in the archive is named “Marchety”" in unknown
    assert unknown.endswith("did you mean Marchetti?")  # the registry's did-you-mean


def test_csv_as_a_spreadsheet_reads_it(client: FlaskClient) -> None:
    response = client.get(
        f"/api/compare?speaker1={MARCHETTI}&label1=%3DHYPERLINK(1)&speaker2=Quayle&format=csv"
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only after a byte-order mark
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), dialect="excel"))
    assert rows[0] == ["series", "label", "from", "to", "count", "total", "share"]
    assert rows[1] == ["1", "'=HYPERLINK(1)", "2040-01-01", "2040-01-31", "1", "3", repr(1 / 3)]
    assert [r[4] for r in rows[1:]] == ["1", "1", "0", "1", "1", "1"]
    assert rows[6][1:] == [QUAYLE, "2040-03-01", "2040-03-31", "1", "2", "0.5"]
    alone = compare(client, f"speaker1={MARCHETTI}&speaker2=Quayle")["series"][1]["csv"]
    rows = list(csv.reader(io.StringIO(client.get(alone).get_data().decode("utf-8-sig"))))
    assert [r[4] for r in rows[1:]] == ["1", "1", "1"]  # Quayle alone, on the same months


def test_outlets_side_by_side(client: FlaskClient) -> None:
    """A media researcher's first comparison: one outlet against another, its name in any case."""
    found = compare(client, "outlet1=harbour-times&outlet2=COAST-COURIER&interval=month")
    harbour, coast = found["series"]
    assert counts(harbour) == [2, 0, 1] and counts(coast) == [1, 1, 1]
    assert [h + c for h, c in zip(counts(harbour), counts(coast), strict=True)] == [
        b["total"] for b in found["buckets"]
    ]
