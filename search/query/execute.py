"""Asking Elasticsearch: the requests built by `body` and `speakers`, the answers shaped by
`shape` (with `export`, which streams, the only modules of the read path that talk to the
cluster)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from elasticsearch import ApiError, Elasticsearch
from elasticsearch.exceptions import HTTP_EXCEPTIONS

from search.folding import fold
from search.query import articles, citation, cursor, export, language, speakers, spelling
from search.query import compare as comparing
from search.query.body import (
    Selection,
    Window,
    aggregations,
    apart,
    article_query,
    build,
    build_quotes,
    facet_counts,
    filters,
    quote_query,
    suggest_body,
    value_prefix,
)
from search.query.params import EXCLUDED, Interval, SearchParams, interval_for, split_excluded
from search.query.shape import FEW_HITS, result, suggestions
from search.query.shape import facet_values as facet_values_shaped
from search.scan import PAGE, scan
from search.schema import (
    ARTICLE,
    AUTHOR,
    BODY,
    FACETS,
    ID,
    PERSON,
    REGISTRY,
    SPEAKER_FACET,
    Facet,
    Kind,
    only,
)
from search.speakers.lookup import People
from search.speakers.names import person_name
from search.speakers.registry import directory_of


def _search(
    es: Elasticsearch, index: str, body: dict[str, Any], preference: str | None = None
) -> dict[str, Any]:
    if "from" in body:
        body = {**body, "from_": body.pop("from")}  # the client's spelling of the reserved word
    if preference:
        body = {**body, "preference": preference}
    answer: dict[str, Any] = es.search(index=index, **body).body
    if answer["_shards"]["failed"]:
        # A node that left between the query and the fetch phase fails its shards' fetch, which
        # Elasticsearch does not move to another copy: asked again, the copies that remain
        # answer. A shard with no copy left fails again, and the answer is what it is.
        answer = es.search(index=index, **body).body
    return answer


def _search_apart(
    es: Elasticsearch, index: str, body: dict[str, Any], preference: str
) -> dict[str, Any]:
    """`body` sent as its hits and its counts (`apart`) in one multi-search, answered as one
    search."""
    header = {"index": index, "preference": preference}
    hits, counts = apart(body)
    for _ in range(2):  # a shard lost between the phases: asked again, as in `_search`
        answer = es.msearch(searches=[part for p in (hits, *counts) for part in (header, p)])
        found, *counted = (_raise_failed(answer, item) for item in answer["responses"])
        if not any(r["_shards"]["failed"] for r in (found, *counted)):
            break
    found["hits"]["total"] = counted[0]["hits"]["total"]
    found["aggregations"] = {k: v for r in counted for k, v in r.get("aggregations", {}).items()}
    found["suggest"] = counted[0].get("suggest", {})
    found["timed_out"] = any(r["timed_out"] for r in (found, *counted))
    return found


def _raise_failed(answer: Any, item: dict[str, Any]) -> dict[str, Any]:
    """A multi-search answers each search's failure in place: raised as `search` would."""
    if "error" not in item:
        return item
    status = item.get("status", 500)
    meta = replace(answer.meta, status=status)
    raise HTTP_EXCEPTIONS.get(status, ApiError)(message=str(item["error"]), meta=meta, body=item)


_REGISTRIES: dict[str, tuple[tuple[Any, ...], People]] = {}


def people(es: Elasticsearch, index: str) -> People:
    """The people registry of `index`, read whole once per version of it (a small request
    tells whether it changed) and kept for the process's later requests."""
    version = speakers.stamp(_search(es, index, speakers.stamp_body()))
    cached = _REGISTRIES.get(index)
    if cached is not None and cached[0] == version:
        return cached[1]
    held = [
        (hit["_source"][ID.path], hit["_source"].get(REGISTRY.path) or {})
        for hits in scan(es, index, only(PERSON), source=[ID.path, REGISTRY.path])
        for hit in hits
    ]
    found = People(directory_of(held))
    _REGISTRIES[index] = (version, found)
    return found


def _names(registry: People) -> dict[str, str]:
    return {k.entry.id: k.entry.name for k in registry.known}


