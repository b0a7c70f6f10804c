"""The compare page in a real browser (Debian's Chromium), over tests/data/compare.py's archive:
set up from its form with and without JavaScript, on a desktop and a 390 px phone, a bar opened
by mouse and by keyboard; scanned by axe-core (no violation of any impact) and photographed
under test-output/screenshots/ (compare-*.png). Without JavaScript the page's scripts, axe-core
among them, cannot run: the same HTML is scanned and measured with it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask

from tests.live.pages.test_browser import (  # noqa: F401  (fixtures, used by name)
    Tab,
    browser,
    executable,
    tabs,
)
from tests.support.browser import DESKTOP, PHONE, SCREENSHOTS, serving

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def site(compare_app: Flask) -> Iterator[str]:
    with serving(compare_app) as base:
        yield base


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Callable[..., Tab]]:  # noqa: F811
    with tabs(browser, site) as open_tab:
        yield open_tab


def violations(page: Any) -> list[str]:
    """Every violation axe-core finds, whatever its impact."""
    found = axe_playwright.Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_compare_two_speakers_from_the_form(tab: Callable[..., Tab], js: bool, width: str) -> None:
    viewport = VIEWPORTS[width]
    t = tab(js=js, viewport=viewport)
    page = t.page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = f"compare-{width}-{'js' if js else 'no-js'}"
    t.go("/compare")
    if js:  # axe-core and page scripts run only where scripts do; the HTML is the same
        assert violations(page) == []
    page.screenshot(path=SCREENSHOTS / f"{shot}-form.png", full_page=True)

    page.fill("input[name=speaker1]", "Ilse Marchetti")
    page.fill("input[name=speaker2]", "Quayle")
    page.check("input[name=measure][value=quotes]")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert t.query() == {  # the form's empty boxes are sent blank, and read as absent
        "speaker1": ["Ilse Marchetti"],
        "speaker2": ["Quayle"],
        "measure": ["quotes"],
    }
    legend = " ".join(page.inner_text(".legend").split())
    assert "Ilse Marchetti: 3 quotes (42.9% of 7)" in legend
    assert "Tobias Quayle: 4 quotes (57.1% of 7)" in legend
    if js:
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert violations(page) == []
    page.screenshot(path=SCREENSHOTS / f"{shot}.png", full_page=True)

    # A bar opens the quotes it counts.
    bar = page.locator("svg.grouped a[aria-label^='Tobias Quayle, March 2040']")
    assert bar.get_attribute("aria-label") == "Tobias Quayle, March 2040: 2 quotes (100.0% of all)"
    t.click(bar)
    assert t.query() == {"speaker": ["tobias-quayle"], "from": ["2040-03-01"], "to": ["2040-03-31"]}
    assert page.locator(".hit").count() == 2


def test_a_bar_by_keyboard_and_the_share_view(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/compare?speaker1=Ilse+Marchetti&speaker2=Quayle&q3=bridge")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the comparison"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "comparison"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg.grouped a')"):
            break
    else:
        pytest.fail("no bar can be reached by Tab")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r"Ilse Marchetti, January 2040: 1 article \(33\.3% of all\)", label)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert t.query()["speaker"] == ["ilse-marchetti"]
    page.go_back()
    t.click(page.get_by_role("link", name="Share of all articles"))
    assert page.locator(".show a[aria-current=true]").inner_text() == "Share of all articles"
    assert violations(page) == []
    page.screenshot(path=SCREENSHOTS / "compare-desktop-share.png", full_page=True)
