"""From a `RawArticle` to an `Article`: layout, dateline, date, speakers, quotes, places, people.

Values given explicitly (a JSON Lines record's fields, a sidecar) win over extracted ones.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from search.extract.attribution.attribute import find_people
from search.extract.dateline import Dateline, agency_home
from search.extract.dates import published_date
from search.extract.gazetteer import find_places, gazetteer, written_name
from search.extract.html import html_to_text
from search.extract.layout import Layout, split_layout
from search.extract.markup import strip_markup
from search.model import Article, Place, RawArticle, Rejected

# Values some exports use for "none" (PolNeAR writes NA for every Western Journalism wire).
_MISSING = {"", "na", "n/a", "none", "null", "unknown"}
_CREDIT_AGENCY = re.compile(r"\s*/\s*[\w .\-]+$")
# Wire copy closes with its reporters and editors: "(Reporting by Olga Petrova; Additional
# reporting by Tom Kessler in Kyiv; Editing by Mark Hollis)". They wrote the story; they are not
# in it.
_WIRE_CREDITS = re.compile(
    r"\((?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled)\b[^()]*\)\s*$"
)
_CREDITED = re.compile(r"(?:\bby|\band|,)\s+([A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){1,2})")


def _given(meta: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip().lower() not in _MISSING:
            return value.strip()
    return None


def _agency(name: str | None) -> str | None:
    """One spelling per agency for the facet: "reuters" and "Reuters" are one, "ap" is "AP"."""
    if not name or not name.islower():
        return name
    return name.upper() if len(name) <= 4 else name.capitalize()


def article_id(doc: RawArticle, title: str | None, body: str) -> str:
    """Stable across runs: the record's id, else the page's address, else the file name, else a
    hash of the content."""
    given = doc.meta.get("id")
    if isinstance(given, bool) or not isinstance(given, str | int | None):
        raise ValueError(f"the record's id must be a string or an integer, not {given!r}")
    if given not in (None, ""):
        if any(ord(c) < 32 for c in str(given)):
            raise ValueError(f"the record's id {given!r} holds a control character")
        return str(given)
    if doc.page_id:
        return doc.page_id
    if not doc.from_record:
        return Path(doc.source).stem
    digest = hashlib.sha1(f"{title or ''}\n{body}".encode()).hexdigest()
    return digest[:20]


def _wire_credits(body: str) -> list[str]:
    """The people a closing wire credit line names."""
    line = _WIRE_CREDITS.search(body)
    return _CREDITED.findall(line.group()) if line else []


def _plausible(dateline: Dateline) -> bool:
    """An agency in the dateline makes it unmistakable; bare capitals must name a real place."""
    return dateline.agency is not None or gazetteer().plausible_dateline(
        dateline.place, dateline.region
    )


def _dateline_place(
    dateline: Dateline, agency: str | None, places: list[Place], warnings: list[str]
) -> Place:
    """The dateline's place, read in the context of the agency and the countries the article
    names. An agency's dateline is a dateline even when the gazetteer does not know its place:
    the place then keeps its written name and region, without coordinates."""
    place = gazetteer().resolve_dateline(
        dateline.place,
        dateline.region,
        home=agency_home(agency),
        mentioned={p.country_code for p in places if p.country_code},
    )
    if place is None or place.lat is None:
        warnings.append(
            f"dateline place {dateline.place!r} not found in the gazetteer: kept as written,"
            " without coordinates"
        )
    return place or Place(written_name(dateline.place), region=dateline.region)


def _layout(doc: RawArticle) -> tuple[Layout, dict[str, Any]]:
    if doc.kind == "html":
        page = html_to_text(doc.content)
        text = "\n\n".join(filter(None, [page.title, page.text]))
        return split_layout(text, _plausible), {**page.meta, **doc.meta}
    return split_layout(doc.content, _plausible), doc.meta


def _year(meta: dict[str, Any], fallback: int | None, warnings: list[str]) -> int | None:
    """A record's own year (2016 or "2016"), else the caller's; anything else is reported."""
    value = meta.get("year")
    if value is None:
        return fallback
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return value
    warnings.append(f"unreadable year {value!r} ignored")
    return fallback


def extract(doc: RawArticle, *, year: int | None = None) -> Article:
    """Every field Dateline knows how to find; what the article does not say stays None."""
    layout, meta = _layout(doc)
    warnings = list(doc.warnings)
    title = _given(meta, "title") or layout.title
    body = strip_markup(
        meta["body"] if isinstance(meta.get("body"), str) and meta["body"].strip() else layout.body
    )
    dateline = layout.dateline
    dated, date_warnings = published_date(
        given=meta.get("published") or meta.get("date"),
        path=None if doc.from_record else doc.source,
        year=_year(meta, year, warnings),
        month=dateline.month if dateline else None,
        day=dateline.day if dateline else None,
    )
    warnings.extend(date_warnings)
    credit = layout.photo_credit
    author = _given(meta, "author", "byline")
    exclude = [name for name in (_CREDIT_AGENCY.sub("", credit or ""), author) if name]
    exclude += _wire_credits(body)
    found = find_people(body, title=title or "", exclude=exclude)
    people_words = {word for name in found.people for word in name.split()}
    places = find_places(body, skip=found.person_spans, skip_words=people_words)
    agency = _agency(_given(meta, "agency", "wire") or (dateline.agency if dateline else None))
    dateline_place = _dateline_place(dateline, agency, places, warnings) if dateline else None
    return Article(
        id=article_id(doc, title, body),
        source=doc.source,
        title=title,
        lead=_given(meta, "lead") or layout.lead,
        body=body,
        agency=agency,
        publisher=_given(meta, "publisher", "sitename"),
        author=author,
        published=dated[0] if dated else None,
        date_precision=dated[1] if dated else None,
        dateline=dateline_place,
        speakers=found.speakers,
        quotes=found.quotes,
        places=places,
        people=list(found.people),
        photo_credit=credit,
        url=_given(meta, "url"),
        warnings=warnings,
    )


def extract_or_reject(raw: RawArticle | Rejected, *, year: int | None = None) -> Article | Rejected:
    """The article extracted from `raw`, or why there is none: one bad article must not stop
    a run of thousands, so a failure becomes a reason the user is told."""
    if isinstance(raw, Rejected):
        return raw
    try:
        article = extract(raw, year=year)
    except Exception as error:
        return Rejected(raw.source, f"extraction failed: {type(error).__name__}: {error}")
    if not article.body.strip():
        return Rejected(raw.source, "no body text found", article.id)
    return article
