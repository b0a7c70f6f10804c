"""Anchoring each quote in an article's marked body, so a link to `/articles/<id>#q<n>` lands on
the quote and shows it highlighted.

The body arrives as HTML: the text escaped, the reader's words in ``<mark>`` (search.query.body
`marks`). Quotes are known by offsets into the plain text, so the HTML is read unit by unit (a
character, or one escaped character such as ``&amp;``) to keep count of plain offsets. A quote
becomes ``<span class="said" data-q="n">`` around its text, the first piece with ``id="qn"``;
marks sit inside it, and both are closed at a line break and reopened after, so every piece is
well formed and a paragraph split at blank lines never cuts a tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNIT = re.compile(r"<mark>|</mark>|&#?\w+;|.", re.DOTALL)
OPEN_MARK, CLOSE_MARK = "<mark>", "</mark>"


def _owners(spans: Sequence[tuple[int, int]], length: int) -> list[int | None]:
    """For each plain offset, the quote shown there: the first one that covers it."""
    owner: list[int | None] = [None] * length
    for n, (start, end) in enumerate(spans):
        for at in range(max(start, 0), min(end, length)):
            if owner[at] is None:
                owner[at] = n
    return owner


def anchored(body_html: str, spans: Sequence[tuple[int, int]]) -> str:
    """`body_html` with each quote (its plain offsets in `spans`, in order) anchored as `qn`.
    A quote wholly inside another's text gets an empty anchor where it starts."""
    units = _UNIT.findall(body_html)
    plain = [u for u in units if u not in (OPEN_MARK, CLOSE_MARK)]
    owner = _owners(spans, len(plain))
    starts: dict[int, list[int]] = {}
    for n, (start, _) in enumerate(spans):
        if 0 <= start < len(plain) and owner[start] != n:
            starts.setdefault(start, []).append(n)

    out: list[str] = []
    named: set[int] = set()
    marked = False  # inside <mark> in the source
    shown_quote: int | None = None  # the quote span open in the output
    shown_mark = False  # a <mark> open in the output
    at = 0

    def close() -> None:
        nonlocal shown_quote, shown_mark
        if shown_mark:
            out.append(CLOSE_MARK)
            shown_mark = False
        if shown_quote is not None:
            out.append("</span>")
            shown_quote = None

    for unit in units:
        if unit in (OPEN_MARK, CLOSE_MARK):
            marked = unit == OPEN_MARK
            continue
        for n in starts.get(at, ()):
            if n not in named:
                named.add(n)
                out.append(f'<span class="said" id="q{n}" data-q="{n}"></span>')
        quote = owner[at]
        if unit == "\n" or quote != shown_quote:
            close()
        if unit != "\n":
            if quote is not None and shown_quote is None:
                anchor = f' id="q{quote}"' if quote not in named else ""
                named.add(quote)
                out.append(f'<span class="said"{anchor} data-q="{quote}">')
                shown_quote = quote
            if marked and not shown_mark:
                out.append(OPEN_MARK)
                shown_mark = True
            elif not marked and shown_mark:
                out.append(CLOSE_MARK)
                shown_mark = False
        out.append(unit)
        at += 1
    close()
    return "".join(out)
