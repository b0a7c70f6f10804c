"""Each quote anchored in the marked body: a link to #q<n> lands on the quote's own words, and the
HTML stays well formed whatever the marks and line breaks around it."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from search.query.anchors import anchored

BODY = 'Ana Ruiz said "we <will> win & stay" today.\n\nLater: "not yet," she said.'
FIRST = (BODY.index('"we'), BODY.index('stay"') + 5)
SECOND = (BODY.index('"not'), BODY.index('yet,"') + 5)


class _Balance(HTMLParser):
    """Fails on a closing tag that does not close the innermost open one."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def _well_formed(marked: str) -> None:
    checker = _Balance()
    checker.feed(marked)
    assert not checker.open


def _text(marked: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


def _anchor(marked: str, n: int) -> str:
    """The text of every piece of quote `n` (others' empty anchors left out)."""
    marked = re.sub(r'<span class="said" id="q\d+" data-q="\d+"></span>', "", marked)
    pieces = re.findall(rf'<span class="said"[^>]* data-q="{n}">(.*?)</span>', marked, re.S)
    return "".join(_text(p) for p in pieces)


def test_each_quote_is_anchored_around_its_own_words() -> None:
    marked = anchored(html.escape(BODY), [FIRST, SECOND])
    assert _text(marked) == BODY
    assert _anchor(marked, 0) == '"we <will> win & stay"'
    assert _anchor(marked, 1) == '"not yet,"'
    assert marked.count('id="q0"') == marked.count('id="q1"') == 1
    _well_formed(marked)


def test_marks_sit_inside_the_quote_and_are_cut_at_its_edges() -> None:
    words = html.escape(BODY).replace(
        "win &amp; stay&quot; today", "<mark>win &amp; stay&quot; today</mark>"
    )
    marked = anchored(words, [FIRST])
    assert _text(marked) == BODY
    assert "<mark>win &amp; stay&quot;</mark></span><mark> today</mark>" in marked
    _well_formed(marked)


def test_a_quote_across_a_paragraph_break_is_closed_and_reopened_with_one_id() -> None:
    across = (BODY.index("stay"), BODY.index("Later") + 5)
    escaped = html.escape(BODY).replace("today.\n\nLater", "<mark>today.\n\nLater</mark>")
    marked = anchored(escaped, [across])
    assert marked.count('id="q0"') == 1 and marked.count('data-q="0"') == 2
    for paragraph in marked.split("\n\n"):
        _well_formed(paragraph)
    assert _anchor(marked, 0) == 'stay" today.Later'


def test_a_quote_inside_another_keeps_an_anchor_where_it_starts() -> None:
    inner = (BODY.index("win"), BODY.index("win") + 3)
    marked = anchored(html.escape(BODY), [FIRST, inner])
    assert '<span class="said" id="q1" data-q="1"></span>win' in marked
    assert _anchor(marked, 0) == '"we <will> win & stay"'
    _well_formed(marked)


def test_offsets_outside_the_body_are_left_alone() -> None:
    marked = anchored(html.escape(BODY), [(len(BODY) + 5, len(BODY) + 9), (0, 3)])
    assert _text(marked) == BODY
    assert 'id="q0"' not in marked and _anchor(marked, 1) == "Ana"
