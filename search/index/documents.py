"""An `Article` as the Elasticsearch documents the index expects: the article itself, and one
document per quote, each built field by field as search.schema declares them.

Speakers get the person id the people registry already gives their name (`labels`), else the
one their own spelling gives (`search.speakers.names`); the reindex then joins spellings across
the archive and relabels the few documents whose person id turned out otherwise
(`search.index.identity`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from search.geography import former_names
from search.model import Article
from search.schema import ARTICLE_DOCUMENT, QUOTE_DOCUMENT, Facts, QuoteFacts
from search.speakers.names import PersonName, person_name

QUOTE_ID_SEPARATOR = "\x1f"  # never in an article id (search.extract.pipeline refuses it)


def quote_doc_id(article_id: str, position: int) -> str:
    return f"{article_id}{QUOTE_ID_SEPARATOR}{position}"


def _suggestions(article: Article) -> list[str]:
    """What the search box may complete to: speakers, people, places (the dateline too, as
    written and by former names: "rang" finds "Rangoon") and the title.

    A completion matches from the start of an input, so names also go in from each later word:
    "pes" then finds "Peskov", shown as "Dmitry Peskov" (see `search.query.shape.suggestions`).
    """
    places = [*([article.dateline] if article.dateline else []), *article.places]
    place_names = [
        name
        for p in places
        for name in (p.name, *([p.as_written] if p.as_written else []), *former_names(p))
    ]
    names = [s.name for s in article.speakers] + article.people + place_names
    inputs = []
    for name in names:
        words = name.split()
        inputs += [" ".join(words[i:]) for i in range(len(words))]
    if article.title:
        inputs.append(article.title[:200])
    return list(dict.fromkeys(i for i in inputs if i))


Labels = Mapping[str, str | None]  # a name as written -> the person id the registry gives it


def _person(
    written: str, name: PersonName | None, role: str | None, labels: Labels | None = None
) -> dict[str, Any]:
    if name is None:  # a blank name: extraction never gives one, a record's speaker might
        return {"id": None, "key": None, "name": written, "as_written": written, "role": role}
    return {
        "id": labels.get(written, name.id) if labels else name.id,
        "key": name.key,
        "name": name.display,
        "as_written": written,
        "surname": name.surname,
        "role": role,
    }


def facts(article: Article, labels: Labels | None = None) -> Facts:
    """What the documents are built from: the people its names stand for (by `labels`, the
    people registry's ids, when one is known), and the rest."""
    people = {
        s.name: _person(s.name, person_name(s.name), s.role, labels) for s in article.speakers
    }

    def person(name: str) -> dict[str, Any]:
        """A quote's speaker or principal: one of the speakers by name, else known by name."""
        return people.setdefault(name, _person(name, person_name(name), None, labels))

    # An organisation or document keeps its name but gets no person id; an anonymous source
    # or an uncertain attribution has no speaker. A principal ("for Donald Trump") is a person.
    said_by = [
        None
        if q.speaker is None
        else person(q.speaker)
        if q.speaker_kind == "person"
        else _person(q.speaker, None, None)
        for q in article.quotes
    ]
    spoken_for = [person(q.on_behalf_of) if q.on_behalf_of else None for q in article.quotes]
    keys = {n.key for n in map(person_name, article.people) if n} | {
        p["key"] for p in people.values() if p["key"]
    }
    return Facts(
        article=article,
        people=people,
        said_by=said_by,
        spoken_for=spoken_for,
        people_keys=sorted(keys),
        suggest=_suggestions(article),
        indexed_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
    )


def to_documents(
    article: Article, labels: Labels | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """The article's document and its quotes' documents, each with its Elasticsearch id."""
    known = facts(article, labels)
    documents = [(article.id, {f.path: value(known) for f, value in ARTICLE_DOCUMENT})]
    for position, quote in enumerate(article.quotes):
        quoted = QuoteFacts(known, quote, position)
        document = {f.path: value(quoted) for f, value in QUOTE_DOCUMENT}
        documents.append((quote_doc_id(article.id, position), document))
    return documents