def selection(
    es: Elasticsearch, index: str, params: SearchParams, registry: People | None = None
) -> Selection:
    """What each selected facet filters by: lower-cased values as the index holds them ("us" is
    "united states"), and for speakers the ids of the people the values name (read over the
    people registry); an excluded value keeps its mark ("-united states")."""
    chosen: Selection = {}
    for facet in FACETS:
        values = params.filters.get(facet.name)
        if not values:
            continue
        wanted, unwanted = split_excluded(values)
        if not facet.by_id:
            read = facet.canonical or (lambda value: value)
            keys = [{(read(v) or v).lower() for v in given} for given in (wanted, unwanted)]
        else:
            registry = registry or people(es, index)
            keys = [_ids(facet, registry, given) for given in (wanted, unwanted)]
        chosen[facet.name] = (*sorted(keys[0]), *(EXCLUDED + key for key in sorted(keys[1])))
    return chosen


def _ids(facet: Facet, registry: People, values: list[str]) -> set[str]:
    """The ids of the people `values` name."""
    found = {i for value in values for i in speakers.filtered_ids(registry.resolve(value))}
    if facet is not SPEAKER_FACET:  # someone spoken for may never speak: their own id
        found |= {p.id for p in map(person_name, values) if p}
    return found


def _window(first: date, last: date) -> tuple[date, date]:
    """A selected range and as much again on each side: its neighbours on the time line."""
    span = max(last - first, timedelta(days=1))
    # Clamped to the calendar: a range reaching year 1 or 9999 has no neighbour beyond it.
    before = date.min if first - date.min < span else first - span
    after = date.max if date.max - last < span else last + span
    return before, after


def _histogram_plan(params: SearchParams) -> tuple[Interval, Window]:
    """The bars to ask for before the data's span is known: for a closed range its own span,
    else months (made into days or years once the span is known)."""
    if params.date_from and params.date_to:
        first, last = params.date_from, params.date_to
        return interval_for(first, last), _window(first, last)
    return "month", None


def _settle_dates(
    es: Elasticsearch,
    index: str,
    params: SearchParams,
    chosen: Selection,
    kind: Kind,
    response: dict[str, Any],
) -> Interval:
    """With no closed range, the interval follows the span of the matching dates: months were
    asked for; years are summed from them, days need one more (small) request."""
    dates = response["aggregations"]["date"]
    first, last = dates["first"].get("value_as_string"), dates["last"].get("value_as_string")
    if not first or not last:
        return "month"
    lo = params.date_from or date.fromisoformat(first)
    hi = params.date_to or date.fromisoformat(last)
    interval = interval_for(lo, hi) if lo <= hi else "month"
    if interval == "day":
        query = article_query(params, chosen) if kind == ARTICLE else quote_query(params)
        body = {
            "size": 0,
            "query": query,
            "aggs": {"date": aggregations(params, chosen, kind, "day", (lo, hi))["date"]},
        }
        response["aggregations"]["date"] = _search(es, index, body)["aggregations"]["date"]
    return interval


def search(
    es: Elasticsearch, index: str, params: SearchParams, kind: Kind = ARTICLE
) -> dict[str, Any]:
    """Articles (or quotes) matching `params`, with facets, dates and the next page's cursor."""
    began = time.monotonic()
    registry = people(es, index)
    chosen = selection(es, index, params, registry)
    interval, window = _histogram_plan(params)
    build_body = build if kind == ARTICLE else build_quotes
    # Every page of one search asks the same shard copies, so scores (and the order they give)
    # do not change between pages on a cluster with replicas.
    response = _search_apart(
        es, index, build_body(params, chosen, interval, window), cursor.fingerprint(kind, params)
    )
    if window is None:
        interval = _settle_dates(es, index, params, chosen, kind, response)
    shaped = result(response, params, chosen, interval, kind)
    names = _names(registry)
    speakers.named(shaped, names)
    shaped["speakers_named"] = [
        speakers.described(value, registry.resolve(value.removeprefix(EXCLUDED)), names)
        for value in params.filters.get(SPEAKER_FACET.name, ())
    ]
    if shaped["total"]["value"] < FEW_HITS and params.q.strip():
        shaped["suggestion"] = did_you_mean(es, index, params, chosen, kind, registry)
    last_sort = shaped.pop("last_sort")
    shaped["next_cursor"] = cursor.encode(kind, params, last_sort) if last_sort else None
    shaped["took_ms"] = round((time.monotonic() - began) * 1000)
    return shaped


def name_words(registry: People) -> tuple[dict[str, int], spelling.Pairs]:
    """The registry's given names and surnames (one word each), weighed by the articles naming
    their people, and its (given name, surname) pairs."""
    weight: dict[str, int] = {}
    pairs: set[tuple[str, str]] = set()
    for known in registry.known:
        for name in known.names:
            for part in {name.given, name.surname}:
                if part and part.isalpha():
                    weight[part] = weight.get(part, 0) + known.entry.articles
            if name.given and name.surname:
                pairs.add((name.given, name.surname.split()[-1]))
    return weight, frozenset(pairs)


