"""Agency copy as it comes: one fictional article per agency layout (tests/data/extract/in/)
and what extraction must give for it (out/): dateline, agency, date, speakers and people."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from search.extract.pipeline import extract
from search.ingest.read import read_all
from search.model import Article
from tests.support.helpers import DATA

EXTRACT = DATA / "extract"
ARTICLES = sorted((EXTRACT / "in").glob("*.txt"))


def _summary(article: Article) -> dict[str, Any]:
    """The fields an expected-output file states, coordinates to two decimals."""
    dateline = asdict(article.dateline) if article.dateline else None
    if dateline:
        for axis in ("lat", "lon"):
            if dateline[axis] is not None:
                dateline[axis] = round(dateline[axis], 2)
    return {
        "title": article.title,
        "agency": article.agency,
        "published": article.published.isoformat() if article.published else None,
        "dateline": dateline,
        "speakers": [asdict(speaker) for speaker in article.speakers],
        "people": article.people,
    }


@pytest.mark.parametrize("source", ARTICLES, ids=lambda path: path.stem)
def test_agency_article_gives_its_expected_output(source: Path) -> None:
    expected = json.loads((EXTRACT / "out" / f"{source.stem}.json").read_text(encoding="utf-8"))
    [doc] = read_all([source])
    assert _summary(extract(doc)) == expected
