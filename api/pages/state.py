"""A search as the pages keep it: in the URL, read forgivingly, and every link built from it.

The API refuses what it does not know (a typo must not silently widen a search); a page is
opened from shared links, bookmarks and feeds, so it ignores unknown arguments (`fbclid`,
`utm_source`…) and drops an invalid value with a note the reader sees, instead of failing or
carrying the bad value into every later link. What is valid is decided by the API's own
schema (`api.arguments.SearchArgsSchema`), field by field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode

import marshmallow as ma

from api.arguments import SearchArgsSchema
from search.query.params import EXCLUDED, MAX_PAGE_SIZE, SearchParams, is_excluded
from search.query.periods import month_end
from search.schema import FACETS, FACETS_BY_NAME

REPEATABLE = tuple(facet.name for facet in FACETS)
# The search's own arguments, in the order links write them; the API's `cursor` and `explain`
# are for programs, not for pages.
KEYS = ("q", *REPEATABLE, "from", "to", "sort", "size", "page")
FILTER_KEYS = ("q", *REPEATABLE, "from", "to")  # what export and feed links carry (and sort)
DEFAULTS = {"sort": "relevance", "size": "10", "page": "1"}
SIZES = (10, 20, 50, MAX_PAGE_SIZE)
SORTS = (("relevance", "Best match"), ("newest", "Newest first"), ("oldest", "Oldest first"))
LABELS = {
    "q": "Words",
    **{facet.name: facet.singular for facet in FACETS},
    "from": "From",
    "to": "Until",
    "sort": "Sort",
    "size": "Results per page",
    "page": "Page",
}
Pairs = tuple[tuple[str, str], ...]


def href(path: str, pairs: Iterable[tuple[str, str]]) -> str:
    """`path` with `pairs` as its query string (none: the bare path)."""
    query = urlencode(list(pairs))
    return f"{path}?{query}" if query else path


def path_part(value: str) -> str:
    """An id as one path segment: slashes, `?` and `#` escaped."""
    return quote(value, safe="")


def plain(message: str) -> str:
    """A validation message as a reader reads it: no code formatting, page words."""
    if "cursor" in message:
        return "pages reach 10,000 results deep at most"
    text = message.replace("`", "").rstrip(".")
    text = re.sub(
        r"greater than or equal to (\S+) and less than or equal to (\S+)", r"from \1 to \2", text
    )
    return text[:1].lower() + text[1:]


def _messages(error: ma.ValidationError) -> dict[str, Any]:
    found = error.messages
    return found if isinstance(found, dict) else {"_schema": found}


@dataclass(frozen=True)
class Note:
    """A value the page dropped, and why."""

    key: str
    value: str
    reason: str

    @property
    def text(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        return f"{LABELS.get(self.key, self.key)} “{shown}” was left out: {self.reason}."


def _given(args: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The search's arguments from a query string: known keys only, blanks treated as absent
    (an empty date box), facets deduplicated, every other key taken once (as the API does)."""
    given: dict[str, Any] = {}
    for key in KEYS:
        values = [v.strip() for v in args.get(key, ()) if v.strip()]
        if not values:
            continue
        given[key] = list(dict.fromkeys(values)) if key in REPEATABLE else values[0]
    return given


def _drop(given: dict[str, Any], messages: dict[str, Any]) -> list[Note]:
    """Remove what the schema refused from `given`; the notes say what went."""
    notes = []
    for key, problem in messages.items():
        if key not in given:
            continue
        if key in REPEATABLE and isinstance(problem, dict):  # {index: [messages]}
            bad = {int(i) for i in problem}
            for i in sorted(bad):
                notes.append(Note(key, given[key][i], plain(" ".join(problem[i]))))
            kept = [v for i, v in enumerate(given[key]) if i not in bad]
            if kept:
                given[key] = kept
            else:
                del given[key]
            continue
        reason = " ".join(problem) if isinstance(problem, list) else str(problem)
        value = given.pop(key)
        notes.append(
            Note(key, ", ".join(value) if isinstance(value, list) else value, plain(reason))
        )
    return notes


