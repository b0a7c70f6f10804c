"""Each input format yields the same fields; explicit metadata wins over what is extracted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from search.extract.gazetteer import fold
from search.extract.pipeline import extract
from search.ingest.read import read_all
from search.model import RawArticle
from tests.support.helpers import POLNEAR, need_shared

WIRE = """Senate passes the harbour bill
A second line of headline

WASHINGTON (AP) — The Senate passed the harbour bill on Tuesday, Senator Jane Holloway said.

"This is a good day," Holloway told reporters.
"""

PAGE = """<!doctype html><html><head><title>Port strike ends | The Daily Fiction</title>
<meta name="author" content="Ana Pereira">
<meta property="article:published_time" content="2016-03-27T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Port strike ends</h1>
<p>OSLO (DPN) — The three-week strike at the port of Oslo ended on Thursday after union leader
Tomas Okafor accepted a new offer from the harbour authority, officials said.</p>
<p>"We have won what we came for," Okafor told reporters outside the terminal building.</p>
</article><footer>Subscribe to our newsletter. Copyright The Daily Fiction.</footer></body></html>
"""


def _one(path: Path, **kwargs):
    [doc] = list(read_all([path]))
    assert isinstance(doc, RawArticle)
    return extract(doc, **kwargs)


def test_wire_copy(tmp_path: Path) -> None:
    path = tmp_path / "ap-2016-03-01-harbour.txt"
    path.write_text(WIRE)
    article = _one(path)
    assert article.title == "Senate passes the harbour bill"
    assert article.body.startswith("The Senate passed")
    assert article.agency == "AP"
    assert (article.dateline.name, article.dateline.country) == ("Washington", "United States")
    assert article.published.isoformat() == "2016-03-01"
    assert [s.name for s in article.speakers] == ["Jane Holloway"]


def test_record_fields_win_over_extraction(tmp_path: Path) -> None:
    record = {
        "id": "rec-1",
        "title": "The record's title",
        "published": "2016-03",
        "author": "A. Writer",
        "publisher": "usa-today",
        "wire": "NA",
        "url": "https://example.org/a",
        "text": WIRE,
    }
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(record) + "\n")
    article = _one(path)
    assert (article.id, article.title, article.author) == (
        "rec-1",
        "The record's title",
        "A. Writer",
    )
    assert (article.published.isoformat(), article.date_precision) == ("2016-03-01", "month")
    assert article.publisher == "usa-today" and article.url == "https://example.org/a"
    assert article.agency == "AP"  # "NA" means none given, so the dateline's agency stands


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "strike.html"
    path.write_text(PAGE)
    article = _one(path)
    assert article.title.startswith("Port strike ends")
    assert article.author == "Ana Pereira"
    assert article.published.isoformat() == "2016-03-27"
    assert article.body.startswith("The three-week strike")
    assert "Subscribe" not in article.body and "Home" not in article.body
    assert article.dateline.name == "Oslo" and article.agency == "DPN"
    assert "Tomas Okafor" in [s.name for s in article.speakers]


def test_html_without_a_date_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(
        PAGE.replace('<meta property="article:published_time" content="2016-03-27T08:00:00Z">', "")
    )
    article = _one(path)
    assert article.published is None and article.date_precision is None


# The test's own notion of a dateline: capitals (or an agency in brackets) and a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.' ]+?)(?:, (?P<region>[A-Z][A-Za-z. ]+?))?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? ?(?P<agency>\([A-Za-z]+\))? ?(?:—|–|--|-) "
)
_CANONICAL = {"new york": "new york city", "rangoon": "yangon"}


def test_polnear_dev_datelines_are_all_placed_right() -> None:
    texts = sorted(need_shared(POLNEAR / "dev" / "text").glob("*.txt"))
    checked = 0
    for path in texts:
        blocks = [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        match = _DATELINE.match(blocks[1].strip()) if len(blocks) > 1 else None
        if not match or not (match["place"].isupper() or match["agency"]):
            continue
        checked += 1
        article = _one(path)
        written = fold(match["place"])
        assert article.dateline is not None, path.name
        assert fold(article.dateline.name) == _CANONICAL.get(written, written), path.name
        if match["region"] and match["region"].endswith("."):  # a US state abbreviation
            assert article.dateline.country == "United States", path.name
    assert checked >= 5


@pytest.mark.parametrize(
    "opening",
    [
        "NATO — The alliance said on Monday",
        "US - China trade talks resumed on Monday",
        "CARLSEN, Norway — Officials said on Monday",
    ],
)
def test_capitals_and_a_dash_are_not_a_dateline_unless_a_place(
    tmp_path: Path, opening: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Headline here\n\n{opening} that the plan would go ahead.\n")
    article = _one(path)
    assert article.dateline is None
    assert article.body.startswith(opening)


def test_a_short_headline_is_a_title_not_navigation(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(
        "Dockworkers return\n\nThe strike is over, union leaders said.\n\n"
        "OSLO, March 27. /NWS/. Dockworkers returned to the port on Thursday.\n"
    )
    article = _one(path)
    assert article.title == "Dockworkers return"
    assert article.lead == "The strike is over, union leaders said."


def _records(tmp_path: Path, *records: object) -> list:
    path = tmp_path / "r.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return list(read_all([path]))


def test_record_fields_are_checked_not_trusted(tmp_path: Path) -> None:
    blank_text, bad_id, bad_year, html = _records(
        tmp_path,
        {"id": "a", "text": "  ", "body": "The body is here."},
        {"id": {"nested": 1}, "text": "Head\n\nBody."},
        {"id": "c", "year": True, "text": "Head\n\nMOSCOW, May 3. /TASS/. Body."},
        {
            "id": "d",
            "html": "<html><body><p>Only a page about the 2016-11-14 vote.</p></body></html>",
        },
    )
    assert extract(blank_text).body == "The body is here."
    with pytest.raises(ValueError, match="id must be a string or an integer"):
        extract(bad_id)
    dated = extract(bad_year)
    assert dated.published is None and any("unreadable year True" in w for w in dated.warnings)
    assert extract(bad_year, year=2016).published.isoformat() == "2016-05-03"
    # A record's file name says nothing about when the article in it was published.
    assert extract(html).published is None


def test_an_impossible_dateline_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "feb.txt"
    path.write_text("Headline\n\nMOSCOW, February 30. /TASS/. Something happened.\n")
    article = _one(path, year=2016)
    assert article.published is None
    assert any("no such date" in w for w in article.warnings)


def test_agency_spellings_are_one_facet_value(tmp_path: Path) -> None:
    lower, upper, short = _records(
        tmp_path,
        {"id": "a", "wire": "reuters", "text": "Head\n\nBody."},
        {"id": "b", "wire": "Reuters", "text": "Head\n\nBody."},
        {"id": "c", "wire": "ap", "text": "Head\n\nBody."},
    )
    assert extract(lower).agency == extract(upper).agency == "Reuters"
    assert extract(short).agency == "AP"
