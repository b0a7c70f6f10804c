"""The pages on a real node, read as HTML: what each shows of the fixture archive, that every
link it offers leads somewhere that works, and that planted markup stays text."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

from flask.testing import FlaskClient

from tests.data.records import PLANTED

HREF = re.compile(r'href="([^"]*)"')


def page(client: FlaskClient, url: str, status: int = 200) -> str:
    """The page's HTML, runs of white space as one space."""
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:800]
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def links(html: str) -> list[str]:
    return [unescape(h) for h in HREF.findall(html)]


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_results_say_what_was_searched_and_mark_the_words(client: FlaskClient) -> None:
    html = page(client, "/?q=strike")
    assert "5 articles for <em>strike</em>" in html
    assert "Port <mark>strike</mark> spreads to Lisbon" in html
    assert '<a class="chip" href="/">' in html  # the query's chip, and "start over"
    assert re.search(r'<span class="name">Tomas Okafor</span><span class="count">5<', html)


def test_a_selected_facet_comes_first_with_its_count_and_is_announced(client: FlaskClient) -> None:
    html = page(client, "/?q=strike&speaker=Castellanos")
    speakers = html[html.index('id="values-speaker"') :]
    first = speakers[: speakers.index("</li>")]
    assert 'aria-current="true"' in first and "Irene Castellanos" in first
    assert re.search(r'class="count">2<span class="visually-hidden"> articles, selected', first)
    assert "Speaker:</span> Castellanos" in html
    assert "2 articles for <em>strike</em> · Castellanos" in html


def test_dates_narrow_to_a_bar_and_show_its_neighbours(client: FlaskClient) -> None:
    html = page(client, "/?q=strike")
    march = next(h for h in links(html) if "from=2030-03-01" in h)
    assert dict(parse_qsl(urlsplit(march).query)) == {
        "q": "strike",
        "from": "2030-03-01",
        "to": "2030-03-31",
    }
    narrowed = page(client, march)
    assert "4 articles for <em>strike</em> · March 2030" in narrowed
    assert "Articles by day" in narrowed  # a month chosen: its days, and the days around it
    assert 'aria-label="4 March 2030: 1 article (selected)" aria-current="true"' in narrowed


def test_every_link_on_the_results_works(client: FlaskClient) -> None:
    html = page(client, "/?q=harbour&sort=newest&size=20")
    followed = [h for h in set(links(html)) if h.startswith("/") and not h.startswith("/static")]
    assert any(h.startswith("/api/export") for h in followed)
    assert any(h.startswith("/api/feed.atom") for h in followed)
    for link in followed:
        assert client.get(link).status_code == 200, link


def test_unknown_arguments_are_ignored_and_a_bad_value_is_noted_not_carried(
    client: FlaskClient,
) -> None:
    html = page(client, "/?q=strike&fbclid=abc&utm_source=news&size=0&from=someday")
    assert "5 articles for <em>strike</em>" in html
    notes = text(html[html.index('class="notes"') :])
    assert "Results per page “0” was left out" in notes and "From “someday”" in notes
    for link in links(html):
        assert not re.search(r"fbclid|utm_|size=0|someday", link), link
    assert not re.search(r'value="(0|someday|abc)"', html)


def test_nothing_found_with_filters_offers_the_search_without_them(client: FlaskClient) -> None:
    html = page(client, "/?q=library&from=2030-03-01&to=2030-03-31&sort=newest")
    assert "No articles for <em>library</em> · March 2030" in html
    assert '<a href="/?q=library&amp;sort=newest">3 articles without the filters</a>' in html


