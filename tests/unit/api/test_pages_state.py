"""The pages' URL state, links, charts and safety, without a node: what a shared link keeps,
what it drops and says so, and what every link on a page carries."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from flask.testing import FlaskClient

from api.pages import charts, worldmap
from api.pages.state import iso_day_label, read, span_label
from api.pages.views import _pages, _paragraphs, safe_link
from api.security import HEADERS


def pairs(link: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(link).query)


def test_unknown_arguments_are_ignored_without_a_note() -> None:
    state = read({"q": ["strike"], "fbclid": ["x"], "utm_source": ["y"], "cursor": ["z"]})
    assert state.pairs == (("q", "strike"),)
    assert state.notes == ()


def test_an_invalid_value_is_dropped_with_a_note_and_the_rest_kept() -> None:
    state = read({"q": ["strike"], "size": ["0"], "from": ["2030-13-01"], "speaker": ["Okafor"]})
    assert state.pairs == (("q", "strike"), ("speaker", "Okafor"))
    assert state.params.size == 10 and state.params.date_from is None
    texts = " ".join(n.text for n in state.notes)
    assert "Results per page “0” was left out" in texts
    assert "From “2030-13-01” was left out: not a valid date" in texts


def test_dates_out_of_order_drop_the_end() -> None:
    state = read({"from": ["2030-05-01"], "to": ["2030-01-01"]})
    assert state.pairs == (("from", "2030-05-01"),)
    assert "must not be earlier than from" in state.notes[0].text


def test_a_page_past_the_window_is_dropped_in_plain_words() -> None:
    state = read({"page": ["200"], "size": ["100"]})
    assert state.params.page == 1
    assert "10,000 results" in state.notes[0].text and "cursor" not in state.notes[0].text


def test_one_bad_facet_value_goes_and_the_others_stay() -> None:
    state = read({"place": ["Oslo", "x" * 300, "Oslo", " "]})
    assert state.values("place") == ["Oslo"]
    assert len(state.notes) == 1 and "Place" in state.notes[0].text


def test_blanks_and_defaults_are_left_out_of_links() -> None:
    state = read({"q": [""], "from": [""], "to": [""], "sort": ["relevance"], "size": ["10"]})
    assert state.pairs == () and state.notes == ()
    assert state.link("/") == "/"


def test_any_change_but_paging_goes_back_to_page_one() -> None:
    state = read({"q": ["strike"], "page": ["3"]})
    assert ("page", "3") not in pairs(state.link("/", {"sort": ["newest"]}))
    assert ("page", "4") in pairs(state.page_link("/", 4))
    assert pairs(state.page_link("/", 1)) == [("q", "strike")]


def test_toggling_a_value_selects_it_and_lifts_it() -> None:
    state = read({"q": ["strike"], "place": ["oslo"]})
    oslo = {"value": "Oslo", "count": 4, "selected": True}
    lisbon = {"value": "Lisbon", "count": 2, "selected": False}
    assert pairs(state.toggle("/", "place", oslo, [oslo, lisbon])) == [("q", "strike")]
    assert ("place", "Lisbon") in pairs(state.toggle("/", "place", lisbon, [oslo, lisbon]))


def test_a_speaker_named_by_surname_is_lifted_keeping_the_others_by_id() -> None:
    state = read({"speaker": ["Ferreira"]})
    bill = {"value": "Bill Ferreira", "id": "bill-ferreira", "count": 1, "selected": True}
    hillary = {"value": "Hillary Ferreira", "id": "hillary-ferreira", "count": 1, "selected": True}
    other = {"value": "Tomas Okafor", "id": "tomas-okafor", "count": 5, "selected": False}
    buckets = [bill, hillary, other]
    assert pairs(state.toggle("/", "speaker", bill, buckets)) == [("speaker", "hillary-ferreira")]
    added = pairs(state.toggle("/", "speaker", other, buckets))
    assert added == [("speaker", "Ferreira"), ("speaker", "tomas-okafor")]


def test_a_bar_restricts_to_its_range_and_lifts_it_again() -> None:
    state = read({"q": ["strike"]})
    link = state.date_range("/", "2030-03-01", "2030-03-31")
    assert pairs(link) == [("q", "strike"), ("from", "2030-03-01"), ("to", "2030-03-31")]
    again = read(dict((k, [v]) for k, v in pairs(link)))
    assert pairs(again.date_range("/", "2030-03-01", "2030-03-31")) == [("q", "strike")]


def test_every_filter_is_a_chip_that_removes_only_itself() -> None:
    state = read(
        {
            "q": ["strike"],
            "speaker": ["tomas-okafor"],
            "from": ["2030-03-01"],
            "to": ["2030-03-31"],
            "sort": ["newest"],
            "size": ["50"],
        }
    )
    chips = state.chips("/", {"tomas-okafor": "Tomas Okafor"})
    assert [(c.label, c.value) for c in chips] == [
        ("Words", "strike"),
        ("Speaker", "Tomas Okafor"),
        ("Dates", "March 2030"),
        ("Sort", "newest first"),
        ("Results per page", "50"),
    ]
    dates = dict(pairs(chips[2].remove))
    assert "from" not in dates and dates["speaker"] == "tomas-okafor" and dates["size"] == "50"


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        ("2030-03-01", "2030-03-31", "March 2030"),
        ("2030-01-01", "2030-12-31", "2030"),
        ("2030-01-01", "2031-12-31", "2030–2031"),
        ("2030-03-04", "2030-03-19", "4–19 March 2030"),
        ("2030-03-19", "2030-03-19", "19 March 2030"),
        ("2030-03-04", "2030-05-19", "4 March 2030 – 19 May 2030"),
    ],
)
def test_ranges_in_words(first: str, last: str, said: str) -> None:
    assert span_label(date.fromisoformat(first), date.fromisoformat(last)) == said


def test_single_ends_and_index_dates_in_words() -> None:
    assert span_label(date(2030, 3, 4), None) == "from 4 March 2030"
    assert span_label(None, date(2030, 3, 4)) == "until 4 March 2030"
    assert iso_day_label("2030-03") == "March 2030" and iso_day_label(None) == "date unknown"


def test_a_time_line_shows_the_empty_months_between() -> None:
    chart = charts.from_facet(
        [
            {"from": "2030-03-01", "to": "2030-03-31", "count": 4, "selected": False},
            {"from": "2030-12-01", "to": "2030-12-31", "count": 1, "selected": True},
        ],
        "month",
    )
    assert [b.count for b in chart.bars] == [4, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert chart.bars[0].label == "March 2030" and chart.bars[-1].selected
    tallest, smallest = chart.bars[0], chart.bars[-1]
    assert tallest.y < smallest.y and smallest.height >= 3  # a count of one stays visible
    assert all(0 <= b.x < chart.width for b in chart.bars)


def test_a_chosen_month_is_drawn_whole_in_days() -> None:
    days = [
        {"from": day, "to": day, "count": 1, "selected": True}
        for day in ("2030-03-04", "2030-03-27")
    ]
    chart = charts.from_facet(days, "day", (date(2030, 3, 1), date(2030, 3, 31)))
    assert len(chart.bars) == 31 and chart.bars[0].label == "1 March 2030"
    assert [b.count for b in chart.bars if b.count] == [1, 1]


def test_a_speakers_quotes_over_years() -> None:
    chart = charts.from_profile(
        [{"value": "2024-01-01", "count": 2}, {"value": "2027-01-01", "count": 5}],
        "year",
        (date(2027, 1, 1), None),
    )
    assert [(b.label, b.count, b.selected) for b in chart.bars] == [
        ("2024", 2, False),
        ("2025", 0, False),
        ("2026", 0, False),
        ("2027", 5, True),
    ]


def test_pages_around_the_current_one() -> None:
    assert _pages(1, 1) == [1]
    assert _pages(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert _pages(2, 4) == [1, 2, 3, 4]


def test_a_mark_cut_by_a_paragraph_break_is_closed_and_reopened() -> None:
    body = "One <mark>port\n\nstrike</mark> two.\n\n\n\nThree &lt;b&gt;"
    assert _paragraphs(body) == [
        "One <mark>port</mark>",
        "<mark>strike</mark> two.",
        "Three &lt;b&gt;",
    ]


def test_only_web_addresses_become_source_links() -> None:
    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,x") is None and safe_link(None) is None


def test_a_pin_says_where_in_degrees() -> None:
    pin = worldmap.pin({"name": "Valparaíso", "location": {"lat": -33.036, "lon": -71.62963}})
    assert pin is not None and pin.where == "33.04° S, 71.63° W"
    assert (pin.x, pin.y) == (108.4, 123.0)
    assert worldmap.pin({"name": "Nowhere"}) is None


@pytest.mark.parametrize("url", ["/?q=strike&speaker=x", "/quotes", "/articles/a/b", "/speakers/x"])
def test_an_engine_that_is_down_gives_a_page_with_a_retry_link(down: FlaskClient, url: str) -> None:
    response = down.get(url)
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert "unavailable" in page and ">Try again</a>" in page and ">Start over</a>" in page
    assert response.mimetype == "text/html"


def test_pages_carry_a_policy_against_inline_script(down: FlaskClient) -> None:
    response = down.get("/?q=x")
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
