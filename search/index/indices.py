"""Dateline's indices behind an alias: naming, state, ownership, and which ones to keep.

Each index is ``<alias>-<UTC timestamp to the microsecond>`` and records in its mapping's
``_meta`` the mapping version, whether it is still loading or ready to serve, and which process
(host and pid) built it, so that a crashed run's leftovers can be told from a running one.
"""

from __future__ import annotations

import os
import re
import socket
from datetime import UTC, datetime
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from search.index.mapping import MAPPING_VERSION, MAPPINGS, detect_stemmer, index_settings
from search.schema import ARTICLE, only

LOADING, READY = "loading", "ready"


class IndexStateError(RuntimeError):
    """The indices are not in a state the command may act on; nothing was changed."""


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _meta(state: str) -> dict[str, Any]:
    return {**MAPPINGS["_meta"], "dateline_state": state, "owner": _owner()}


def index_meta(es: Elasticsearch, index: str) -> dict[str, Any]:
    meta: dict[str, Any] = es.indices.get_mapping(index=index)[index]["mappings"].get("_meta", {})
    return meta


def set_state(es: Elasticsearch, index: str, state: str) -> None:
    es.indices.put_mapping(index=index, meta=_meta(state))


def create_index(es: Elasticsearch, alias: str, *, shards: int = 1, loading: bool = True) -> str:
    """A new index for `alias`; while loading it has no replicas and no refreshes to pay for."""
    name = f"{alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
    settings = index_settings(
        stemmer=detect_stemmer(es),
        shards=shards,
        replicas=0,
        refresh_interval="-1" if loading else "1s",
    )
    meta = _meta(LOADING if loading else READY)
    es.indices.create(index=name, settings=settings, mappings={**MAPPINGS, "_meta": meta})
    return name


def managed_indices(es: Elasticsearch, alias: str) -> dict[str, set[str]]:
    """Dateline's indices of `alias` (not those of an alias that merely starts the same),
    oldest first, each with the aliases it carries."""
    own = re.compile(re.escape(alias) + r"-\d{20}")
    found = es.indices.get_alias(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
    return {
        name: set(info.get("aliases", {}))
        for name, info in sorted(found.items())
        if own.fullmatch(name)
    }


def live_index(es: Elasticsearch, alias: str) -> str | None:
    try:
        return next(iter(sorted(es.indices.get_alias(name=alias))), None)
    except NotFoundError:
        return None


def _still_running(owner: str | None) -> bool:
    """Whether the process that built an index is alive here (other hosts cannot be asked)."""
    host, _, pid = (owner or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def loading_indices(es: Elasticsearch, alias: str) -> dict[str, dict[str, Any]]:
    """Indices of `alias` not serving and not finished: a reindex running or crashed."""
    found = {}
    for name, aliases in managed_indices(es, alias).items():
        meta = index_meta(es, name)
        if alias not in aliases and meta.get("dateline_state") != READY:
            found[name] = meta
    return found


def _refuse_running(loading: dict[str, dict[str, Any]]) -> None:
    for name, meta in loading.items():
        if _still_running(meta.get("owner")):
            raise IndexStateError(
                f"a reindex ({meta['owner']}) is still loading {name}; wait for it or stop it"
            )


def refuse_if_loading(es: Elasticsearch, alias: str) -> None:
    _refuse_running(loading_indices(es, alias))


def remove_partial(es: Elasticsearch, alias: str) -> list[str]:
    """Delete what interrupted reindexes left; refuse while another one is still running."""
    loading = loading_indices(es, alias)
    _refuse_running(loading)
    for name in loading:
        es.indices.delete(index=name)
    return list(loading)


def ready_idle(es: Elasticsearch, alias: str) -> list[str]:
    """Finished indices of `alias` that are not serving, oldest first: rollback targets."""
    return [
        name
        for name, aliases in managed_indices(es, alias).items()
        if alias not in aliases and index_meta(es, name).get("dateline_state") == READY
    ]


def retire(es: Elasticsearch, alias: str, *, keep: int) -> list[str]:
    """Delete finished idle indices beyond the `keep` most recent."""
    idle = ready_idle(es, alias)
    doomed = idle[: max(len(idle) - keep, 0)]
    for name in doomed:
        es.indices.delete(index=name)
    return doomed


def check_version(es: Elasticsearch, index: str) -> None:
    """Articles are only added to an index built with today's mapping."""
    version = index_meta(es, index).get("mapping_version")
    if version != MAPPING_VERSION:
        raise IndexStateError(
            f"{index} has mapping version {version}, this Dateline writes {MAPPING_VERSION}: "
            "run `dateline reindex` to rebuild the archive"
        )


def count_articles(es: Elasticsearch, index: str) -> int:
    """Articles only: each quote is a document of its own in the same index."""
    count: int = es.count(index=index, query=only(ARTICLE))["count"]
    return count
