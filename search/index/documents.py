"""An `Article` as the Elasticsearch document the mapping in `search.index.mapping` expects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from search.model import Article, Place


def _place(place: Place) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": place.name,
        "country": place.country,
        "country_code": place.country_code,
    }
    if place.lat is not None and place.lon is not None:
        doc["location"] = {"lat": place.lat, "lon": place.lon}
    return doc


def _suggestions(article: Article) -> list[str]:
    """What the search box may complete to: speakers, people, places and the title.

    A completion matches from the start of an input, so names also go in from each later word:
    "pes" then finds "Peskov", shown as "Dmitry Peskov" (see `search.query.execute.suggest`).
    """
    names = [s.name for s in article.speakers] + article.people + [p.name for p in article.places]
    inputs = []
    for name in names:
        words = name.split()
        inputs += [" ".join(words[i:]) for i in range(len(words))]
    if article.title:
        inputs.append(article.title[:200])
    return list(dict.fromkeys(i for i in inputs if i))


def to_document(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "agency": article.agency,
        "publisher": article.publisher,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "date_precision": article.date_precision,
        "dateline": _place(article.dateline) if article.dateline else None,
        "places": [_place(p) for p in article.places],
        "people": article.people,
        "speakers": [
            {"name": s.name, "role": s.role, "quote_count": s.quote_count} for s in article.speakers
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "cue": q.cue, "start": q.start, "end": q.end}
            for q in article.quotes
        ],
        "photo_credit": article.photo_credit,
        "suggest": _suggestions(article),
        "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
