"""The pages in a real browser (Debian's headless Chromium, driven by Playwright), as a
journalist uses them: with and without JavaScript, on a desktop and on a phone, by mouse and
by keyboard; every page scanned by axe-core and photographed under test-output/screenshots/."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask

from api import create_app
from search.config import EsSettings
from tests.data.records import PLANTED
from tests.support.browser import (
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    chromium,
    serving,
)

playwright_api = pytest.importorskip("playwright.sync_api")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
Page = Any  # playwright.sync_api.Page: its types are not checked here


@pytest.fixture(scope="module")
def executable() -> str:
    found = chromium()
    if found is None:
        reason = "no Chromium: `bash deploy/setup.sh` installs chromium and chromium-driver"
        if os.environ.get("DATELINE_REQUIRE_ES") or os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def site(app: Flask) -> Iterator[str]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser(executable: str) -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Tab:
    """A page in a fresh browser context, with what the console reported."""

    def __init__(self, browser: Any, site: str, *, js: bool, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(java_script_enabled=js, viewport=viewport)
        self.page = self.context.new_page()
        self.site = site
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        document = message.location.get("url") == self.page.url
        if message.type in {"error", "warning"} and not (
            document and "status of 404" in message.text
        ):
            self.problems.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        return self.page.goto(self.site + path)

    def summary(self) -> str:
        return " ".join(self.page.inner_text("#results-heading").split())

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def count(self, facet: str, value: str) -> int:
        link = self.page.locator(f"#values-{facet} a.value", has_text=value)
        return int(link.locator(".count").inner_text().split()[0].replace(",", ""))

    def click(self, locator: Any) -> None:
        with self.page.expect_navigation():
            locator.click()


@contextmanager
def tabs(browser: Any, site: str) -> Iterator[Callable[..., Tab]]:
    """Opens tabs on `site`; on leaving, closes them and fails on any script error, CSP
    violation or dialog one of them met."""
    opened: list[Tab] = []

    def open_tab(js: bool = True, viewport: dict[str, int] = DESKTOP) -> Tab:
        opened.append(Tab(browser, site, js=js, viewport=viewport))
        return opened[-1]

    yield open_tab
    for t in opened:
        t.context.close()
    for t in opened:
        assert not t.problems, t.problems  # CSP violations and script errors land here
        assert not t.dialogs, t.dialogs


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Callable[..., Tab]]:
    with tabs(browser, site) as open_tab:
        yield open_tab


# --- the flow, with and without JavaScript --------------------------------------------------


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_a_journalists_search(tab: Callable[..., Tab], js: bool) -> None:
    t = tab(js=js)
    page = t.page
    t.go("/")
    shown = re.fullmatch(r"1–10 of (\d+) articles", t.summary())
    assert shown, t.summary()
    everything = int(shown[1])

    # Type a query.
    page.fill("#q", "strike")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert t.summary() == "5 articles for strike"
    agencies = (t.count("agency", "NWS"), t.count("agency", "DPN"))
    assert sum(agencies) == 5

    # Tick a speaker: the hits and the other facets' counts follow; untick it again.
    hers = t.count("speaker", "Irene Castellanos")
    t.click(page.locator("#values-speaker a.value", has_text="Irene Castellanos"))
    assert t.query()["speaker"] == ["irene-castellanos"]
    assert t.summary() == f"{hers} articles for strike · Irene Castellanos"
    chosen = page.locator("#values-speaker a.value").first  # the selected value comes first
    assert chosen.get_attribute("aria-current") == "true"
    assert "Irene Castellanos" in chosen.inner_text()
    assert t.count("speaker", "Irene Castellanos") == hers
    narrowed = (t.count("agency", "NWS"), t.count("agency", "DPN"))
    assert sum(narrowed) == hers and narrowed != agencies
    t.click(chosen)
    assert t.summary() == "5 articles for strike"
    assert (t.count("agency", "NWS"), t.count("agency", "DPN")) == agencies

    # Pick a month on the time line: a range, shown as a chip.
    march = page.locator("svg.bars a[aria-label^='March 2030']")
    in_march = int(march.get_attribute("aria-label").split(": ")[1].split()[0])
    t.click(march)
    assert t.query()["from"] == ["2030-03-01"] and t.query()["to"] == ["2030-03-31"]
    assert t.summary() == f"{in_march} articles for strike · March 2030"
    assert page.locator("svg.bars a[aria-current=true]").count() >= 1  # its days, chosen
    assert page.locator(".chip", has_text="March 2030").count() == 1

    # Remove the words' chip: the dates stay.
    t.click(page.locator(".chip", has_text="Words"))
    assert "q" not in t.query() and t.summary().endswith("articles · March 2030")

    # Start over, page, sort.
    t.click(page.get_by_role("link", name="Start over"))
    t.click(page.locator(".pagination a[rel=next]"))
    assert t.summary() == f"11–20 of {everything} articles"
    assert page.locator(".pagination [aria-current=page]").inner_text().endswith("2")
    t.click(page.locator(".choice a", has_text="Newest first"))
    assert "page" not in t.query() and t.query()["sort"] == ["newest"]
    dates = page.locator(".hit time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates == sorted(dates, reverse=True) and dates[0] == "2031-07-21"

    # Open an article, then a speaker; back and forward.
    t.click(page.locator(".hit h3 a", has_text="Wildfire"))
    title = page.inner_text("h1")
    assert page.get_by_role("link", name=re.compile("Back to the results")).count() == 1
    t.click(page.locator(".speaker-group h3 a").first)
    person = page.inner_text("h1")
    assert page.locator("#said-heading").inner_text().startswith(f"What {person} said")
    page.go_back()
    assert page.inner_text("h1") == title
    page.go_back()
    assert t.query()["sort"] == ["newest"] and t.summary() == f"1–10 of {everything} articles"
    page.go_forward()
    assert page.inner_text("h1") == title
    t.click(page.get_by_role("link", name=re.compile("Back to the results")))
    assert t.query()["sort"] == ["newest"]


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_facets_more_values(tab: Callable[..., Tab], js: bool) -> None:
    t = tab(js=js)
    page = t.page
    t.go("/")
    finder = page.locator("input.facet-filter[data-facet=speaker]")
    if js:  # a search box inside the facet, answered by the API
        finder.fill("halv")
        playwright_api.expect(page.locator("#values-speaker li")).to_have_count(1)
        t.click(page.locator("#values-speaker a", has_text="James Halvorsen"))
    else:  # the facet's own page, with a form
        assert not finder.is_visible()
        t.click(page.locator("a.more[href^='/facets/speaker']"))
        assert page.locator("#values a.value").count() > 10
        page.fill("#prefix", "halv")
        with page.expect_navigation():
            page.press("#prefix", "Enter")
        t.click(page.locator("#values a.value", has_text="James Halvorsen"))
    assert t.query()["speaker"] == ["james-halvorsen"]
    assert t.summary().endswith("articles · James Halvorsen")


def test_completions_become_filters(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/?sort=oldest")
    page.locator("#q").press_sequentially("okaf", delay=30)
    option = page.get_by_role("option", name=re.compile("Tomas Okafor"))
    option.wait_for(timeout=5000)
    assert page.locator("#q").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.locator("#q").get_attribute("aria-activedescendant") == "suggestion-0"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert t.query() == {"speaker": ["tomas-okafor"], "sort": ["oldest"]}
    assert t.summary().endswith("· Tomas Okafor")


# --- keyboard, phone, forgiving -------------------------------------------------------------


def test_the_whole_flow_by_keyboard(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    t.go("/?q=strike")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Skip to results"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "first-result"

    def focus_visible() -> bool:
        style = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth]; })()"
        )
        return style[0] != "none" and style[1] != "0px"

    # Tab to the first facet value and choose it with Enter.
    page.focus("#q")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('#values-speaker a')"):
            break
    else:
        pytest.fail("the facets cannot be reached by Tab")
    assert focus_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert t.query()["speaker"] == ["tomas-okafor"]
    # A bar of the time line, by keyboard too (after the results).
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('svg.bars a')"):
            break
    else:
        pytest.fail("the time line cannot be reached by Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "from" in t.query()


def _tab_until(page: Page, selector: str, most: int = 300) -> list[str]:
    """Press Tab until the focus is on `selector`; what was focused on the way, in order
    ("hit N" for a link inside the N-th result)."""
    passed = []
    for _ in range(most):
        page.keyboard.press("Tab")
        passed.append(
            page.evaluate(
                "(() => { const e = document.activeElement;"
                " const hit = e.closest('.hit');"
                " return hit ? 'hit ' + [...document.querySelectorAll('.hit')].indexOf(hit)"
                " : e.tagName + (e.id ? '#' + e.id : ''); })()"
            )
        )
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return passed
    pytest.fail(f"{selector} cannot be reached by Tab")


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", ["/?q=harbour", "/quotes?q=harbour"], ids=["articles", "quotes"])
def test_the_skip_link_lands_on_the_first_result_and_the_options_come_after(
    tab: Callable[..., Tab], js: bool, path: str
) -> None:
    t = tab(js=js)
    page = t.page
    t.go(path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to results"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "first-result"
    assert page.evaluate("!!document.activeElement.closest('.hit')")  # the first hit itself
    hits = page.locator(".hit").count()
    assert hits > 1
    # From there: every result, then the pages, then the time line, dates, order and exports.
    passed = _tab_until(page, "svg.bars a")
    assert f"hit {hits - 1}" in passed
    assert passed.index(f"hit {hits - 1}") < len(passed) - 1
    after = _tab_until(page, ".choice a[href*='sort=newest']")
    assert not any(p.startswith("hit") for p in after)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_directory_of_speakers(
    tab: Callable[..., Tab], js: bool, width: str, viewport: dict[str, int]
) -> None:
    t = tab(js=js, viewport=viewport)
    page = t.page
    t.go("/")
    t.click(page.locator("footer a", has_text="Speakers"))
    assert page.inner_text("h1") == "Speakers"
    heading = " ".join(page.inner_text("#people-heading").split())
    assert re.fullmatch(r"\d+ speakers, most quoted first", heading), heading
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the speakers"
    page.keyboard.press("Enter")
    first = page.evaluate("document.activeElement.textContent")
    assert page.evaluate("document.activeElement.id") == "first-person"
    assert first == page.locator(".person-item h3 a").first.inner_text()
    # Find someone by the start of a name, then sort by name: the words stay.
    page.fill("#prefix", "castel")
    with page.expect_navigation():
        page.press("#prefix", "Enter")
    assert t.query() == {"prefix": ["castel"]}
    t.click(page.locator(".choice a", has_text="By name"))
    assert t.query() == {"prefix": ["castel"], "sort": ["name"]}
    names = page.locator(".person-item h3 a").all_inner_texts()
    assert "Irene Castellanos" in names and names == sorted(names, key=str.casefold)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=SCREENSHOTS / f"speakers-found-{width}{'' if js else '-nojs'}.png")
    t.click(page.locator(".person-item h3 a", has_text="Irene Castellanos"))
    assert page.inner_text("h1") == "Irene Castellanos"
    # A page at a time: the next, and back to the first.
    t.go("/speakers?size=3")
    t.click(page.locator(".pagination a[rel=next]"))
    assert "cursor" in t.query() and t.query()["size"] == ["3"]
    assert page.locator(".person-item").count() == 3
    t.click(page.locator(".pagination a", has_text="First page"))
    assert t.query() == {"size": ["3"]}


def test_a_phone(tab: Callable[..., Tab]) -> None:
    t = tab(viewport=PHONE)
    page = t.page
    for path in (
        "/?q=strike",
        "/quotes?q=strike",
        "/speakers/tomas-okafor",
        "/facets/place",
        "/speakers",
        "/speakers?prefix=castel&sort=name",
    ):
        t.go(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    t.go("/articles/dpn-2030-03-19-valparaiso-dockers-join-strike?q=strike")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    t.go("/?q=strike")
    facet = page.locator("#values-speaker a").first
    assert not facet.is_visible() and page.locator("#results .hit").first.is_visible()
    page.click("#filters > summary")
    assert facet.is_visible()
    # Choices are gathered: the panel stays open, nothing is reloaded until "Apply".
    apply = page.get_by_role("button", name="Apply")
    assert not apply.is_visible()
    facet.click()
    agency = page.locator("#values-agency a.value", has_text="NWS")
    agency.click()
    assert agency.is_visible() and agency.get_attribute("aria-current") == "true"
    assert t.query() == {"q": ["strike"]}  # still the page it was
    assert page.locator(".pending").inner_text() == "2 choices to apply"
    page.locator("#values-agency a.value", has_text="DPN").click()
    page.locator("#values-agency a.value", has_text="DPN").click()  # changed their mind
    assert page.locator(".pending").inner_text() == "2 choices to apply"
    page.screenshot(path=SCREENSHOTS / "filters-choosing-phone.png", full_page=True)
    with page.expect_navigation():
        apply.click()
    assert t.query() == {"q": ["strike"], "speaker": ["tomas-okafor"], "agency": ["NWS"]}
    assert t.summary().endswith("articles for strike · Tomas Okafor · NWS")


def test_a_phone_without_javascript_keeps_the_filters_open_while_choosing(
    tab: Callable[..., Tab],
) -> None:
    t = tab(js=False, viewport=PHONE)
    page = t.page
    t.go("/?q=strike")
    page.click("#filters > summary")
    assert not page.get_by_role("button", name="Apply").is_visible()  # each choice applies
    t.click(page.locator("#values-speaker a.value", has_text="Tomas Okafor"))
    assert t.summary() == "5 articles for strike · Tomas Okafor"
    agency = page.locator("#values-agency a.value", has_text="NWS")
    assert agency.is_visible()  # the panel came back open
    t.click(agency)
    assert t.query()["speaker"] == ["tomas-okafor"] and t.query()["agency"] == ["NWS"]
    assert page.locator("#values-agency a.value", has_text="NWS").is_visible()
    page.screenshot(path=SCREENSHOTS / "filters-open-nojs-phone.png", full_page=True)


def test_a_shared_link_with_tracking_and_a_bad_value(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    response = t.go("/?q=strike&fbclid=IwAR0&utm_source=newsletter&size=abc")
    assert response.status == 200
    assert "Results per page “abc” was left out" in page.inner_text(".notes")
    assert t.summary() == "5 articles for strike"
    page.fill("#q", "harbour")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert t.query() == {"q": ["harbour"]}
    assert page.locator(".notes").count() == 0


def test_planted_scripts_stay_inert(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    for path in (
        "/?q=harbour+bridge",
        "/articles/planted-script?q=bridge",
        "/quotes?q=bridge",
        f"/?q=%3Cscript%3E{PLANTED}%3C%2Fscript%3E",
        '/?q="><img src=x onerror=alert(1)>',
    ):
        t.go(path)
        assert page.evaluate("window.__pwned === undefined"), path
    t.go("/articles/planted-script")
    assert page.inner_text("h1").startswith(f"<script>{PLANTED}</script>")
    assert page.locator("main script, main img, main b").count() == 0


def test_the_security_headers_and_no_inline_code(tab: Callable[..., Tab]) -> None:
    t = tab()
    page = t.page
    for path in ("/", "/articles/planted-script", "/speakers/tomas-okafor", "/facets/agency"):
        headers = t.go(path).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"]
        inline = page.evaluate(
            "[...document.querySelectorAll('*')].filter(e => e.hasAttribute('style')"
            " || [...e.attributes].some(a => a.name.startsWith('on'))"
            " || (e.tagName === 'SCRIPT' && !e.src) || e.tagName === 'STYLE').length"
        )
        assert inline == 0, path


# --- every page: axe-core, and a picture ----------------------------------------------------

PAGES = {
    "search": "/?q=strike",
    "search-filtered": "/?q=strike&speaker=tomas-okafor&from=2030-03-01&to=2030-03-31",
    "search-excluded": "/?q=strike&country=-no",  # "not" beside each dateline country
    "home": "/",
    "quotes": "/quotes?q=strike",
    "article": "/articles/dpn-2030-03-19-valparaiso-dockers-join-strike?q=strike",
    "speaker": "/speakers/tomas-okafor",
    "quote-card": "/quotes/nws-2031-05-13-valparaiso-port-talks-resume/0",
    "quote-uncertain": "/quotes/nws-2031-05-13-valparaiso-port-talks-resume/2",
    "article-anchored": "/articles/nws-2031-05-13-valparaiso-port-talks-resume?in=quotes#q2",
    "facet": "/facets/speaker?q=port",
    "no-results": "/?q=library&from=2030-03-01&to=2030-03-31",
    "notes": "/?q=strike&size=0&from=someday&page=3",
    "past-end": "/?page=40",
    "not-found": "/articles/no-such-article",
    "speakers": "/speakers",
    "speakers-found": "/speakers?prefix=castel&sort=name",
    "speakers-none": "/speakers?prefix=zzyzx",
    "speakers-notes": "/speakers?sort=loudest&cursor=stale",
    "speakers-paged": "/speakers?size=3&sort=articles",
    "search-filters-open": "/?q=strike&filters=open",
    "quotes-harbour": "/quotes?q=harbour",
}


def _scan(page: Page) -> list[str]:
    results = axe_playwright.Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_every_page_passes_axe_and_is_photographed(
    tab: Callable[..., Tab], width: str, viewport: dict[str, int], js: bool
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    t = tab(viewport=viewport)
    if not js:
        # axe-core itself is a script, so the page is left without Dateline's own (an empty
        # one is served in its place): what a reader without JavaScript gets.
        t.context.route(
            "**/static/dateline.js",
            lambda route: route.fulfill(body="", content_type="text/javascript"),
        )
    found = {}
    for name, path in PAGES.items():
        t.go(path)
        shot = f"{name}-{width}{'' if js else '-nojs'}.png"
        t.page.screenshot(path=SCREENSHOTS / shot, full_page=True)
        found[name] = _scan(t.page)
    assert found == {name: [] for name in PAGES}


@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_the_engine_down_page(browser: Any, width: str, viewport: dict[str, int]) -> None:
    down = create_app({"ES_SETTINGS": EsSettings(url="http://127.0.0.1:9", timeout=1)})
    with serving(down) as base:
        t = Tab(browser, base, js=True, viewport=viewport)
        try:
            response = t.go("/?q=strike&speaker=tomas-okafor")
            assert response.status == 503 and response.headers["retry-after"]
            assert "Try again" in t.page.inner_text(".problem")
            assert t.page.locator(".chip").count() == 2  # each filter can still be removed
            t.page.screenshot(path=SCREENSHOTS / f"unavailable-{width}.png", full_page=True)
            assert _scan(t.page) == []
        finally:
            t.context.close()
