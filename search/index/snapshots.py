"""Backups that restore: Elasticsearch snapshots of the live index (its people registry
included: documents of kind `person`, search.index.identity), taken to a snapshot repository,
each beside a copy of the archive store.

The repository is DATELINE_SNAPSHOT_REPO (default `dateline`). When it is not registered yet,
Dateline registers a shared-filesystem repository in `<DATELINE_BACKUP_DIR>/elasticsearch`,
which the node must list in `path.repo` (deploy/elasticsearch.sh does, for the local node); on a
managed cluster, register a repository of that name (S3, GCS, Azure) once, and Dateline uses it.
A restore never overwrites an index: the snapshot's index comes back under a new name, removed
articles are taken out again (their tombstones may be newer than the snapshot), and the alias
moves to it in one step; the index it replaced stays for `dateline rollback`.
https://www.elastic.co/docs/deploy-manage/tools/snapshot-and-restore
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError

from search.index.indices import IndexStateError, count_articles, live_index

DEFAULT_REPOSITORY = "dateline"
DEFAULT_KEEP = 7
# Indices that belong with the articles, named after the alias with these suffixes; a snapshot
# takes each that exists. (The people registry is no longer one: it lives in the index.)
REGISTRY_SUFFIXES = ("-people",)
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


class SnapshotError(IndexStateError):
    """The snapshot could not be taken or restored; nothing was changed."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    state: str
    started: str
    index: str | None  # the articles' index it holds
    articles: int | None
    store_seq: int  # the last store record it goes with
    indices: list[str]
    by: str | None

    @classmethod
    def of(cls, info: dict[str, Any]) -> Snapshot:
        meta = info.get("metadata") or {}
        return cls(
            name=info["snapshot"],
            state=info.get("state", "?"),
            started=info.get("start_time", ""),
            index=meta.get("index"),
            articles=meta.get("articles"),
            store_seq=int(meta.get("store_seq") or 0),
            indices=list(info.get("indices", [])),
            by=meta.get("by"),
        )


def ensure_repository(es: Elasticsearch, repository: str, location: Path) -> None:
    """Register `repository` as a shared-filesystem one at `location` unless it exists."""
    try:
        es.snapshot.get_repository(name=repository)
        return
    except NotFoundError:
        pass
    try:
        es.snapshot.create_repository(
            name=repository, repository={"type": "fs", "settings": {"location": str(location)}}
        )
    except ApiError as error:
        raise SnapshotError(
            f"cannot register the snapshot repository {repository!r} at {location}: "
            f"{error.message}. The local node needs `path.repo` (restart it with "
            "`bash deploy/elasticsearch.sh stop && bash deploy/elasticsearch.sh start`); on a "
            f"managed cluster, register a repository named {repository!r} (DATELINE_SNAPSHOT_REPO)"
        ) from None


def registries(es: Elasticsearch, alias: str) -> list[str]:
    """The indices of the archive's registries that exist."""
    found = []
    for suffix in REGISTRY_SUFFIXES:
        answer = es.indices.get(index=f"{alias}{suffix}", ignore_unavailable=True)
        found += sorted(answer)
    return found


def snapshot_name(alias: str) -> str:
    return f"{alias}-{datetime.now(UTC):%Y%m%d-%H%M%S}".lower()


def create(
    es: Elasticsearch, alias: str, repository: str, name: str, *, store_seq: int, by: str
) -> Snapshot:
    """Snapshot the live index and the registries, and wait until it is whole."""
    if not _NAME.fullmatch(name):
        raise SnapshotError(f"{name!r}: a snapshot name is lowercase letters, digits, . _ -")
    index = live_index(es, alias)
    if index is None:
        raise SnapshotError(f"{alias} points at no index: nothing to snapshot")
    indices = [index, *registries(es, alias)]
    metadata = {
        "dateline_alias": alias,
        "index": index,
        "articles": count_articles(es, index),
        "store_seq": store_seq,
        "by": by,
    }
    answer = es.options(request_timeout=3600).snapshot.create(
        repository=repository,
        snapshot=name,
        indices=indices,
        include_global_state=False,
        wait_for_completion=True,
        metadata=metadata,
    )
    snapshot = Snapshot.of(answer["snapshot"])
    if snapshot.state != "SUCCESS":
        raise SnapshotError(f"snapshot {name} ended {snapshot.state}: {answer['snapshot']}")
    return snapshot


def listed(es: Elasticsearch, alias: str, repository: str) -> list[Snapshot]:
    """The alias's snapshots in the repository, oldest first."""
    try:
        answer = es.snapshot.get(repository=repository, snapshot="*")
    except NotFoundError:
        return []
    found = [
        Snapshot.of(info)
        for info in answer["snapshots"]
        if (info.get("metadata") or {}).get("dateline_alias") == alias
    ]
    return sorted(found, key=lambda s: (s.started, s.name))


def retire(es: Elasticsearch, alias: str, repository: str, keep: int) -> list[str]:
    """Delete the alias's snapshots beyond the `keep` newest."""
    doomed = [s.name for s in listed(es, alias, repository)][: -keep or None] if keep else []
    for name in doomed:
        es.options(request_timeout=600).snapshot.delete(repository=repository, snapshot=name)
    return doomed


def _find(es: Elasticsearch, alias: str, repository: str, name: str) -> Snapshot:
    for snapshot in listed(es, alias, repository):
        if snapshot.name == name:
            return snapshot
    raise SnapshotError(f"no snapshot {name!r} of {alias} in the repository {repository!r}")


def restore(
    es: Elasticsearch, alias: str, repository: str, name: str | None
) -> tuple[Snapshot, str, list[str]]:
    """Bring back the snapshot `name` (the newest with None) under a new index name; restore
    each registry that is missing. Returns the snapshot, the new index and the registries."""
    if name is None:
        found = listed(es, alias, repository)
        if not found:
            raise SnapshotError(f"no snapshot of {alias} in the repository {repository!r}")
        snapshot = found[-1]
    else:
        snapshot = _find(es, alias, repository, name)
    if snapshot.index is None:
        raise SnapshotError(f"snapshot {snapshot.name} names no index of articles")
    target = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    es.options(request_timeout=3600).snapshot.restore(
        repository=repository,
        snapshot=snapshot.name,
        indices=snapshot.index,
        rename_pattern=".+",
        rename_replacement=target,
        include_aliases=False,
        include_global_state=False,
        wait_for_completion=True,
    )
    absent = [
        index
        for index in snapshot.indices
        if index != snapshot.index and not es.indices.exists(index=index)
    ]
    if absent:
        es.options(request_timeout=3600).snapshot.restore(
            repository=repository,
            snapshot=snapshot.name,
            indices=",".join(absent),
            include_global_state=False,
            wait_for_completion=True,
        )
    return snapshot, target, absent


def switch(es: Elasticsearch, alias: str, target: str) -> str | None:
    """Point the alias at `target` in one step; the index it left, if any."""
    previous = live_index(es, alias)
    actions: list[dict[str, Any]] = [{"add": {"index": target, "alias": alias}}]
    if previous:
        actions.insert(0, {"remove": {"index": previous, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    return previous
