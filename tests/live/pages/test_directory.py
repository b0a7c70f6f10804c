"""The directory of speakers as a page, on the sample archive: everyone quoted, in three orders,
found by a word of a name, a page at a time by the API's cursor, each linked to their page;
what it cannot use from its address is noted, never a failure."""

from __future__ import annotations

import base64
import json
import re
from html import unescape

from flask.testing import FlaskClient

from search.query import speakers
from tests.live.pages.test_pages import links, page, text

PERSON = re.compile(r'<h3><a href="/speakers/([^"]+)"[^>]*>([^<]+)</a></h3>')


def _people(html: str) -> list[tuple[str, str]]:
    return [(i, unescape(n)) for i, n in PERSON.findall(html)]


def test_everyone_quoted_most_quoted_first_as_the_api_has_them(client: FlaskClient) -> None:
    html = page(client, "/speakers")
    api = client.get("/api/speakers?size=50").get_json()
    assert _people(html) == [(p["id"], p["name"]) for p in api["speakers"]]
    assert f"{api['total']:,} speakers, most quoted first" in text(html)
    first = api["speakers"][0]
    assert f"{first['quotes']:,} quotes · {first['articles']:,} articles" in text(html)
    assert 'aria-current="true">Most quoted</a>' in html
    assert 'href="#first-person"' in html and 'id="first-person"' in html


def test_by_articles_or_by_name(client: FlaskClient) -> None:
    by_name = _people(page(client, "/speakers?sort=name"))
    assert [n for _, n in by_name] == sorted((n for _, n in by_name), key=str.casefold)
    api = client.get("/api/speakers?size=50&sort=articles").get_json()
    assert _people(page(client, "/speakers?sort=articles")) == [
        (p["id"], p["name"]) for p in api["speakers"]
    ]


def test_a_word_of_a_name_finds_people_and_each_links_to_their_page(client: FlaskClient) -> None:
    html = page(client, "/speakers?prefix=castel")
    found = _people(html)
    assert ("irene-castellanos", "Irene Castellanos") in found
    assert "with a name starting “castel”" in text(html)
    for person_id, name in found:
        assert f"<h1>{name}</h1>" in page(client, f"/speakers/{person_id}")
    nobody = page(client, "/speakers?prefix=zzyzx")
    assert "No speakers with a name starting “zzyzx”" in text(nobody)
    assert 'href="/speakers">Show every speaker</a>' in nobody


def test_pages_follow_the_cursor_and_keep_the_order(client: FlaskClient) -> None:
    total = client.get("/api/speakers?size=1").get_json()["total"]
    seen: list[str] = []
    url: str | None = "/speakers?sort=name&size=4"
    pages = 0
    while url:
        html = page(client, url)
        pages += 1
        seen += [i for i, _ in _people(html)]
        following = [h for h in links(html) if "cursor=" in h]
        assert all("sort=name" in h and "size=4" in h for h in following)
        url = following[0] if following else None
        if url:
            assert "« First page" in page(client, url)
    assert len(seen) == len(set(seen)) == total and pages >= total // 4
    assert seen == [i for i, _ in _people(page(client, "/speakers?sort=name&size=100"))]


def test_what_cannot_be_used_is_noted_and_the_list_still_shows(client: FlaskClient) -> None:
    html = page(client, "/speakers?sort=loudest&cursor=not-a-cursor&fbclid=x&prefix=castel")
    notes = text(html[html.index('class="notes"') :])
    assert "Sort “loudest” was left out" in notes
    assert "Page “not-a-cursor” was left out" in notes
    assert ("irene-castellanos", "Irene Castellanos") in _people(html)
    long = page(client, "/speakers?prefix=" + "a" * 101)
    assert "Name “" in text(long) and _people(long)  # dropped, the whole list instead
    client.get("/speakers?prefix=%00")  # a control character: noted, not a failure
    assert client.get("/speakers?prefix=%00").status_code == 200


def test_a_forged_cursor_of_the_right_list_is_noted_not_sent_on(client: FlaskClient) -> None:
    """A cursor that names this list but holds values no cursor of it holds (the wrong kind, a
    count past a long) is refused before Elasticsearch would fail on it."""
    mark = speakers._directory_fingerprint("", "quotes", 5)
    for after in (["x", "y", "z", "w"], [1e308, -5, None, 3], [None] * 4, [2**70, 1, "a", "b"]):
        raw = json.dumps({"s": mark, "a": after}).encode()
        cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        html = page(client, f"/speakers?size=5&cursor={cursor}")
        assert "Page “" in text(html) and _people(html), after
        assert client.get(f"/api/speakers?size=5&cursor={cursor}").status_code == 422
