"""Finding a value inside a long facet with JavaScript (api/static/dateline.js) draws the values
as the server does, the "not"/"include" exclusion links of an excludable facet (the dateline's
country) included; in Debian's Chromium, over an archive of invented articles datelined in
twelve countries; and the note saying how a query was read, scanned by axe-core. Photographed
under test-output/screenshots/ (facet-finder-excluded.png, search-read-as.png)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from flask import Flask

from api import create_app
from tests.live.pages.test_browser import (  # noqa: F401  (fixtures, used by name)
    Tab,
    browser,
    executable,
    playwright_api,
    tabs,
)
from tests.support.archive import build_records
from tests.support.browser import SCREENSHOTS, serving
from tests.support.helpers import drop_indices

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
expect = playwright_api.expect
# Ten capitals with two articles each, two with one: those two are outside the facet's top ten.
CAPITALS = ["OSLO", "LISBON", "MADRID", "ROME", "BERLIN", "PARIS", "VIENNA", "ATHENS"]
CAPITALS += ["WARSAW", "PRAGUE", "HELSINKI", "DUBLIN"]


def _records() -> list[dict[str, Any]]:
    records = []
    for n, city in enumerate(CAPITALS):
        for copy in range(1 if n >= 10 else 2):
            records.append(
                {
                    "id": f"council-{city.lower()}-{copy}",
                    "published": f"2031-05-{n + 1:02d}",
                    "title": f"City council meets in {city.title()}",
                    "text": f"City council meets\n\n{city} (NWS) — The city council met on "
                    f"Monday to discuss the tram lines (number {copy}).",
                }
            )
    return records


@pytest.fixture(scope="module")
def site(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    alias = build_records(tmp_path_factory.mktemp("finder"), _records(), "dateline-test-finder")
    try:
        app: Flask = create_app({"INDEX": alias, "TESTING": True})
        with serving(app) as base:
            yield base
    finally:
        drop_indices(es, alias)


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Callable[..., Tab]]:  # noqa: F811
    with tabs(browser, site) as open_tab:
        yield open_tab


def test_a_value_found_in_the_facet_can_be_left_out(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/")
    assert t.summary() == "1–10 of 22 articles"
    values = page.locator("#values-country li")
    assert values.count() == 10 and "Finland" not in page.inner_text("#values-country")
    page.locator("input.facet-filter[data-facet=country]").fill("fin")
    expect(page.locator("#values-country li")).to_have_count(1)
    found = page.locator("#values-country li")
    assert found.locator("a.value").inner_text().split()[:2] == ["Finland", "1"]
    leave_out = found.locator("a.exclude")
    assert " ".join(leave_out.inner_text().split()) == "not Finland: leave it out"
    t.click(leave_out)
    assert t.query()["country"] == ["-Finland"]
    assert t.summary() == "1–10 of 21 articles · not Finland"
    # Found again, the excluded value offers to include it, as the server draws it.
    page.locator("input.facet-filter[data-facet=country]").fill("fin")
    expect(page.locator("#values-country li")).to_have_count(1)
    include = page.locator("#values-country li a.exclude")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#filters").screenshot(path=SCREENSHOTS / "facet-finder-excluded.png")
    assert include.get_attribute("aria-current") == "true"
    assert include.inner_text().split()[0] == "include"
    t.click(include)
    assert "country" not in t.query() and t.summary() == "1–10 of 22 articles"


def test_a_value_found_and_chosen_lifts_its_exclusion(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/?country=-Ireland")
    assert t.summary() == "1–10 of 21 articles · not Ireland"
    page.locator("input.facet-filter[data-facet=country]").fill("norw")
    expect(page.locator("#values-country li")).to_have_count(1)
    t.click(page.locator("#values-country a.exclude", has_text="Norway"))
    assert t.query()["country"] == ["-Ireland", "-Norway"]
    assert t.summary().startswith("1–10 of 19 articles")


def test_how_the_words_were_read_passes_axe(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/?q=tram OR bus council")
    note = " ".join(page.inner_text(".read-as").split())
    assert "read as (tram OR bus) AND council; add parentheses" in note
    assert t.summary().startswith("1–10 of 22 articles")
    page.locator("#results").screenshot(path=SCREENSHOTS / "search-read-as.png")
    found = axe_playwright.Axe().run(page).response["violations"]
    assert [v["id"] for v in found] == []
