"""The directory of speakers as the page keeps it in its URL (`/speakers?prefix=oka&sort=name`),
read forgivingly like a search (api/pages/state.py): a value the API would refuse is dropped
with a note, never a failure; a page link (`cursor`) that no longer fits its list starts the
list over, saying so. The cursor only goes forward: the first page is a link, the pages before
are the browser's Back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import marshmallow as ma

from api.arguments import SpeakersArgsSchema
from api.pages.state import Note, href, plain
from search.query import speakers
from search.query.cursor import BadCursor
from search.query.speakers import DirectorySort

PATH = "/speakers"
SIZE = 50  # people a page, unless the address asks for another number (up to the API's 100)
SORTS: tuple[tuple[DirectorySort, str], ...] = (
    ("quotes", "Most quoted"),
    ("articles", "Most articles"),
    ("name", "By name"),
)
_LABELS = {"prefix": "Name", "sort": "Sort", "size": "Speakers per page", "cursor": "Page"}


@dataclass(frozen=True)
class Listing:
    """One page of the directory: its words, order, where it resumes, what was dropped."""

    prefix: str
    sort: DirectorySort
    size: int
    after: list[Any] | None
    notes: tuple[Note, ...]

    def link(self, sort: DirectorySort | None = None, cursor: str | None = None) -> str:
        """This list (or in another order) from its first page, or from `cursor` on."""
        pairs = [("prefix", self.prefix)] if self.prefix else []
        chosen = sort or self.sort
        if chosen != "quotes":
            pairs.append(("sort", chosen))
        if self.size != SIZE:
            pairs.append(("size", str(self.size)))
        if cursor:
            pairs.append(("cursor", cursor))
        return href(PATH, pairs)


def read(args: Mapping[str, Sequence[str]]) -> Listing:
    """The listing a query string asks for; unknown keys ignored, bad values noted."""
    given = {
        key: values[0].strip()
        for key in _LABELS
        if (values := [v for v in args.get(key, ()) if v.strip()])
    }
    notes: list[Note] = []
    while True:
        try:
            loaded = SpeakersArgsSchema().load({"size": SIZE, **given})
            break
        except ma.ValidationError as error:
            messages = error.messages if isinstance(error.messages, dict) else {}
            dropped = [key for key in messages if key in given]
            if not dropped:  # nothing left to blame: the whole directory rather than a failure
                given = {}
                continue
            for key in dropped:
                reason = messages[key]
                text = " ".join(reason) if isinstance(reason, list) else str(reason)
                notes.append(Note(_LABELS[key], given.pop(key), plain(text)))
    prefix, sort, size = loaded["prefix"], loaded["sort"], loaded["size"]
    after = None
    if loaded["cursor"]:
        try:
            after = speakers.directory_after(prefix, sort, size, loaded["cursor"])
        except BadCursor:
            reason = "it belongs to another list, so this one starts from its first page"
            notes.append(Note("Page", loaded["cursor"], reason))
    return Listing(prefix, sort, size, after, tuple(notes))
