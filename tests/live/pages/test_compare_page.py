"""The compare page on a real node, read as HTML, over tests/data/compare.py's archive (counts
known by construction): the numbers it shows, the links behind them, a bad value dropped with a
note, and the ways to it from a search with several speakers and from a speaker's page."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.live.pages.test_pages import links, page, text

TWO = "/compare?speaker1=Ilse+Marchetti&speaker2=Quayle"


@pytest.fixture(scope="module")
def client(compare_app: Flask) -> FlaskClient:
    return compare_app.test_client()


def test_the_empty_form(client: FlaskClient) -> None:
    html = page(client, "/compare")
    assert "<h1>Compare over time</h1>" in html
    for name in ("speaker1", "q1", "label1", "speaker2", "q2"):
        assert f'name="{name}"' in html
    assert 'name="speaker3"' not in html and 'id="comparison"' not in html


def test_two_speakers_drawn_counted_and_tabled(client: FlaskClient) -> None:
    html = page(client, TWO)
    shown = text(html)
    assert "Articles by month, 1 January 2040 – 31 March 2040" in shown
    assert "Ilse Marchetti: 2 articles (33.3% of 6)" in shown
    assert "Tobias Quayle: 3 articles (50.0% of 6)" in shown
    # The table: a row per month, a cell per series with its share, all articles last.
    rows = re.findall(r"<tr> <th scope=\"row\">(.*?)</tr>", html)
    assert [text(re.sub("<", " <", r)).split() for r in rows[:3]] == [
        ["January", "2040", "1", "33.3%", "1", "33.3%", "3"],
        ["February", "2040", "1", "100.0%", "1", "100.0%", "1"],
        ["March", "2040", "0", "0.0%", "1", "50.0%", "2"],
    ]
    # Each bar and cell opens the articles behind it; the form keeps the series for editing.
    bar = re.search(
        r'<a href="([^"]*)" class="bar s2" aria-label="Tobias Quayle, March 2040: 1 ', html
    )
    assert bar and dict(parse_qsl(urlsplit(bar[1].replace("&amp;", "&")).query)) == {
        "speaker": "tobias-quayle",
        "from": "2040-03-01",
        "to": "2040-03-31",
    }
    assert 'name="speaker2" value="Quayle"' in html and 'name="speaker3"' in html
    assert "/api/compare?speaker1=Ilse+Marchetti&amp;speaker2=Quayle&amp;format=csv" in html
    for link in links(html):
        if link.startswith(("/?", "/quotes?", "/compare", "/api/compare")):
            assert client.get(link).status_code == 200, link


def test_shares_on_one_scale(client: FlaskClient) -> None:
    html = page(client, TWO + "&show=share")
    assert "Share of all articles by month" in html
    scale = re.search(r'<div class="scale" aria-hidden="true">(.*?)</div>', html)
    assert scale and re.findall(r"<span>(.*?)</span>", scale[1]) == [
        "0.0%",
        "25.0%",
        "50.0%",
        "75.0%",
        "100.0%",
    ]
    counted = page(client, TWO)
    scale = re.search(r'<div class="scale" aria-hidden="true">(.*?)</div>', counted)
    assert scale and re.findall(r"<span>(.*?)</span>", scale[1]) == ["0", "1"]


def test_bad_values_are_noted_and_the_rest_compared(client: FlaskClient) -> None:
    html = page(client, "/compare?speaker1=Quayle&speaker2=Marchety&q7=tunnel&interval=fortnight")
    notes = text(
        html[html.index('class="notes"') : html.index("</div>", html.index('class="notes"'))]
    )
    assert "Series 7 words “tunnel” was left out: at most 6 series are compared." in notes
    assert "Interval “fortnight” was left out" in notes
    assert "Series 2 speaker “Marchety” was left out: no one in the archive has this name." in notes
    assert "Compare Marchetti instead" in notes  # the registry's did-you-mean
    way = next(h for h in links(html) if "speaker2=Marchetti" in h)
    assert "Ilse Marchetti: 2 articles" in text(page(client, way))
    assert "Tobias Quayle: 3 articles" in text(html)


def test_a_search_with_two_speakers_leads_to_comparing_them(client: FlaskClient) -> None:
    html = page(client, "/?q=tunnel&speaker=Marchetti&speaker=Quayle&agency=DPN")
    link = next(h for h in links(html) if h.startswith("/compare?"))
    assert dict(parse_qsl(urlsplit(link).query)) == {
        "speaker1": "ilse-marchetti",
        "q1": "tunnel",
        "agency1": "DPN",
        "speaker2": "tobias-quayle",
        "q2": "tunnel",
        "agency2": "DPN",
    }
    assert "Compare these speakers over time" in html
    assert "Compare these speakers" not in page(client, "/?speaker=Quayle")
    speaker = page(client, "/speakers/tobias-quayle")
    assert "/compare?speaker1=tobias-quayle&measure=quotes" in links(speaker)


def test_a_name_two_people_bear_can_be_compared_apart(app: Flask) -> None:
    sample = app.test_client()  # the sample archive: Bill and Hillary Ferreira
    html = page(sample, "/compare?speaker1=Ferreira&q2=stadium")
    assert "Bill Ferreira or Hillary Ferreira:" in text(html)
    apart = next(h for h in links(html) if "speaker2=" in h and "ferreira" in h)
    assert dict(parse_qsl(urlsplit(apart).query)) == {
        "speaker1": "bill-ferreira",
        "speaker2": "hillary-ferreira",
        "q3": "stadium",
    }
    split = text(page(sample, apart))
    assert "Bill Ferreira:" in split and "Hillary Ferreira:" in split


def test_dates_too_far_apart_for_any_interval_are_noted(client: FlaskClient) -> None:
    html = page(client, "/compare?q1=bridge&from=0001-01-01&to=9999-12-31&interval=day")
    notes = text(html)
    assert "Interval “day” was left out: day by day from 0001-01-01 to 9999-12-31" in notes
    assert "Interval “year” was left out" in notes  # chosen from the dates, and as many
    assert 'id="comparison"' not in html
