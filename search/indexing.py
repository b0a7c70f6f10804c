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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from elasticsearch import Elasticsearch, NotFoundError

from search.bulk import bulk_load
from search.mapping import MAPPINGS, detect_stemmer, index_settings
from search.prepare import Prepared, Rejected, prepare_all

LOADING, READY = "loading", "ready"


class ReindexError(RuntimeError):
    """The new index could not be completed; the alias still points where it did."""


@dataclass
class Report:
    read: int = 0
    indexed: int = 0
    duplicates: int = 0
    rejected: int = 0
    index: str | None = None
    previous: str | None = None
    seconds: float = 0.0
    deleted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"read {self.read}, indexed {self.indexed}, duplicates {self.duplicates}, "
            f"rejected {self.rejected} in {self.seconds:.1f}s"
        )


Progress = Callable[[Report], None]


class RejectLog:
    """Rejected articles with their reasons, one JSON object a line."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def write(self, rejected: Rejected) -> None:
        if self.path is None:
            return
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("w", encoding="utf-8")
        record = {"source": rejected.source, "id": rejected.id, "reason": rejected.reason}
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _load(
    es: Elasticsearch,
    index: str,
    outcomes: Iterable[Prepared | Rejected],
    report: Report,
    rejects: RejectLog,
    progress: Progress | None,
) -> set[str]:
    """Bulk-load prepared articles, counting and logging as they go; returns the indexed ids."""
    seen: set[str] = set()
    accepted: set[str] = set()

    def prepared() -> Iterator[Prepared]:
        for outcome in outcomes:
            report.read += 1
            if isinstance(outcome, Rejected):
                report.rejected += 1
                rejects.write(outcome)
                continue
            if outcome.id in seen:
                report.duplicates += 1
            seen.add(outcome.id)
            yield outcome

    def indexed(item: Prepared, failure: str | None) -> None:
        if failure is None:
            accepted.add(item.id)
        else:
            report.rejected += 1
            rejects.write(Rejected(item.source, failure, item.id))
        if progress:
            progress(report)

    bulk_load(es, index, prepared(), indexed)
    report.indexed = len(accepted)
    return accepted


def _state(es: Elasticsearch, index: str) -> str | None:
    meta = es.indices.get_mapping(index=index)[index]["mappings"].get("_meta", {})
    return meta.get("dateline_state")


def _set_state(es: Elasticsearch, index: str, state: str) -> None:
    meta = dict(MAPPINGS["_meta"], dateline_state=state)
    es.indices.put_mapping(index=index, meta=meta)


def managed_indices(es: Elasticsearch, alias: str) -> dict[str, set[str]]:
    """Dateline's indices for `alias`, oldest first, each with the aliases it carries."""
    found = es.indices.get_alias(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
    return {name: set(info.get("aliases", {})) for name, info in sorted(found.items())}


def live_index(es: Elasticsearch, alias: str) -> str | None:
    try:
        return next(iter(sorted(es.indices.get_alias(name=alias))), None)
    except NotFoundError:
        return None


def remove_partial(es: Elasticsearch, alias: str) -> list[str]:
    """Delete indices left in the loading state by an interrupted reindex."""
    removed = []
    for name, aliases in managed_indices(es, alias).items():
        if alias not in aliases and _state(es, name) != READY:
            es.indices.delete(index=name)
            removed.append(name)
    return removed


def create_index(es: Elasticsearch, alias: str, *, shards: int = 1, loading: bool = True) -> str:
    name = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    settings = index_settings(
        stemmer=detect_stemmer(es),
        shards=shards,
        replicas=0,
        refresh_interval="-1" if loading else "1s",
    )
    meta = dict(MAPPINGS["_meta"], dateline_state=LOADING if loading else READY)
    es.indices.create(index=name, settings=settings, mappings={**MAPPINGS, "_meta": meta})
    return name


def reindex(
    es: Elasticsearch,
    alias: str,
    paths: Iterable[str | Path],
    *,
    year: int | None = None,
    workers: int | None = None,
    shards: int = 1,
    replicas: int = 0,
    refresh_interval: str = "1s",
    keep: int = 1,
    rejects_path: Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Rebuild the archive into a new index and switch the alias to it atomically."""
    began = time.monotonic()
    report = Report(deleted=remove_partial(es, alias))
    # 1. A new index, tuned for loading: no replicas to copy to, no refreshes to pay for.
    report.index = create_index(es, alias, shards=shards)
    rejects = RejectLog(rejects_path)
    try:
        # 2. Extract in parallel and stream bounded bulk requests.
        accepted = _load(
            es,
            report.index,
            prepare_all(paths, year=year, workers=workers),
            report,
            rejects,
            progress,
        )
        # 3. Restore serving settings and make every document visible.
        es.indices.put_settings(
            index=report.index,
            settings={"number_of_replicas": replicas, "refresh_interval": refresh_interval},
        )
        es.indices.refresh(index=report.index)
        # 4. Verify before switching: the new index must hold every accepted article, and an
        #    archive is never replaced by an empty one (a mistyped path, a folder of rejects).
        if not accepted:
            raise ReindexError(f"no article could be indexed from {report.read} read")
        count = es.count(index=report.index)["count"]
        if count != len(accepted):
            raise ReindexError(
                f"{report.index} holds {count} articles, {len(accepted)} were accepted"
            )
        if replicas:
            es.cluster.health(index=report.index, wait_for_status="green", timeout="120s")
        _set_state(es, report.index, READY)
        # 5. Switch the alias in one atomic call: readers see the old index or the new, never none.
        report.previous = live_index(es, alias)
        actions: list[dict[str, Any]] = [{"add": {"index": report.index, "alias": alias}}]
        if report.previous:
            actions.insert(0, {"remove": {"index": report.previous, "alias": alias}})
        es.indices.update_aliases(actions=actions)
    except BaseException:
        # The alias was not touched; drop what was half-built (or the next run will).
        with contextlib.suppress(Exception):  # Elasticsearch itself may be what failed
            es.options(ignore_status=404).indices.delete(index=report.index)
        raise
    finally:
        rejects.close()
    # 6. Keep the replaced index for rollback; retire older ones.
    report.deleted += retire(es, alias, keep=keep)
    report.seconds = time.monotonic() - began
    return report


def retire(es: Elasticsearch, alias: str, *, keep: int) -> list[str]:
    """Delete ready indices not behind the alias beyond the `keep` most recent."""
    idle = [name for name, aliases in managed_indices(es, alias).items() if alias not in aliases]
    doomed = idle[: max(len(idle) - keep, 0)]
    for name in doomed:
        es.indices.delete(index=name)
    return doomed


def rollback(es: Elasticsearch, alias: str) -> tuple[str, str]:
    """Point the alias back at the index the last reindex replaced."""
    current = live_index(es, alias)
    older = [
        name
        for name, aliases in managed_indices(es, alias).items()
        if alias not in aliases
        and (current is None or name < current)
        and _state(es, name) == READY
    ]
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
) -> Report:
    """Add or update articles in the live index; an article seen again replaces itself (same id)."""
    began = time.monotonic()
    report = Report(index=live_index(es, alias))
    if report.index is None:
        report.index = create_index(es, alias, loading=False)
        es.indices.update_aliases(actions=[{"add": {"index": report.index, "alias": alias}}])
    rejects = RejectLog(rejects_path)
    try:
        _load(
            es,
            report.index,
            prepare_all(paths, year=year, workers=workers),
            report,
            rejects,
            progress,
        )
    finally:
        rejects.close()
    es.indices.refresh(index=report.index)
    report.seconds = time.monotonic() - began
    return report
