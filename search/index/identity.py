"""The archive's speakers as people: after a reindex or `dateline index`, every speaker carries
the id of the person it is (none for a name that is no person's), and the people registry
(documents of kind `person`, search.schema.REGISTRY) says who each id is.

Identity is computed over the whole index, not article by article as documents stream in:
whether "Obama" is Barack Obama depends on whether the archive knows one Obama or two, and a
document written before the answer was known must follow it. So the write path labels each
speaker with its own spelling's id, then asks the index for every spelling's statistics (an
aggregation: one row per name, not per article), merges them with an editor's corrections on
top (search.speakers.merge), and rewrites only the documents whose person id changed. Names are
never rewritten: the registry gives them at query time, so a rename or a canonical name that
changes costs no document. Last, the registry is written with the counts the documents give.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from elasticsearch import Elasticsearch

from search.config import archive_dir
from search.index.documents import QUOTE_ID_SEPARATOR
from search.index.indices import IndexStateError
from search.scan import scan
from search.schema import (
    ARTICLE,
    ID,
    PERSON,
    PERSON_DOCUMENT,
    PUBLISHED,
    QUOTE,
    QUOTES,
    REGISTRY,
    SPEAKER,
    SPEAKER_IDS,
    SPEAKERS,
    Registered,
    only,
    speaker_ids,
)
from search.speakers.corrections import Correction, CorrectionError, dump, load
from search.speakers.directory import Directory
from search.speakers.merge import Pair, candidate_pairs, identify, note_together
from search.speakers.names import person_name
from search.speakers.registry import Counts, is_person, labels, stored
from search.speakers.stats import NameStats

CORRECTIONS_FILE = "people-corrections.jsonl"  # in the archive's data (DATELINE_ARCHIVE_DIR)
_PAGE = 5000  # composite aggregation page
_KEYS_PER_QUERY = 1000  # spellings looked up by one search
_PAIRS_PER_REQUEST = 200
_NESTED = SPEAKERS.path
_KEY, _WRITTEN, _ID = SPEAKERS.sub("key"), SPEAKERS.sub("as_written"), SPEAKERS.sub("id")
_ROLE, _QUOTE_COUNT = SPEAKERS.sub("role.keyword"), SPEAKERS.sub("quote_count")
_QUOTED_ID, _QUOTED_WRITTEN = SPEAKER.sub("id"), SPEAKER.sub("as_written")


def registry_id(person_id: str) -> str:
    """A registry entry's document id: never an article's (article ids hold no separator) nor
    a quote's (whose part after the separator is a number)."""
    return f"{PERSON}{QUOTE_ID_SEPARATOR}{person_id}"


def corrections_path(alias: str, env: dict[str, str] | None = None) -> Path:
    """The editor's corrections of `alias`, in the archive's data beside its store."""
    return archive_dir(dict(os.environ) if env is None else env, alias) / CORRECTIONS_FILE


def add_correction(alias: str, correction: Correction) -> Path:
    """Append `correction` to the corrections of `alias` (the file made, with its format
    version, on the first); returns the file."""
    path = corrections_path(alias)
    kept = read_corrections(alias)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fresh = path.with_suffix(".jsonl.new")
    fresh.write_text(dump([*kept, correction]), encoding="utf-8")
    fresh.replace(path)  # whole or not at all
    return path


def read_corrections(alias: str) -> list[Correction]:
    """The corrections every identity run of `alias` applies (none when there is no file)."""
    path = corrections_path(alias)
    if not path.exists():
        return []
    try:
        with path.open(encoding="utf-8") as lines:
            return load(lines)
    except CorrectionError as error:
        raise IndexStateError(f"{path}: {error}: mend or remove the line") from None


def known_labels(es: Elasticsearch, index: str) -> dict[str, str | None]:
    """The person id the people registry of `index` gives each spelling (none for a name that
    is no person's): what the write path labels new documents with. Empty when `index` has no
    registry."""
    found: dict[str, str | None] = {}
    wanted = [REGISTRY.sub(p) for p in ("kind", "variants")]
    for hits in scan(es, index, only(PERSON), source=[ID.path, *wanted]):
        for hit in hits:
            held = hit["_source"].get(REGISTRY.path) or {}
            person_id = hit["_source"][ID.path] if held.get("kind") == "person" else None
            found.update(dict.fromkeys(held.get("variants") or [], person_id))
    return found