def did_you_mean(
    es: Elasticsearch,
    index: str,
    params: SearchParams,
    chosen: Selection,
    kind: Kind,
    registry: People,
) -> str | None:
    """The best respelling of the query (search.query.spelling) that finds something under the
    same filters; None when no word needs respelling or no respelling finds anything."""
    held = spelling.words(params.q)
    if not held:
        return None
    answer = _search(es, index, spelling.request(params.q, held))
    names, pairs = name_words(registry)
    tries = spelling.respelt(params.q, spelling.options(answer, held, names, pairs))
    if not tries:
        return None
    header = {"index": index}
    searches: list[dict[str, Any]] = []
    for text in tries:
        asked = replace(params, q=text)
        query = (
            article_query(asked, chosen, quotes_shown=False)
            if kind == ARTICLE
            else quote_query(asked)
        )
        under = {"bool": {"must": [query], "filter": filters(asked, chosen, kind)}}
        searches += [header, {"size": 0, "track_total_hits": 1, "query": under}]
    counted = es.msearch(searches=searches)["responses"]
    for text, count in zip(tries, counted, strict=True):
        if "error" not in count and count["hits"]["total"]["value"] > 0:
            return text
    return None


def _msearch(es: Elasticsearch, index: str, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`bodies` sent as one multi-search, answered in order."""
    header = {"index": index}
    searches = [part for body in bodies for part in (header, body)]
    for _ in range(2):  # a shard lost between the phases: asked again, as in `_search`
        answer = es.msearch(searches=searches)
        found = [_raise_failed(answer, item) for item in answer["responses"]]
        if not any(item["_shards"]["failed"] for item in found):
            break
    return found


def compare(es: Elasticsearch, index: str, comparison: comparing.Comparison) -> dict[str, Any]:
    """Series side by side on one time axis (search.query.compare): every series and the
    denominator counted in one multi-search; a second only when days or weeks are drawn over a
    span the bounds do not give (the first asked months, to learn it). A speaker value that
    names nobody raises `CompareError`, with the registry's did-you-mean."""
    began = time.monotonic()
    registry = people(es, index)
    names = _names(registry)
    chosen: list[Selection] = []
    described: list[dict[str, Any]] = []
    for series in comparison.series:
        named = []
        for value in series.filters.get(SPEAKER_FACET.name, ()):
            found = registry.resolve(value)
            if not speakers.filtered_ids(found):
                raise comparing.unknown_speaker(series.number, value, found.rule, found.suggestions)
            named.append(speakers.described(value, found, names))
        chosen.append(selection(es, index, comparison.params(series), registry))
        described.append({"label": comparing.label(series, named), "speakers_named": named})
    asked = comparing.first_ask(comparison)
    bodies = comparing.bodies(comparison, chosen, asked)
    answers = [comparing.read(a) for a in _msearch(es, index, bodies)]
    span = comparing.axis(comparison, answers[:-1])
    interval = comparing.settle(comparison, asked, span)
    undated = [a.undated for a in answers[:-1]]
    if span and comparing.needs_another(asked, interval):
        window = comparing.window(span, interval)
        bodies = comparing.bodies(comparison, chosen, interval, window)
        answers = [comparing.read(a) for a in _msearch(es, index, bodies)]
    counts = [comparing.rolled(a, interval) for a in answers]
    shaped = comparing.shaped(comparison, interval, span, counts, undated, described)
    shaped["took_ms"] = round((time.monotonic() - began) * 1000)
    return shaped


def suggest(es: Elasticsearch, index: str, prefix: str, size: int) -> list[str]:
    return suggestions(_search(es, index, suggest_body(prefix, size)))


def article(es: Elasticsearch, index: str, article_id: str, q: str) -> dict[str, Any] | None:
    """The article, its people shown by the registry's names."""
    response = _search(es, index, articles.article_body(article_id, q))
    names = _names(people(es, index))
    for hit in response["hits"]["hits"]:
        speakers.named_document(hit["_source"], names)
    return articles.article(response)


def quote_card(
    es: Elasticsearch, index: str, article_id: str, position: int, permalink: str
) -> dict[str, Any] | None:
    """One quote to cite (search.query.citation); None when there is no such quote."""
    answer = dict(es.mget(index=index, **citation.card_body(article_id, position)))
    names = _names(people(es, index))
    for document in answer["docs"]:
        speakers.named_document(document.get("_source") or {}, names)
    return citation.card(answer, article_id, position, permalink)


def authors(es: Elasticsearch, index: str, article_ids: list[str]) -> dict[str, str]:
    """The bylines of these articles (those that have one), by article id: one multi-get."""
    if not article_ids:
        return {}
    answer = es.mget(index=index, ids=list(dict.fromkeys(article_ids)), source=[AUTHOR.path])
    return {
        doc["_id"]: doc["_source"][AUTHOR.path]
        for doc in answer["docs"]
        if doc.get("found") and (doc.get("_source") or {}).get(AUTHOR.path)
    }


def related(es: Elasticsearch, index: str, article_id: str) -> dict[str, Any] | None:
    """Related articles, copies grouped; None when there is no such article."""
    found = _search(es, index, articles.article_body(article_id, ""))["hits"]["hits"]
    if not found:
        return None
    concrete = found[0]["_index"]
    response = _search(es, index, articles.related_body(concrete, article_id))
    return articles.related(response, found[0]["_source"].get(BODY.path) or "")


def facet_values(
    es: Elasticsearch,
    index: str,
    params: SearchParams,
    facet: Facet,
    kind: Kind,
    prefix: str,
    size: int,
) -> list[dict[str, Any]]:
    """One facet's values under the current search (its own selection aside), with counts."""
    chosen = selection(es, index, params)
    query = (
        article_query(params, chosen, quotes_shown=False)
        if kind == ARTICLE
        else quote_query(params)
    )
    others = filters(params, chosen, kind, skip=facet.name)
    include = value_prefix(facet, prefix) if prefix.strip() else None
    body = {
        "size": 0,
        "query": {"bool": {"must": [query], "filter": others}},
        "aggs": {facet.name: facet_counts(facet, kind, chosen.get(facet.name, ()), size, include)},
    }
    agg = _search(es, index, body)["aggregations"][facet.name]
    values = _as_written(facet_values_shaped(facet, agg, chosen.get(facet.name, ())))
    if facet.by_id:  # people are shown by the registry's name for their id
        speakers.named({"facets": {facet.name: values}}, _names(people(es, index)))
    return values


def _as_written(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Values without the folded forms a place's names are also held in ("Valparaiso" beside
    "Valparaíso"): the name as written selects the same."""
    written = {fold(v["value"]) for v in values if fold(v["value"]) != v["value"]}
    return [v for v in values if v["value"] not in written]


def directory(
    es: Elasticsearch,
    index: str,
    prefix: str,
    size: int,
    sort: speakers.DirectorySort = "quotes",
    after: list[Any] | None = None,
) -> dict[str, Any]:
    """One page of the people registry, with how many match and the next page's cursor."""
    body = speakers.directory_body(prefix, size, sort, after)
    found, total, last = speakers.directory(_search(es, index, body), size)
    following = speakers.directory_cursor(prefix, sort, size, last) if last else None
    return {"speakers": found, "total": total, "sort": sort, "next_cursor": following}


def profile(es: Elasticsearch, index: str, person_id: str) -> dict[str, Any] | None:
    """A speaker's profile, or None when the registry has no person of that id; quotes over
    time at the interval their span calls for."""
    registry = people(es, index)
    entry = registry.directory.entries.get(person_id)
    if entry is None or entry.kind != "person":
        return None
    held = {
        "name": entry.name,
        "roles": list(entry.context.roles),
        "articles": entry.articles,
        "quotes": entry.quotes,
        "first": entry.first.isoformat() if entry.first else None,
        "last": entry.last.isoformat() if entry.last else None,
        "variants": sorted(entry.spellings),
    }
    interval: Interval = "month"
    if entry.first and entry.last:
        interval = interval_for(entry.first, entry.last)
    response = _search(es, index, speakers.profile_body(person_id, interval))
    return speakers.profile(response, person_id, held, interval, _names(registry))


def export_rows(
    es: Elasticsearch, index: str, params: SearchParams, kind: Kind, page: int = PAGE
) -> Iterator[dict[str, Any]]:
    registry = people(es, index)
    names = _names(registry)
    chosen = selection(es, index, params, registry)
    rows = export.documents(es, index, params, chosen, kind, page)
    return (speakers.named_document(row, names) for row in rows)


def explain(q: str) -> dict[str, Any]:
    """How the query was understood."""
    return language.explain(language.parse(q))
