"""Writing the archive: the zero-downtime reindex behind an alias, incremental indexing, rollback.

Searches always go to the alias. A reindex fills a new timestamped index while the alias keeps
serving the old one, checks that the new index holds every accepted article, then moves the alias
in one atomic ``update_aliases`` call. The index it replaced is kept for `rollback`.
https://www.elastic.co/docs/manage-data/data-store/aliases
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from elasticsearch import Elasticsearch

from search.index.bulk import Prepared, bulk_load
from search.index.documents import Labels
from search.index.identity import known_labels, read_corrections, relabel_speakers
from search.index.indices import (
    READY,
    IndexStateError,
    check_version,
    count_articles,
    create_index,
    live_index,
    managed_indices,
    ready_idle,
    remove_partial,
    retire,
    set_state,
)
from search.index.intake import Intake
from search.index.workers import prepare_all
from search.ingest.fetch import Fetcher
from search.ingest.unit import Unit
from search.ingest.walk import Walk
from search.model import Rejected
from search.scan import scan
from search.schema import QUOTE, only
from search.store.archive import Store, operator
from search.store.catalog import Row
from search.store.records import decode_raw


class ReindexError(IndexStateError):
    """The new index was not switched to; the alias still points where it did."""


SHOWN_WARNINGS = 20  # warnings kept word for word; the rest are counted
GREEN_WAIT = 120  # seconds the switch waits for the new index's replicas


@dataclass
class Report:
    read: int = 0
    indexed: int = 0
    duplicates: int = 0
    rejected: int = 0
    index: str | None = None
    previous: str | None = None
    began: float = field(default_factory=time.monotonic)
    ended: float | None = None  # None while running, and when the run was refused or failed
    deleted: list[str] = field(default_factory=list)
    relabelled: int = 0  # documents whose speakers turned out to be known under another name
    passed_over: list[Path] = field(default_factory=list)  # files in the folders, not articles
    warned: int = 0  # articles read with warnings (invalid UTF-8, an unreadable year, …)
    warnings: list[str] = field(default_factory=list)  # the first SHOWN_WARNINGS, "source: text"
    skipped: Counter[str] = field(default_factory=Counter)  # records in files that are not pages
    corrected: int = 0  # articles whose new text replaced an earlier one (a new version)
    withheld: list[str] = field(default_factory=list)  # removed articles read again: "id (why)"

    @property
    def seconds(self) -> float:
        """How long the run took, or has taken so far (a refused run's time until refusal)."""
        return (self.ended or time.monotonic()) - self.began

    def warn(self, source: str, warnings: Iterable[str]) -> None:
        self.warned += 1
        for warning in warnings:
            if len(self.warnings) < SHOWN_WARNINGS:
                self.warnings.append(f"{source}: warning: {warning}")

    def summary(self) -> str:
        warned = f", {self.warned} with warnings" if self.warned else ""
        corrected = f", {self.corrected} corrected" if self.corrected else ""
        withheld = f", {len(self.withheld)} withheld (removed)" if self.withheld else ""
        return (
            f"read {self.read}, indexed {self.indexed}, duplicates {self.duplicates}, "
            f"rejected {self.rejected}{warned}{corrected}{withheld} in {self.seconds:.1f}s"
        )


class TooManyRejects(ReindexError):
    def __init__(self, report: Report, allowed: int) -> None:
        super().__init__(
            f"{report.rejected} articles rejected, more than the {allowed} allowed: "
            "the archive was not switched, so nothing it holds is lost"
        )
        self.report = report


Progress = Callable[[Report], None]


class RejectLog:
    """Rejected articles with their reasons, one JSON object a line (opened at once, so a
    path that cannot be written fails before any work is done)."""

    def __init__(self, path: Path | None, *, append: bool = False) -> None:
        mode = "a" if append else "w"
        self._file: IO[str] | None = path.open(mode, encoding="utf-8") if path else None

    def write(self, rejected: Rejected) -> None:
        if self._file is not None:
            record = {"source": rejected.source, "id": rejected.id, "reason": rejected.reason}
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _prepared(
    paths: Iterable[str | Path],
    report: Report,
    year: int | None,
    workers: int | None,
    *,
    keep: bool = False,
    fetcher: Fetcher | None = None,
    labels: Labels | None = None,
) -> Iterator[Prepared | Rejected]:
    """The articles under `paths`, prepared by the workers; one walk, whose passed-over files
    and skipped records the report names. With `keep`, each input rides along for the store."""
    walk = Walk(paths, fetcher=fetcher)
    report.passed_over = walk.passed_over
    report.skipped = walk.skipped
    return prepare_all(walk, year=year, workers=workers, keep=keep, labels=labels)


def stored_units(store: Store) -> Iterator[Unit]:
    """Every article the store holds (its newest version, none removed), as it was first read,
    under the id it was given then."""
    for row, record in store.live():
        raw = decode_raw(record["raw"])
        raw.page_id = row.id  # a stated id is the same; an id made from the text stays as made
        yield Unit(raw.source, Path(raw.source), raw=raw, year=record.get("year"))


def _load(
    es: Elasticsearch,
    index: str,
    outcomes: Iterable[Prepared | Rejected],
    report: Report,
    rejects: RejectLog,
    progress: Progress | None,
    intake: Intake | None = None,
) -> set[str]:
    """Bulk-load prepared articles, counting and logging as they go; returns the indexed ids.

    The same article read twice (same id, same text) is one document and counts as a duplicate,
    as is a text read again under another id where neither id was stated by its input (a page
    saved under two names); a different article under an id already used in this run is
    rejected, never overwritten. With an `intake`, removed articles are withheld, new texts
    become versions, and each input Elasticsearch took is kept in the store.
    """
    first: dict[str, tuple[str, str]] = {}
    texts: dict[str, str] = {}  # text digest -> the id it was first read under, in this run
    accepted: set[str] = set()

    def reject(outcome: Rejected) -> None:
        report.rejected += 1
        rejects.write(outcome)

    def prepared() -> Iterator[Prepared]:
        for outcome in outcomes:
            report.read += 1
            if isinstance(outcome, Rejected):
                reject(outcome)
                continue
            if outcome.warnings:
                report.warn(outcome.source, outcome.warnings)
            earlier = first.get(outcome.id)
            if earlier is None:
                first[outcome.id] = (outcome.digest, outcome.source)
            elif earlier[0] == outcome.digest:
                report.duplicates += 1
                continue
            else:
                reason = f"id {outcome.id!r} is already used by {earlier[1]} for another article"
                reject(Rejected(outcome.source, reason, outcome.id))
                continue
            if not outcome.stated and texts.setdefault(outcome.digest, outcome.id) != outcome.id:
                report.duplicates += 1
                continue
            if intake is not None:
                admitted = intake.admit(outcome)
                if isinstance(admitted, Row):
                    report.withheld.append(
                        f"{outcome.id} ({admitted.at}, {admitted.by}: {admitted.note})"
                    )
                    continue
                if admitted is None:
                    report.duplicates += 1
                    continue
                report.corrected = intake.corrected
                outcome = admitted
            yield outcome

    def indexed(item: Prepared, failure: str | None) -> None:
        if failure is None:
            accepted.add(item.id)
            if intake is not None:
                intake.indexed(item)
        else:
            reject(Rejected(item.source, failure, item.id))
        if progress:
            progress(report)

    try:
        bulk_load(es, index, prepared(), indexed)
    finally:
        if intake is not None:
            intake.flush()
    report.indexed = len(accepted)
    return accepted


@dataclass(frozen=True)
class Keeping:
    """A run that keeps what it reads in the archive store: who runs it, and why."""

    store: Store
    by: str = field(default_factory=operator)
    note: str | None = None
    fetcher: Fetcher | None = None  # sitemap and feed entries fetched from their address

    def intake(
        self, command: str, year: int | None, live: tuple[Elasticsearch, str] | None
    ) -> Intake:
        return Intake(self.store, command, self.by, self.note, year, live)


MAX_SHRINK = 0.10  # the share of the archive a reindex may drop without --allow-shrink


def reindex(
    es: Elasticsearch,
    alias: str,
    paths: Iterable[str | Path] | None,
    *,
    year: int | None = None,
    workers: int | None = None,
    shards: int = 1,
    replicas: int = 0,
    refresh_interval: str = "1s",
    keep: int = 1,
    allow_rejects: int = 0,
    rejects_path: Path | None = None,
    progress: Progress | None = None,
    keeping: Keeping | None = None,
    max_shrink: float = MAX_SHRINK,
    allow_shrink: bool = False,
) -> Report:
    """Rebuild the archive into a new index and switch the alias to it atomically: from
    `paths`, or with none, from everything the archive store holds (`keeping`). An index with
    more than `max_shrink` fewer articles than the live one is not switched to unless
    `allow_shrink` (a corrupt batch must not replace 10,000 articles by 12 without a word)."""
    began = time.monotonic()
    if paths is None and (keeping is None or not keeping.store.catalog.count_live()):
        where = keeping.store.directory if keeping else "no store"
        raise ReindexError(f"the archive store ({where}) holds no article: give the paths to read")
    _check_replicas(es, replicas)
    corrections = read_corrections(alias)  # a file that cannot be read fails before any work
    rejects = RejectLog(rejects_path)
    report = Report(began=began, deleted=remove_partial(es, alias))
    # Speakers are labelled with the ids the live people registry gives their names, so the
    # relabelling after loading rewrites only what this archive's identity changed.
    live = live_index(es, alias)
    labels = known_labels(es, live) if live else {}
    # 1. A new index, tuned for loading: no replicas to copy to, no refreshes to pay for.
    report.index = create_index(es, alias, shards=shards)
    try:
        # 2. Extract in parallel and stream bounded bulk requests.
        if paths is None:
            assert keeping is not None
            units = stored_units(keeping.store)
            outcomes = prepare_all(units, year=year, workers=workers, keep=True, labels=labels)
        else:
            fetcher = keeping.fetcher if keeping else None
            outcomes = _prepared(
                paths, report, year, workers, keep=bool(keeping), fetcher=fetcher, labels=labels
            )
        intake = keeping.intake("reindex", year, None) if keeping else None
        accepted = _load(es, report.index, outcomes, report, rejects, progress, intake)
        # 3. Speakers as people: every spelling of one person gets that person's id, and the
        #    people registry is written (an editor's corrections applied).
        es.indices.refresh(index=report.index)
        report.relabelled = relabel_speakers(es, report.index, corrections).documents
        # 4. Restore serving settings and make every document visible.
        es.indices.put_settings(
            index=report.index,
            settings={"number_of_replicas": replicas, "refresh_interval": refresh_interval},
        )
        es.indices.refresh(index=report.index)
        # 5. Verify before switching: every accepted article is there; the archive is never
        #    replaced by an empty index, nor by one missing more articles than allowed.
        if not accepted:
            raise ReindexError(f"no article could be indexed from {report.read} read")
        if report.rejected > allow_rejects:
            raise TooManyRejects(report, allow_rejects)
        count = count_articles(es, report.index)
        if count != len(accepted):
            raise ReindexError(f"{report.index} holds {count} articles, {len(accepted)} accepted")
        if replicas:
            _wait_for_green(es, report.index)
        report.previous = live_index(es, alias)
        if report.previous and not allow_shrink:
            _refuse_shrinking(es, report.previous, count, max_shrink)
        set_state(es, report.index, READY)
        # 6. Switch the alias in one atomic call: readers see the old index or the new, never none.
        actions: list[dict[str, Any]] = [{"add": {"index": report.index, "alias": alias}}]
        if report.previous:
            actions.insert(0, {"remove": {"index": report.previous, "alias": alias}})
        es.indices.update_aliases(actions=actions)
    except BaseException:
        # Drop what was half-built (or the next run will), unless the switch went through on the
        # server after all (a timed-out answer): then the new index is the live one.
        with contextlib.suppress(Exception):  # Elasticsearch itself may be what failed
            if live_index(es, alias) != report.index:
                es.options(ignore_status=404).indices.delete(index=report.index)
        raise
    finally:
        rejects.close()
    # 7. Keep the replaced index for rollback; retire older ones.
    report.deleted += retire(es, alias, keep=keep)
    report.ended = time.monotonic()
    return report


class ArchiveWouldShrink(ReindexError):
    """The new index holds far fewer articles than the live one."""


def _refuse_shrinking(es: Elasticsearch, live: str, count: int, max_shrink: float) -> None:
    before = count_articles(es, live)
    if before and count < before * (1 - max_shrink):
        raise ArchiveWouldShrink(
            f"the new index holds {count:,} articles, the live one {before:,}: more than "
            f"{max_shrink:.0%} fewer. The archive was not switched; if that is meant, run again "
            "with --allow-shrink"
        )


def _check_replicas(es: Elasticsearch, replicas: int) -> None:
    """Refuse at once what could never turn green: a copy of a shard needs a node of its own."""
    nodes: int = es.cluster.health()["number_of_data_nodes"]
    if replicas >= nodes:
        raise ReindexError(
            f"{replicas} replica(s) need {replicas + 1} data nodes; the cluster has {nodes}"
        )


def _wait_for_green(es: Elasticsearch, index: str) -> None:
    """Every replica allocated and copied before the alias moves. Elasticsearch answers when
    the index is green or the wait is over (`timed_out`); the client waits a little longer."""
    health = es.options(request_timeout=GREEN_WAIT + 30).cluster.health(
        index=index, wait_for_status="green", timeout=f"{GREEN_WAIT}s"
    )
    if health["timed_out"]:
        raise ReindexError(
            f"{index} is still {health['status']} after {GREEN_WAIT}s "
            f"({health['unassigned_shards']} shard copies unassigned, "
            f"{health['initializing_shards']} initializing): the archive was not switched"
        )


def rollback(es: Elasticsearch, alias: str) -> tuple[str, str]:
    """Point the alias back at the index the last reindex replaced."""
    current = live_index(es, alias)
    older = [name for name in ready_idle(es, alias) if current is None or name < current]
    if current is None or not older:
        raise ReindexError(f"no earlier index of {alias!r} to roll back to")
    target = older[-1]
    es.indices.update_aliases(
        actions=[
            {"remove": {"index": current, "alias": alias}},
            {"add": {"index": target, "alias": alias}},
        ]
    )
    return current, target


def index_into_live(
    es: Elasticsearch,
    alias: str,
    paths: Iterable[str | Path],
    *,
    year: int | None = None,
    workers: int | None = None,
    rejects_path: Path | None = None,
    progress: Progress | None = None,
    keeping: Keeping | None = None,
    command: str = "index",
    append_rejects: bool = False,
) -> Report:
    """Add or update articles in the live index; an article seen again replaces itself (same id).

    Refused while a reindex is loading: what was added to the old index would vanish when the
    alias moves to the new one.
    """
    began = time.monotonic()
    corrections = read_corrections(alias)  # a file that cannot be read fails before any work
    rejects = RejectLog(rejects_path, append=append_rejects)
    # What a killed reindex left goes now; a reindex still loading refuses this run.
    report = Report(began=began, index=live_index(es, alias), deleted=remove_partial(es, alias))
    if report.index is None:
        report.index = create_index(es, alias, loading=False)
        es.indices.update_aliases(actions=[{"add": {"index": report.index, "alias": alias}}])
    check_version(es, report.index)
    started = datetime.now(UTC)
    labels = known_labels(es, report.index)
    try:
        fetcher = keeping.fetcher if keeping else None
        outcomes = _prepared(
            paths, report, year, workers, keep=bool(keeping), fetcher=fetcher, labels=labels
        )
        intake = keeping.intake(command, year, (es, report.index)) if keeping else None
        accepted = _load(es, report.index, outcomes, report, rejects, progress, intake)
    finally:
        rejects.close()
    # An article indexed again may have fewer quotes than before: its older quote documents go.
    # Searched after a refresh: else the search sees an old quote that a new one has replaced
    # under the same id since, and deleting that id would delete the new one.
    es.indices.refresh(index=report.index)
    _drop_quotes(es, report.index, accepted, before=started)
    es.indices.refresh(index=report.index)
    report.relabelled = relabel_speakers(es, report.index, corrections).documents
    report.ended = time.monotonic()
    return report


def _drop_quotes(
    es: Elasticsearch, index: str, ids: Iterable[str], *, before: datetime | None = None
) -> None:
    """Delete the quote documents of `ids` (with `before`: only those an earlier run wrote)."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), 10_000):
        filters = [only(QUOTE), {"terms": {"article_id": ordered[start : start + 10_000]}}]
        if before is not None:
            when = before.isoformat(timespec="milliseconds")
            filters.append({"range": {"indexed_at": {"lt": when}}})
        for hits in scan(es, index, {"bool": {"filter": filters}}, source=False):
            es.bulk(index=index, operations=[{"delete": {"_id": hit["_id"]}} for hit in hits])


@dataclass
class Removal:
    article_id: str
    tombstone: Row
    already: bool  # removed before: this run only made sure no index still holds it
    deleted_from: list[str]  # the indices that held it (the live one, and rollback targets)


def remove_article(
    es: Elasticsearch, alias: str, store: Store, article_id: str, *, by: str, reason: str
) -> Removal:
    """Take an article and its quotes out of the archive for good: a tombstone in the store
    keeps it out of every later rebuild (and of `index`, `watch`, a restored snapshot), and it
    is deleted from every index of the alias, the ones `rollback` could return to included."""
    indices = list(managed_indices(es, alias))
    earlier = store.removal(article_id)
    if earlier is None:
        held = [name for name in indices if es.exists(index=name, id=article_id)]
        if not held and not store.knows(article_id):
            raise IndexStateError(f"no article {article_id!r} in {alias} or its store")
        tombstone = store.remove(article_id, by=by, reason=reason)
    else:
        tombstone = earlier
    deleted = withhold(es, alias, [article_id], indices)
    return Removal(article_id, tombstone, earlier is not None, deleted)


def withhold(
    es: Elasticsearch, alias: str, ids: list[str], indices: list[str] | None = None
) -> list[str]:
    """Delete `ids` and their quotes from the alias's indices; the indices that held one."""
    held = []
    for name in indices if indices is not None else list(managed_indices(es, alias)):
        found = es.mget(index=name, ids=ids, source=False)["docs"]
        if any(doc.get("found") for doc in found):
            held.append(name)
        es.bulk(index=name, operations=[{"delete": {"_id": i}} for i in ids], refresh=True)
        _drop_quotes(es, name, ids)
        es.indices.refresh(index=name)
    live = live_index(es, alias)
    if live in held:
        relabel_speakers(es, live, read_corrections(alias))
    return held
