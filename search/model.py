"""The article at each step: as read (`RawArticle`), as extracted and stored (`Article`), or why
there is none (`Rejected`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year"]
RawKind = Literal["text", "html", "record"]
# direct: wholly inside quotation marks; mixed: partly quoted; indirect: reported speech.
QuoteType = Literal["direct", "mixed", "indirect"]
SpeakerKind = Literal["person", "organization", "document", "anonymous"]


@dataclass
class RawArticle:
    """One article as an input gave it, before extraction: what extraction reads.

    `meta` holds the values the input states (a record's fields, a sidecar, a manifest): they
    win over what extraction finds.
    """

    source: str  # path, or path:line for a JSON Lines record
    kind: RawKind
    content: str  # text or HTML; for records, the record's text or html field
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    from_record: bool = False  # a JSON Lines record: its file's name and path say nothing of it
    # The id a page's address gives (WARC records, feed entries, sitemap pages): a page crawled
    # again is the same article. A stated `id` in `meta` still wins.
    page_id: str | None = None


@dataclass(frozen=True)
class Rejected:
    """An input that gives no article, with the reason told to the user."""

    source: str
    reason: str
    id: str | None = None


@dataclass(frozen=True)
class Place:
    """A place resolved against the gazetteer; coordinates are None when only the name is known.

    `region` is the first-level division the place lies in when known: a US state, or the
    region a dateline writes ("ZAVIDOVO /Tver Region/"). `as_written` is the name as the
    article writes it when that is not the gazetteer's ("RANGOON" is Yangon).
    """

    name: str
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    region: str | None = None
    as_written: str | None = None


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None
    quote_count: int


@dataclass(frozen=True)
class Context:
    """Where a quote sits, as body offsets: its sentence(s), and the sentence before and after
    (None at the body's edges), so that a page can show it in its place."""

    sentence: tuple[int, int]
    before: tuple[int, int] | None
    after: tuple[int, int] | None


@dataclass(frozen=True)
class Quote:
    """A statement and who made it; `start`/`end` are offsets into the article body.

    `speaker` is the name of the person, organisation or document speaking (`speaker_kind`);
    it is None for an anonymous source, for an organisation or document the article does not
    name ("the lawsuit"), and when the attribution's `confidence` fell below the threshold
    ("speaker uncertain": `speaker_kind` None too). `description` is how the article describes
    a source that is no named person ("a source familiar with the talks"). A spokesperson, aide
    or lawyer is the speaker, with `on_behalf_of` naming the one spoken for. `context` holds
    the quote's sentence and its neighbours as body offsets.
    """

    speaker: str | None
    text: str
    cue: str
    start: int
    end: int
    type: QuoteType = "indirect"
    speaker_kind: SpeakerKind | None = "person"
    on_behalf_of: str | None = None
    description: str | None = None
    confidence: float = 1.0
    context: Context | None = None


@dataclass
class Article:
    id: str
    source: str
    title: str | None
    lead: str | None
    body: str
    agency: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    date_precision: DatePrecision | None = None
    dateline: Place | None = None
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    photo_credit: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: dates as ISO strings, a missing date stays null."""
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data
