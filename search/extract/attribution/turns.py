"""Turns of a transcript: "WALLACE: ..." then "PENCE: ...", each a statement of the one its label
names, running on over the paragraphs that continue it.

A label is a capitalised name and a colon opening a paragraph (after an opening quotation mark,
as a transcript quoted whole is written); an article holds a transcript when two such labels or
more name people. A turn's words are the speaker's own, so the cues inside it ("Trump invited
...", "Clinton said") belong to the turn, not to new statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_LABEL_RE: Final = re.compile(
    r"^([\"“]?)([A-Z][A-Z'’\-]+(?:[ \u00a0][A-Z][A-Z'’.\-]+){0,2}):[ \u00a0]", re.M
)
# Labels that head a paragraph but name no speaker.
_NOT_SPEAKERS: Final = frozenset(
    """correction corrections update updated byline exclusive video email previously look boom
    busted note watch read related photo editor's editors fix is in stat of the week short
    reads huffpollster ap upi reuters afp tass q a un""".split()
)


@dataclass(frozen=True, slots=True)
class Turn:
    """A transcript turn: its label (body offsets) and the words spoken."""

    label_start: int
    label_end: int
    start: int
    end: int
    words: tuple[str, ...]  # the label title-cased: ("Wallace",)


def transcript_turns(body: str) -> list[Turn]:
    """The turns of the transcript in `body`, if it holds one."""
    if ":" not in body:
        return []
    labels = [
        m
        for m in _LABEL_RE.finditer(body)
        if m.group(2).lower() not in _NOT_SPEAKERS and len(m.group(2)) > 2
    ]
    if len(labels) < 2 or len({m.group(2) for m in labels}) < 2:
        return []
    turns = []
    for k, m in enumerate(labels):
        limit = labels[k + 1].start() if k + 1 < len(labels) else len(body)
        end = _turn_end(body, m.end(), limit, m.group(1))
        start, end = _trim(body, m.end(), end)
        if end > start:
            words = tuple(w.capitalize() for w in m.group(2).split())
            turns.append(Turn(m.start(2), m.end(2), start, end, words))
    return turns


def _turn_end(body: str, start: int, limit: int, mark: str) -> int:
    """Where a turn ends: at the end of its paragraph, or, in a transcript quoted whole, of the
    last paragraph opening with the same mark before the next label or a stage direction."""
    end = body.find("\n", start, limit)
    if end < 0:
        return limit
    while mark:
        nxt = end
        while nxt < limit and body[nxt] == "\n":
            nxt += 1
        if nxt >= limit or not body.startswith(mark, nxt) or body.startswith("(", nxt + 1):
            break
        following = body.find("\n", nxt, limit)
        end = limit if following < 0 else following
    return end


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in '"”'):
        end -= 1
    return start, end
