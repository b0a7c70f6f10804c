"""Where a body's quotations and sentences lie: read by every stage after the mentions.

Cues inside a quotation belong to the quoted speech, and a statement is cut at sentence ends,
so both are found once per body and looked up by offset.
"""

from __future__ import annotations

import bisect
import re
import sys
from typing import Final, Literal

from search.extract.vocabulary import TITLE_ABBREVIATIONS

# Patterns scanned over whole bodies open with a character set, so that `re` skips the text
# between candidates at C speed; look-behinds after that first character say which it was.
_SENT_END_RE: Final = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[.!?]*[\"”’]?(?=\s))")
# A stop after a plural title ("Sens.", "Reps.") still ends a sentence here, unlike in
# SENTENCE_BREAK_RE: statements have always been cut there, and the quotes found depend on it.
_NO_SENTENCE_END: Final = frozenset(a.lower() for a in TITLE_ABBREVIATIONS) - {"sens", "reps"}


def _ends(body: str, m: re.Match[str]) -> bool:
    """A full stop after an initial or a title abbreviation does not end the sentence."""
    if m.group()[0] != ".":
        return True
    word = body[max(0, m.start() - 5) : m.start()].split()
    last = word[-1].lower() if word and not body[m.start() - 1].isspace() else ""
    if "." in last:  # "U.S.", "D.C.": a sentence goes on when a lower-case word follows
        nxt = body[m.end() : m.end() + 2].lstrip()
        return not nxt[:1].islower()
    return not (len(last) == 1 and last.isalpha()) and last not in _NO_SENTENCE_END


class Sentences:
    """Sentence start offsets of a body, for cheap "which sentence is this in" look-ups."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.starts = [0] + [
            m.end() for m in _SENT_END_RE.finditer(body) if body[m.start()] != "." or _ends(body, m)
        ]

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, pos) - 1
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.body)
        return self.starts[i], end


def quote_spans(body: str) -> list[tuple[int, int]]:
    """Inner (start, end) offsets of direct quotations.

    Quote marks are paired left to right within a paragraph, whatever their style, because
    sources mix them ('“...too" Sweeny said'); a mark counts as opening when it is not glued
    to the end of a word, and NYT-style '' pairs count as one mark.
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    nested = 0  # quotations opened inside the open one, in the same curly marks
    for m in _QUOTE_MARK_RE.finditer(body):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            open_at, nested = None, 0
            continue
        prev = body[pos - 1] if pos else "\n"
        # A paragraph may open with ” for “ (a typesetting slip): it opens there too.
        opening = mark in "“" or (
            (prev.isspace() or prev in "([—–-") and (mark != "”" or prev == "\n")
        )
        if open_at is None:
            if opening:
                open_at = m.end()
        elif mark == "“" and _closes_twice(body, m.end()):
            nested += 1  # '“... what he calls “hell” than ...”': a quotation inside
        elif nested and mark == "”":
            nested -= 1
        elif pos > open_at:
            out.append((open_at, pos))
            open_at = None
    return out


def _closes_twice(body: str, pos: int) -> bool:
    """Whether the paragraph after `pos` closes two more curly quotations than it opens."""
    end = body.find("\n", pos)
    rest = body[pos : end if end >= 0 else len(body)]
    return rest.count("”") - rest.count("“") >= 2


# Single-character alternatives, so that `re` finds the first character from a set (see
# _SENT_END_RE); "''" counts when it is not glued to a word on both sides.
_QUOTE_MARK_RE: Final = re.compile(r"“|”|\"|\n|'(?<!\w')'|''(?!\w)")


_SMALL_WORDS: Final = frozenset("a an the of and or for to in on at by with from vs".split())


def title_like(body: str, start: int, end: int) -> bool:
    """A quotation that is a name, not words said: a show, a book, an ad ('on “Fox News
    Sunday,”', 'the spot titled “Dangerous”'): a few words, each capitalised but the small
    ones."""
    words = body[start:end].strip().rstrip(",.!?:;").split()
    return (
        0 < len(words) <= 6
        and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)
        and words[0][0].isupper()
        and not (len(words) == 1 and body[start:end].rstrip()[-1:] in ".!?")
    )


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of `spans`, which are sorted and do not overlap."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


QuoteType = Literal["direct", "mixed", "indirect"]
_MARKS = '"“”'


def quote_type(body: str, start: int, end: int, quotes: list[tuple[int, int]]) -> QuoteType:
    """direct if the words lie wholly inside one quotation, mixed if they hold or touch one,
    else indirect."""
    i = bisect.bisect_right(quotes, (start, sys.maxsize)) - 1
    if i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]:
        return "direct"
    j = bisect.bisect_left(quotes, (start, 0))
    overlaps = (i >= 0 and quotes[i][1] > start) or (j < len(quotes) and quotes[j][0] < end)
    if overlaps or any(mark in body[start:end] for mark in _MARKS):
        return "mixed"
    return "indirect"