def read(args: Mapping[str, Sequence[str]]) -> State:
    """The state a query string asks for, and what had to be dropped from it."""
    given = _given(args)
    notes: list[Note] = []
    schema = SearchArgsSchema()
    while True:
        try:
            params: SearchParams = schema.load(given)["params"]
            break
        except ma.ValidationError as error:
            dropped = _drop(given, _messages(error))
            if not dropped:  # nothing left to blame: start from nothing rather than fail
                notes.append(Note("search", "", "it could not be read"))
                given = {}
            notes.extend(dropped)
    for key, default in DEFAULTS.items():
        if given.get(key) == default:
            del given[key]
    pairs = tuple(
        (key, value)
        for key in KEYS
        if key in given
        for value in (given[key] if key in REPEATABLE else [given[key]])
    )
    return State(pairs, params, tuple(notes))


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes it."""

    label: str
    value: str
    remove: str


@dataclass(frozen=True)
class State:
    """A valid search, as (key, value) pairs for links and as the API's parameters."""

    pairs: Pairs
    params: SearchParams
    notes: tuple[Note, ...] = ()

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.pairs if k == key), None)

    def values(self, key: str) -> list[str]:
        return [v for k, v in self.pairs if k == key]

    @property
    def filtered(self) -> bool:
        """Anything narrows the search beyond its words."""
        return any(k in FILTER_KEYS and k != "q" for k, _ in self.pairs)

    def changed(self, changes: Mapping[str, Sequence[str]], *, keep_page: bool = False) -> Pairs:
        """The pairs with some keys' values replaced; any change but paging is a new search,
        which starts on page 1."""
        kept = {k: self.values(k) for k in KEYS if k != "page" or keep_page}
        kept.update({k: list(v) for k, v in changes.items()})
        return tuple((k, v) for k in KEYS for v in kept.get(k, ()) if v and DEFAULTS.get(k) != v)

    def link(self, path: str = "/", changes: Mapping[str, Sequence[str]] | None = None) -> str:
        return href(path, self.changed(changes or {}))

    def only(self, keys: Sequence[str], path: str, extra: Sequence[tuple[str, str]] = ()) -> str:
        """A link to another view of the same search (export, feed, an article)."""
        return href(path, [*((k, v) for k, v in self.pairs if k in keys), *extra])

    def page_link(self, path: str, number: int) -> str:
        return href(path, self.changed({"page": [str(number)]}, keep_page=True))

    # --- facets and dates --------------------------------------------------------------------

    def _others(self, facet: str, bucket: Mapping[str, Any]) -> list[str]:
        """The facet's values in the URL but `bucket`'s, selected or excluded, however typed
        ("us" and "-USA" are the bucket "United States")."""
        read = FACETS_BY_NAME[facet].canonical or (lambda value: value)

        def key(value: str) -> str:
            value = value.removeprefix(EXCLUDED) if is_excluded(value) else value
            return (read(value) or value).casefold()

        names = {key(bucket["value"]), str(bucket.get("id", "")).casefold()}
        return [v for v in self.values(facet) if key(v) not in names]

    def toggle(
        self, path: str, facet: str, bucket: Mapping[str, Any], buckets: Sequence[Any]
    ) -> str:
        """Select a facet's value (lifting its exclusion), or lift the selection. Speakers are
        selected by id; a selected person named in the URL by another spelling or a surname
        alone is lifted by keeping the other selected people by id."""
        by_id = FACETS_BY_NAME[facet].by_id
        values = self.values(facet)
        kept = self._others(facet, bucket)
        if not bucket["selected"]:
            return self.link(path, {facet: [*kept, bucket["id"] if by_id else bucket["value"]]})
        if by_id and len(kept) == len(values):
            kept = [b["id"] for b in buckets if b["selected"] and b["id"] != bucket["id"]]
        return self.link(path, {facet: kept})

    def exclude(self, path: str, facet: str, bucket: Mapping[str, Any]) -> str:
        """Exclude a facet's value ("-United States": datelined outside the United States),
        or lift the exclusion."""
        kept = self._others(facet, bucket)
        if bucket.get("excluded"):
            return self.link(path, {facet: kept})
        return self.link(path, {facet: [*kept, EXCLUDED + bucket["value"]]})

    def date_range(self, path: str, first: str, last: str) -> str:
        """Restrict to a bar's days, or lift the restriction if it is that range already."""
        if self.get("from") == first and self.get("to") == last:
            return self.link(path, {"from": [], "to": []})
        return self.link(path, {"from": [first], "to": [last]})

    def chips(self, path: str, names: Mapping[str, str] | None = None) -> list[Chip]:
        """Every active filter with the link that removes it; `names` shows speakers chosen by
        id under their names."""
        names = names or {}
        chips = []
        if self.params.q:
            chips.append(Chip(LABELS["q"], self.params.q, self.link(path, {"q": []})))
        for facet in REPEATABLE:
            for value in self.values(facet):
                rest = [v for v in self.values(facet) if v != value]
                bare = value.removeprefix(EXCLUDED) if is_excluded(value) else value
                read = FACETS_BY_NAME[facet].canonical  # "us" shown as "United States"
                shown = (read(bare) or bare) if read else bare
                shown = names.get(bare, bare) if FACETS_BY_NAME[facet].by_id else shown
                shown = f"not {shown}" if is_excluded(value) else shown
                chips.append(Chip(LABELS[facet], shown, self.link(path, {facet: rest})))
        if self.get("from") or self.get("to"):
            chips.append(
                Chip(
                    "Dates",
                    span_label(self.params.date_from, self.params.date_to),
                    self.link(path, {"from": [], "to": []}),
                )
            )
        if self.get("sort"):
            chips.append(
                Chip(LABELS["sort"], sort_label(self.params.sort), self.link(path, {"sort": []}))
            )
        if self.get("size"):
            chips.append(Chip(LABELS["size"], str(self.params.size), self.link(path, {"size": []})))
        return chips


def sort_label(sort: str) -> str:
    return dict(SORTS)[sort].lower()


# --- dates in words --------------------------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def day_label(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_label(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def span_label(first: date | None, last: date | None) -> str:
    """A date range as a reader says it: "March 2030", "2030", "4–19 March 2030"."""
    if first and last:
        if first == last:
            return day_label(first)
        if first.day == 1 and last == month_end(first):
            return month_label(first)
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
            return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{day_label(last)}"
        return f"{day_label(first)} – {day_label(last)}"
    if first:
        return f"from {day_label(first)}"
    if last:
        return f"until {day_label(last)}"
    return "any date"


def iso_day_label(value: str | None) -> str:
    """An ISO date (or a month, or a year) from the index, in words; other text unchanged."""
    if not value:
        return "date unknown"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return day_label(date.fromisoformat(value))
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return month_label(date.fromisoformat(value + "-01"))
    return value
