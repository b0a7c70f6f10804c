"""An `Article` as the Elasticsearch documents the mapping in `search.index.mapping` expects:
the article itself, and one document per quote.

Speakers get the id and name their own spelling gives (`search.speakers.names`); the reindex
then joins spellings across the archive and relabels the few documents whose person turned out
to be known under another name (`search.index.identity`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from search.model import Article, Place
from search.speakers.names import PersonName, person_name

QUOTE_ID_SEPARATOR = "\x1f"  # never in an article id (search.extract.pipeline refuses it)


def quote_doc_id(article_id: str, position: int) -> str:
    return f"{article_id}{QUOTE_ID_SEPARATOR}{position}"


def _place(place: Place) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": place.name,
        "region": place.region,
        "country": place.country,
        "country_code": place.country_code,
    }
    if place.lat is not None and place.lon is not None:
        doc["location"] = {"lat": place.lat, "lon": place.lon}
    return doc


def _suggestions(article: Article) -> list[str]:
    """What the search box may complete to: speakers, people, places and the title.

    A completion matches from the start of an input, so names also go in from each later word:
    "pes" then finds "Peskov", shown as "Dmitry Peskov" (see `search.query.shape.suggestions`).
    """
    names = [s.name for s in article.speakers] + article.people + [p.name for p in article.places]
    inputs = []
    for name in names:
        words = name.split()
        inputs += [" ".join(words[i:]) for i in range(len(words))]
    if article.title:
        inputs.append(article.title[:200])
    return list(dict.fromkeys(i for i in inputs if i))


def _person(written: str, name: PersonName | None, role: str | None) -> dict[str, Any]:
    if name is None:  # a blank name: extraction never gives one, a record's speaker might
        return {"id": None, "key": None, "name": written, "as_written": written, "role": role}
    return {
        "id": name.id,
        "key": name.key,
        "name": name.display,
        "as_written": written,
        "surname": name.surname,
        "role": role,
    }


def to_documents(article: Article) -> list[tuple[str, dict[str, Any]]]:
    """The article's document and its quotes' documents, each with its Elasticsearch id."""
    people = {s.name: _person(s.name, person_name(s.name), s.role) for s in article.speakers}
    for quote in article.quotes:  # a person's quote: its speaker is one of the speakers, by name
        if quote.speaker is not None and quote.speaker_kind == "person":
            people.setdefault(
                quote.speaker, _person(quote.speaker, person_name(quote.speaker), None)
            )
    # An organisation or document keeps its name but gets no person id; an anonymous source
    # or an uncertain attribution has no speaker.
    said_by = [
        people[q.speaker]
        if q.speaker is not None and q.speaker_kind == "person"
        else _person(q.speaker, None, None)
        if q.speaker is not None
        else None
        for q in article.quotes
    ]
    dateline = _place(article.dateline) if article.dateline else None
    places = [_place(p) for p in article.places]
    published = article.published.isoformat() if article.published else None
    indexed_at = datetime.now(UTC).isoformat(timespec="milliseconds")
    keys = {n.key for n in map(person_name, article.people) if n} | {
        p["key"] for p in people.values() if p["key"]
    }
    document = {
        "kind": "article",
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "agency": article.agency,
        "publisher": article.publisher,
        "author": article.author,
        "published": published,
        "date_precision": article.date_precision,
        "dateline": dateline,
        "places": places,
        "people": article.people,
        "people_keys": sorted(keys),
        "speakers": [{**people[s.name], "quote_count": s.quote_count} for s in article.speakers],
        "quotes": [
            {
                "speaker_id": who["id"] if who else None,
                "speaker_key": who["key"] if who else None,
                "speaker": who["name"] if who else None,
                "text": q.text,
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
            }
            for q, who in zip(article.quotes, said_by, strict=True)
        ],
        "photo_credit": article.photo_credit,
        "suggest": _suggestions(article),
        "indexed_at": indexed_at,
    }
    documents: list[tuple[str, dict[str, Any]]] = [(article.id, document)]
    for position, quote in enumerate(article.quotes):
        documents.append(
            (
                quote_doc_id(article.id, position),
                {
                    "kind": "quote",
                    "id": f"{article.id}#{position}",
                    "article_id": article.id,
                    "position": position,
                    "text": quote.text,
                    "cue": quote.cue,
                    "speaker": said_by[position],
                    "article": {"title": article.title, "url": article.url},
                    "published": published,
                    "date_precision": article.date_precision,
                    "dateline": dateline,
                    "places": places,
                    "agency": article.agency,
                    "indexed_at": indexed_at,
                },
            )
        )
    return documents
