"""Splitting a plain-text article into its parts: title, lead, photo credit, dateline and body.

Two layouts arrive as text:
- scraped from news sites (the seed): a navigation line, the title, a lead, photo caption and
  ``©`` credit lines, then a body opening with a dateline (``MOSCOW, November 14. /TASS/.``);
- wire copy: a title block, then the body, whose first paragraph may open with a dateline
  (``WASHINGTON (AP) —``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from search.extract.dateline import Dateline, parse_dateline

# How far into the text the dateline paragraph may sit before we stop looking for it.
_HEADER_BLOCKS = 6
_CREDIT = re.compile(r"^\s*(?:©|\(c\)|Photo:|Photo credit:)\s*(?P<credit>.+?)\s*$", re.IGNORECASE)
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Layout:
    title: str | None
    lead: str | None
    body: str
    dateline: Dateline | None
    photo_credit: str | None


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in _BLANK.split(text.replace("\r\n", "\n")) if b.strip()]


def _is_navigation(block: str) -> bool:
    """A short single line ("All news", "Politics") ahead of the real title."""
    return "\n" not in block and len(block.split()) <= 3 and not block.endswith(".")


def _header_lines(blocks: list[str]) -> tuple[list[str], str | None]:
    """Header lines with captions and credits removed, and the photo credit if there was one."""
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    credits = [m["credit"] for m in map(_CREDIT.match, lines) if m]
    credit = credits[0] if credits else None
    kept: list[str] = []
    captions: set[str] = set()
    for line in lines:
        if _CREDIT.match(line):
            continue
        if credit and line.endswith(credit):
            captions.add(line[: -len(credit)].strip())
            continue
        kept.append(line)
    return [line for line in kept if line not in captions], credit


def split_layout(text: str, accept: Callable[[Dateline], bool] = lambda _: True) -> Layout:
    """Find the parts of one article; a part the text does not have is None, never invented.

    `accept` vets a would-be dateline (the caller knows places); a refused one stays text.
    """
    blocks = _blocks(text)
    if not blocks:
        return Layout(None, None, "", None, None)

    def dateline_of(block: str) -> Dateline | None:
        found = parse_dateline(block)
        return found if found is not None and accept(found) else None

    for index, block in enumerate(blocks[:_HEADER_BLOCKS]):
        dateline = dateline_of(block)
        if dateline is not None and index > 0:
            header = blocks[:index]
            # A navigation line stands above a title and a lead, never alone above the title.
            if len(header) >= 3 and _is_navigation(header[0]):
                header = header[1:]
            lines, credit = _header_lines(header)
            body = "\n\n".join([block[dateline.end :], *blocks[index + 1 :]])
            return Layout(
                title=lines[0] if lines else None,
                lead=" ".join(lines[1:]) or None,
                body=body,
                dateline=dateline,
                photo_credit=credit,
            )
    # Wire copy: the first block is the headline (a sub-headline may follow on its next line).
    title = blocks[0].splitlines()[0].strip() if len(blocks) > 1 else None
    rest = blocks[1:] if title is not None else blocks
    dateline = dateline_of(rest[0]) if rest else None
    if dateline is not None:
        rest = [rest[0][dateline.end :], *rest[1:]]
    return Layout(
        title=title,
        lead=rest[0].strip() or None if rest else None,
        body="\n\n".join(rest),
        dateline=dateline,
        photo_credit=None,
    )
