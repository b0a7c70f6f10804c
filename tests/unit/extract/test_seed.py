"""The seed article meets every line of its expected-output file."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from search.cli import main
from search.extract.pipeline import extract
from search.ingest.read import read_all
from search.model import Article
from tests.support.helpers import SEED_ARTICLE, need_shared


@pytest.fixture(scope="module")
def expected() -> dict:
    need_shared(SEED_ARTICLE)
    return json.loads(SEED_ARTICLE.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article() -> Article:
    need_shared(SEED_ARTICLE)
    [doc] = read_all([SEED_ARTICLE])
    return extract(doc)  # the year comes from the file name


def test_parts(article: Article, expected: dict) -> None:
    assert article.title == expected["title"]
    assert article.lead.startswith(expected["lead_starts_with"])
    assert article.body.startswith(expected["body_starts_with"])
    for unwanted in expected["body_must_not_contain"]:
        assert unwanted not in article.body
    assert article.agency == expected["agency"]
    assert article.photo_credit == expected["photo_credit"]


def test_dateline_and_date(article: Article, expected: dict) -> None:
    want = expected["dateline"]
    assert (article.dateline.name, article.dateline.country) == (want["location"], want["country"])
    assert article.published.isoformat() == expected["published_with_year_from_metadata"]
    assert (article.published.month, article.published.day) == (want["month"], want["day"])
    assert article.date_precision == "day"


def test_speakers_quotes_places_people(article: Article, expected: dict) -> None:
    speakers = {s.name for s in article.speakers}
    assert set(expected["speakers"]["must"]) <= speakers
    assert speakers <= set(expected["speakers"]["must"]) | set(expected["speakers"]["may"])
    assert not speakers & set(expected["speakers"]["must_not"])
    peskov = [q for q in article.quotes if q.speaker == "Dmitry Peskov"]
    assert len(peskov) >= expected["quotes_by_dmitry_peskov_at_least"]
    assert all(article.body[q.start : q.end] == q.text for q in article.quotes)
    # What was said ends where the speaker's role begins.
    assert peskov[0].text.endswith("only after the inauguration ceremony")
    places = {p.name for p in article.places}
    assert set(expected["places"]["must"]) <= places
    assert not places & set(expected["places"]["must_not"])
    assert set(expected["people_mentioned"]["must"]) <= set(article.people)
    assert not set(article.people) & set(expected["people_mentioned"]["must_not"])


def test_without_a_year_the_date_stays_empty(tmp_path) -> None:
    copy = tmp_path / "kremlin.txt"
    copy.write_text(need_shared(SEED_ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    [doc] = read_all([copy])
    article = extract(doc)
    assert article.published is None and article.date_precision is None
    assert any("no year" in w for w in article.warnings)
    assert extract(doc, year=2016).published.isoformat() == "2016-11-14"


def test_extract_command_prints_the_record_and_fails_on_unreadable_input(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    # In this process, whose extraction is loaded already: a new one spends seconds on that.
    run = CliRunner().invoke(
        main, ["extract", str(need_shared(SEED_ARTICLE)), str(tmp_path / "empty.txt")]
    )
    assert run.exit_code == 1
    [line] = run.stdout.splitlines()
    record = json.loads(line)
    for key in (
        "id",
        "source",
        "title",
        "lead",
        "body",
        "agency",
        "author",
        "published",
        "date_precision",
        "dateline",
        "speakers",
        "quotes",
        "places",
        "people",
    ):
        assert key in record
    assert record["speakers"][0]["name"] == "Dmitry Peskov"
    assert "empty.txt: skipped: empty file" in run.stderr