def test_a_page_past_the_end_says_so(client: FlaskClient) -> None:
    last = -(-client.get("/api/search?size=1").get_json()["total"]["value"] // 10)  # 10 a page
    assert last < 9
    html = page(client, "/?page=9")
    assert f"Page 9 is past the end: these articles end on page {last}." in html
    assert f'<a href="/?page={last}">Go to page {last}</a>' in html


def test_planted_markup_stays_text(client: FlaskClient) -> None:
    for url in ("/?q=harbour+bridge", "/quotes?q=bridge", "/articles/planted-script?q=bridge"):
        html = page(client, url)
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts == ['<script src="/static/dateline.js" defer>'], url
        assert not re.search(r"<[^>]*onerror", html), url
        assert "&lt;script&gt;" in html, url
        tags = set(re.findall(r"<(/?[a-z]+)", html[html.index("<main") :]))
        assert not tags & {"img", "b", "script", "/b"}, url
    query = page(client, f"/?q=%3Cscript%3E{PLANTED}%3C/script%3E")
    assert "<script>window" not in query and "&lt;script&gt;window" in query


def test_the_article_page(client: FlaskClient) -> None:
    url = "/articles/dpn-2030-03-19-valparaiso-dockers-join-strike?q=strike&speaker=x&page=2"
    html = page(client, url)
    assert "international port <mark>strike</mark> as cruise season ends</h1>" in html
    assert '<a href="/?q=strike&amp;speaker=x&amp;page=2">‹ Back to the results for' in html
    assert "33.04° S, 71.63° W" in html and 'class="map"' in html
    who = html[html.index('id="who"') : html.index('id="where"')]
    assert who.index("Tomas Okafor") < who.index("Irene Castellanos")
    assert who.count('<section class="speaker-group"') == 2
    assert "Related stories" in html and "Oslo port strike ends" in html


def test_an_id_with_slashes_and_its_source_link(client: FlaskClient) -> None:
    html = page(client, "/?q=ferry")
    assert 'href="/articles/wire%2F2031%2F07%2Fferry-returns?q=ferry"' in html
    article = page(client, "/articles/wire%2F2031%2F07%2Fferry-returns?q=ferry")
    assert (
        '<a href="https://example.org/ferry-returns" rel="noopener noreferrer nofollow">' in article
    )
    assert "by Ana Duarte" in article
    assert "javascript:" not in page(client, "/articles/planted-script")


def test_the_speaker_page(client: FlaskClient) -> None:
    html = page(client, "/speakers/james-halvorsen")
    assert "<h1>James Halvorsen</h1>" in html
    assert "Jim Halvorsen" in html and "James B. Halvorsen Jr." in html  # variants
    assert "What James Halvorsen said: 3 quotes, newest first" in html
    said = html[html.index('id="quotes"') :]
    assert said.index("The books are clean") < said.index("Every crown is accounted for")
    found = page(client, "/speakers/james-halvorsen?q=crown&fbclid=1")
    assert "What James Halvorsen said about <em>crown</em>: 1 quote" in found
    assert "<mark>crown</mark>" in found


def test_the_quotes_view_and_a_facets_values(client: FlaskClient) -> None:
    html = page(client, "/quotes?q=strike")
    assert "3 quotes for <em>strike</em>" in html and 'aria-current="page">Quotes</a>' in html
    assert "in=quotes" in html  # the article's way back leads to the quotes
    values = page(client, "/facets/speaker?q=port&prefix=oka")
    assert "Tomas Okafor" in values and "Irene Castellanos" not in values
    assert 'href="/?q=port&amp;speaker=tomas-okafor"' in values


def test_how_the_words_were_read_is_shown_by_the_count(client: FlaskClient) -> None:
    html = page(client, "/?q=strike OR harbour lisbon")
    summary = html[html.index('id="results-heading"') :]
    note = text(summary[summary.index('class="read-as"') : summary.index("</div>")])
    assert "How strike OR harbour lisbon was read:" in note
    assert "read as (strike OR harbour) AND lisbon; add parentheses" in note
    asked = text(page(client, "/quotes?q=What did Okafor say about the strike?"))
    assert "a question: its content words were searched" in asked and "left out:" in asked
    paired = text(page(client, "/quotes?q=speaker:okafor quote:strike"))
    assert "speaker: beside quote: is one quote, said by that speaker" in paired
    plain = page(client, "/?q=strike")
    assert 'class="read-as"' not in plain  # nothing to say: no note


def test_what_is_not_there_is_a_page_not_an_error(client: FlaskClient) -> None:
    for url in ("/articles/no-such-article", "/speakers/nobody-at-all", "/facets/colour"):
        html = page(client, url, 404)
        assert "<h1>Not found</h1>" in html and '<a href="/">Start over</a>' in html