def _composite(
    es: Elasticsearch,
    index: str,
    fields: dict[str, str],
    sub: dict[str, Any] | None = None,
    *,
    nested: bool = True,
    kind: str = ARTICLE,
) -> Iterator[dict[str, Any]]:
    """Every combination of `fields` in the index (in the nested speakers, or in the documents
    of `kind`), as composite buckets with the sub-aggregations `sub`. A missing value (a
    speaker with no person id) is a bucket of its own, keyed None."""
    after: dict[str, Any] | None = None
    sources = [
        {name: {"terms": {"field": field, "missing_bucket": True}}}
        for name, field in fields.items()
    ]
    while True:
        composite: dict[str, Any] = {"size": _PAGE, "sources": sources}
        if after:
            composite["after"] = after
        agg: dict[str, Any] = {"composite": composite, **({"aggs": sub} if sub else {})}
        aggs = {"s": {"nested": {"path": _NESTED}, "aggs": {"c": agg}}} if nested else {"c": agg}
        response = es.search(index=index, size=0, query=only(kind), aggs=aggs)  # type: ignore[arg-type]
        result = response["aggregations"]["s"]["c"] if nested else response["aggregations"]["c"]
        yield from result["buckets"]
        after = result.get("after_key")
        if not after or not result["buckets"]:
            return


def _dates(bucket: dict[str, Any]) -> tuple[date | None, date | None]:
    found = []
    for end in ("first", "last"):
        when = bucket[end].get("value_as_string")
        found.append(date.fromisoformat(when) if when else None)
    return found[0], found[1]


_PER_ARTICLE = {
    "reverse_nested": {},
    "aggs": {
        "first": {"min": {"field": PUBLISHED.path, "format": "strict_date"}},
        "last": {"max": {"field": PUBLISHED.path, "format": "strict_date"}},
    },
}


def key_stats(es: Elasticsearch, index: str) -> list[NameStats]:
    """Each spelling of the index's speakers: its articles and quotes, first and last dates and
    roles (identity's evidence of office and period)."""
    stats: dict[str, NameStats] = {}
    sub = {
        "quotes": {"sum": {"field": _QUOTE_COUNT}},
        "roles": {"terms": {"field": _ROLE, "size": 5}},
        "article": _PER_ARTICLE,
    }
    for bucket in _composite(es, index, {"key": _KEY, "written": _WRITTEN}, sub):
        written, key = bucket["key"]["written"], bucket["key"]["key"]
        name = person_name(written) if written else None
        if name is None or name.key != key:
            continue
        found = stats.setdefault(written, NameStats(written))
        found.articles += bucket["article"]["doc_count"]
        found.quotes += int(bucket["quotes"]["value"])
        for role in bucket["roles"]["buckets"]:
            found.roles[role["key"]] += role["doc_count"]
        first, last = _dates(bucket["article"])
        if first and last:
            found.first = min(found.first or first, first)
            found.last = max(found.last or last, last)
    return list(stats.values())


def _named_together(es: Elasticsearch, index: str, pairs: Iterable[Pair]) -> set[Pair]:
    """The pairs of keys that some article names both of (so they are two people)."""
    pending = [tuple(sorted(pair)) for pair in pairs]
    together: set[Pair] = set()
    for start in range(0, len(pending), _PAIRS_PER_REQUEST):
        batch = pending[start : start + _PAIRS_PER_REQUEST]
        filters = {
            str(n): {"bool": {"filter": [{"term": {"people_keys": k}} for k in pair]}}
            for n, pair in enumerate(batch)
        }
        response = es.search(index=index, size=0, aggs={"pairs": {"filters": {"filters": filters}}})
        buckets = response["aggregations"]["pairs"]["buckets"]
        together.update(frozenset(batch[int(n)]) for n, b in buckets.items() if b["doc_count"])
    return together


def identity(
    es: Elasticsearch, index: str, corrections: Sequence[Correction] = ()
) -> tuple[Directory, list[NameStats]]:
    """The index's people, ambiguous names and non-people, corrections applied."""
    stats = key_stats(es, index)
    note_together(stats, _named_together(es, index, candidate_pairs(stats)))
    return identify(stats, corrections), stats


def _changed(es: Elasticsearch, index: str, found: dict[str, str | None]) -> dict[str, str | None]:
    """The spellings some of whose documents carry another person id than `found` says."""
    changed: dict[str, str | None] = {}
    combinations = [
        _composite(es, index, {"written": _WRITTEN, "id": _ID}),
        _composite(
            es, index, {"written": _QUOTED_WRITTEN, "id": _QUOTED_ID}, nested=False, kind=QUOTE
        ),
    ]
    for buckets in combinations:
        for bucket in buckets:
            written, carried = bucket["key"]["written"], bucket["key"]["id"]
            if written in found and carried != found[written]:
                changed[written] = found[written]
    return changed


def _relabel(source: dict[str, Any], ids: dict[str, str | None], names: dict[str, str]) -> None:
    """Give each speaker (and quote) of a document their person's id, by the spelling the
    article writes, in place (with the name the registry gives it, for readers of the stored
    document; queries ask the registry). An article's quotes follow its speakers by key."""
    persons = source.get(_NESTED, []) + ([source[SPEAKER.path]] if source.get(SPEAKER.path) else [])
    by_key: dict[str, str | None] = {}
    for person in persons:
        written = person.get("as_written") or ""
        if written in ids:
            person["id"] = ids[written]
            person["name"] = names.get(ids[written] or "", person.get("name"))
            by_key[person.get("key") or ""] = ids[written]
    if _NESTED in source:
        source[SPEAKER_IDS.path] = speaker_ids(source[_NESTED])
    for quote in source.get(QUOTES.path, []):
        key = quote.get("speaker_key") or ""
        if key in by_key:
            quote["speaker_id"] = by_key[key]
            quote["speaker"] = names.get(by_key[key] or "", quote.get("speaker"))


