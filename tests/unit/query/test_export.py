"""The CSV export as a spreadsheet reads it: read back by Python's csv module in Excel's dialect,
a byte-order mark (or none when asked), every row with its permalink on Dateline, and no cell a
spreadsheet would run as a formula (OWASP's CSV-injection advice)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from search.query.export import BOM, HEADER, csv_lines
from search.schema import ARTICLE, QUOTE

BASE = "https://dateline.example"


def _article(**changed: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "dpn/2031/harbour vote",
        "published": "2031-05-13",
        "title": "Harbour vote passes",
        "lead": "The “harbour” vote passed — narrowly.",
        "agency": "DPN",
        "speakers": [{"id": "ana-ruiz", "name": "Ana Ruiz"}],
        "dateline": {"name": "Oslo", "country": "Norway"},
    }
    return row | changed


def _quote(**changed: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": "dpn-1#4",
        "article_id": "dpn-1",
        "position": 4,
        "published": "2031-05-13",
        "speaker": {"id": "ana-ruiz", "name": "Ana Ruiz", "role": "harbour master"},
        "type": "direct",
        "text": "We will reopen on Monday",
        "article": {"title": "Harbour to reopen", "url": "https://news.example/harbour"},
    }
    return row | changed


def _read(text: str, bom: bool = True) -> list[dict[str, str]]:
    """What a spreadsheet (here Python's csv module in Excel's dialect) reads of the file."""
    if bom:
        assert text.startswith(BOM)
        text = text[len(BOM) :]
    return list(csv.DictReader(io.StringIO(text, newline=""), dialect="excel"))


def test_a_csv_is_read_back_whole_in_excel_s_dialect_with_a_byte_order_mark() -> None:
    text = "".join(csv_lines(iter([_article(), _article(id="b")]), ARTICLE, BASE))
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")  # UTF-8's byte-order mark
    rows = _read(text)
    assert list(rows[0]) == HEADER[ARTICLE] and HEADER[ARTICLE][-1] == "permalink"
    assert rows[0]["lead"] == "The “harbour” vote passed — narrowly."
    assert rows[0]["speakers"] == "Ana Ruiz" and rows[0]["dateline"] == "Oslo"
    assert [r["id"] for r in rows] == ["dpn/2031/harbour vote", "b"]
    # Every cell in double quotes, as OWASP advises (a reader cannot split a cell by mistake).
    assert text.splitlines()[1].startswith('"dpn/2031/harbour vote","2031-05-13"')


def test_without_the_mark_when_asked() -> None:
    text = "".join(csv_lines(iter([_article()]), ARTICLE, BASE, bom=False))
    assert not text.startswith(BOM)
    assert _read(text, bom=False)[0]["title"] == "Harbour vote passes"


def test_every_row_has_its_permalink_on_dateline() -> None:
    [article] = _read("".join(csv_lines(iter([_article()]), ARTICLE, BASE)))
    assert article["permalink"] == f"{BASE}/articles/dpn%2F2031%2Fharbour%20vote"
    [quote] = _read("".join(csv_lines(iter([_quote()]), QUOTE, BASE)))
    assert quote["permalink"] == f"{BASE}/quotes/dpn-1/4"  # the quote's card
    assert quote["url"] == "https://news.example/harbour"  # the source, beside it


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("https://evil.example","click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
    ids=["equals", "plus", "minus", "at", "tab", "carriage-return"],
)
def test_a_cell_that_looks_like_a_formula_is_kept_as_text(cell: str) -> None:
    rows = [_quote(text=cell, speaker={"id": "x", "name": cell, "role": None})]
    [read] = _read("".join(csv_lines(iter(rows), QUOTE, BASE)))
    assert read["text"] == read["speaker"] == "'" + cell  # the apostrophe: text, never run
    assert read["id"] == "dpn-1#4"  # other cells as they are


def test_a_cell_with_a_formula_character_inside_is_left_alone() -> None:
    rows = [_quote(text="Costs rose 5% - the board said = fair", cue="said")]
    [read] = _read("".join(csv_lines(iter(rows), QUOTE, BASE)))
    assert read["text"] == "Costs rose 5% - the board said = fair" and read["cue"] == "said"