def _rewrite(
    es: Elasticsearch, index: str, changed: dict[str, str | None], names: dict[str, str]
) -> int:
    """Rewrite the documents writing a changed spelling; returns how many. The documents are
    read and written back whole (a bulk request): the distribution Dateline runs locally has
    no update-by-query (its `reindex` module is absent)."""
    spellings = sorted(changed)
    rewritten = 0
    for start in range(0, len(spellings), _KEYS_PER_QUERY):
        batch = spellings[start : start + _KEYS_PER_QUERY]
        query = {
            "bool": {
                "should": [
                    {"nested": {"path": _NESTED, "query": {"terms": {_WRITTEN: batch}}}},
                    {"terms": {_QUOTED_WRITTEN: batch}},
                ]
            }
        }
        for hits in scan(es, index, query):
            lines = []
            for hit in hits:
                _relabel(hit["_source"], changed, names)
                lines.append(orjson.dumps({"index": {"_id": hit["_id"]}}))
                lines.append(orjson.dumps(hit["_source"]))
            body = b"\n".join(lines) + b"\n"
            response = es.bulk(index=index, operations=body)  # type: ignore[arg-type]
            if response["errors"]:
                raise RuntimeError(f"relabelling speakers failed in {index}")
            rewritten += len(hits)
    return rewritten


def person_counts(es: Elasticsearch, index: str) -> dict[str, Counts]:
    """Each person id's numbers as the documents give them: the speaker facet of an article
    search (articles), of a quote search (quote documents), and their dates and roles."""
    counts: dict[str, Counts] = {}
    sub = {"roles": {"terms": {"field": _ROLE, "size": 5}}, "article": _PER_ARTICLE}
    for bucket in _composite(es, index, {"id": _ID}, sub):
        person_id = bucket["key"]["id"]
        if person_id is None:
            continue
        first, last = _dates(bucket["article"])
        counts[person_id] = Counts(
            articles=bucket["article"]["doc_count"],
            first=first,
            last=last,
            roles=[b["key"] for b in bucket["roles"]["buckets"]],
        )
    for bucket in _composite(es, index, {"id": _QUOTED_ID}, nested=False, kind=QUOTE):
        person_id = bucket["key"]["id"]
        if person_id is not None:
            counts.setdefault(person_id, Counts()).quotes = bucket["doc_count"]
    return counts


def write_registry(es: Elasticsearch, index: str, directory: Directory) -> int:
    """The registry of `index` made the directory's: every entry written, entries gone
    deleted. Returns the entries written."""
    counts = person_counts(es, index)
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    wanted: dict[str, bytes] = {}
    for entry in directory.entries.values():
        mine = counts.get(entry.id) if is_person(entry) else None
        if is_person(entry) and mine is None:
            continue  # every spelling went elsewhere (an editor's split or merge)
        registered = Registered(entry.id, stored(entry, mine, directory), now)
        document = {f.path: value(registered) for f, value in PERSON_DOCUMENT}
        wanted[registry_id(entry.id)] = orjson.dumps(document)
    stale = [
        hit["_id"]
        for hits in scan(es, index, only(PERSON), source=False)
        for hit in hits
        if hit["_id"] not in wanted
    ]
    lines = [orjson.dumps({"delete": {"_id": i}}) for i in stale]
    for doc_id, body in wanted.items():
        lines += [orjson.dumps({"index": {"_id": doc_id}}), body]
    for start in range(0, len(lines), 4000):
        chunk = lines[start : start + 4000]
        response = es.bulk(index=index, operations=b"\n".join(chunk) + b"\n")  # type: ignore[arg-type]
        if response["errors"]:
            raise RuntimeError(f"writing the people registry failed in {index}")
    return len(wanted)


@dataclass(frozen=True)
class Relabelled:
    """What one identity run did: documents rewritten, registry entries written, people."""

    documents: int
    entries: int
    people: int


def relabel_speakers(
    es: Elasticsearch, index: str, corrections: Sequence[Correction] = ()
) -> Relabelled:
    """Give every speaker in `index` their person's id and write the people registry."""
    es.indices.refresh(index=index)
    directory, stats = identity(es, index, corrections)
    names = {e.id: e.name for e in directory.entries.values() if is_person(e)}
    changed = _changed(es, index, labels(directory, stats))
    rewritten = _rewrite(es, index, changed, names)
    es.indices.refresh(index=index)
    entries = write_registry(es, index, directory)
    es.indices.refresh(index=index)
    return Relabelled(rewritten, entries, len(names))
