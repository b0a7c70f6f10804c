"""`dateline doctor`: what is wrong between Dateline and its cluster, and what to do about it.

Each check gives a finding (ok, warn or fail) with the fix for anything short of ok; the command
exits non-zero when any check fails. Checks stop at the first one the others depend on (a cluster
that cannot be reached has no alias to look at).
"""

from __future__ import annotations

import fnmatch
import getpass
import grp
import os
import pwd
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Literal

from elasticsearch import ApiError, AuthenticationException, Elasticsearch, TransportError

from search.config import WRITER_FILE, EsSettings, index_patterns
from search.index.indices import count_articles, index_meta, loading_indices, managed_indices
from search.index.mapping import MAPPING_VERSION, detect_stemmer
from search.schema import QUOTE, only

Level = Literal["ok", "warn", "fail"]


@dataclass(frozen=True)
class Finding:
    level: Level
    check: str
    text: str
    fix: str = ""

    def lines(self) -> list[str]:
        head = f"{self.level.upper():5} {self.check}: {self.text}"
        return [head, f"      -> {self.fix}"] if self.fix else [head]


class _Stop(Exception):
    """A check the rest depend on failed."""


def diagnose(settings: EsSettings) -> Iterator[Finding]:
    es: Elasticsearch = settings.client().options(request_timeout=10, max_retries=0)
    try:
        yield from _reachable(es, settings)
        yield from _credentials(es, settings)
        yield from _roles(es, settings)
        yield from _web_account()
        live = yield from _alias(es, settings.alias)
        yield from _index(es, settings.alias, live)
        yield from _disk(es)
    except _Stop:
        return


def _reachable(es: Elasticsearch, settings: EsSettings) -> Iterator[Finding]:
    try:
        # Not GET / : the integ-test distribution has no root endpoint (module rest-root).
        health = es.cluster.health()
        nodes = es.nodes.info(filter_path="nodes.*.version")["nodes"]
        versions = {node["version"] for node in nodes.values()}
    except AuthenticationException:
        yield Finding(
            "fail",
            "credentials",
            f"{settings.url} refused the credentials ({settings.credentials})",
            "for the local node, run `bash deploy/elasticsearch.sh start` (it remakes its users); "
            "otherwise check DATELINE_ES_API_KEY or DATELINE_ES_USERNAME/_PASSWORD (or _FILE)",
        )
        raise _Stop from None
    except (ApiError, TransportError) as error:
        yield Finding(
            "fail",
            "reachable",
            f"no answer from {settings.url}: {type(error).__name__}",
            "start the local node with `bash deploy/elasticsearch.sh start`, or set "
            "DATELINE_ES_URL (and DATELINE_ES_CA_CERTS for a cluster with its own certificates)",
        )
        raise _Stop from None
    version = ", ".join(sorted(versions))
    yield Finding("ok", "reachable", f"{settings.url}, cluster {health['cluster_name']}")
    if any(not v.startswith("9.") for v in versions):
        yield Finding(
            "fail", "version", f"Elasticsearch {version}", "Dateline needs Elasticsearch 9"
        )
    else:
        yield Finding("ok", "version", f"Elasticsearch {version}")


def _credentials(es: Elasticsearch, settings: EsSettings) -> Iterator[Finding]:
    try:
        user = es.security.authenticate()
    except ApiError:
        yield Finding(
            "warn",
            "credentials",
            "the cluster runs without security: anyone who reaches it can write or delete",
            "run it with xpack.security.enabled (deploy/elasticsearch.sh does, with its users)",
        )
        return
    roles = ", ".join(user.get("roles", [])) or "no roles"
    source = "" if settings.credentials == "none" else f", from {settings.credentials}"
    yield Finding("ok", "credentials", f"user {user['username']} ({roles}{source})")
    stemmer = detect_stemmer(es)
    if stemmer == "none":
        yield Finding(
            "warn",
            "stemming",
            "the node builds no stemming filter for this user: new indices would not stem",
            "install hunspell-en-us on the node (deploy/ does), and let the user run "
            "cluster:admin/analyze",
        )
    else:
        yield Finding("ok", "stemming", stemmer)
    rights = es.security.has_privileges(
        index=[{"names": [f"{settings.alias}-*"], "privileges": ["create_index", "write"]}]
    )
    if not rights["has_all_requested"]:
        yield Finding(
            "warn",
            "credentials",
            f"this user cannot build {settings.alias} (create and write its indices): "
            "enough for the API, not for `dateline reindex` or `index`",
            "give the commands the writer's credentials (the local node's dateline user)",
        )


OUTSIDE = "outside-the-archive-probe"  # an index name no archive pattern covers


def _roles(es: Elasticsearch, settings: EsSettings) -> Iterator[Finding]:
    """Each user may touch the archive's indices only (deploy/elasticsearch.sh's roles)."""
    patterns = index_patterns(os.environ)
    if not any(fnmatch.fnmatchcase(f"{settings.alias}-x", p) for p in patterns):
        yield Finding(
            "warn",
            "roles",
            f"the alias {settings.alias} lies outside the archive's patterns "
            f"({', '.join(patterns)}): the local users may not touch it",
            "name it dateline-… or add its pattern to DATELINE_ES_INDEX_PATTERNS and run "
            "`bash deploy/elasticsearch.sh roles`",
        )
    users = [("commands'", es)]
    if settings.credentials.endswith(WRITER_FILE):  # the local node: its reader too
        users.append(("API's", EsSettings.from_env(reader=True).client().options(max_retries=0)))
    for who, client in users:
        try:
            rights = client.security.has_privileges(
                index=[{"names": [OUTSIDE], "privileges": ["read", "delete_index"]}]
            )
        except ApiError:
            continue  # no security: _credentials said so
        granted = [p for p, ok in rights["index"][OUTSIDE].items() if ok]
        if granted:
            yield Finding(
                "warn",
                "roles",
                f"the {who} user {rights['username']} may {' and '.join(granted)} indices "
                f"outside the archive ({', '.join(patterns)})",
                "limit its roles to the archive's indices: `bash deploy/elasticsearch.sh roles` "
                "on the local node, or the cluster's own roles",
            )
        else:
            yield Finding(
                "ok", "roles", f"the {who} user {rights['username']}: {', '.join(patterns)} only"
            )


def _web_account() -> Iterator[Finding]:
    """As root, deploy/serve.sh runs the web workers as an unprivileged account set-up makes."""
    if os.geteuid() != 0:
        yield Finding("ok", "web account", f"the web workers run as {getpass.getuser()}")
        return
    account = os.environ.get("DATELINE_WEB_ACCOUNT") or "dateline-web"
    try:
        entry = pwd.getpwnam(account)
        members = grp.getgrgid(entry.pw_gid).gr_mem
    except KeyError:
        yield Finding(
            "fail",
            "web account",
            f"no account {account}: deploy/serve.sh would refuse to serve as root",
            "run `bash deploy/setup.sh` as root (it makes the account)",
        )
        return
    if entry.pw_uid == 0 or "www-data" not in members:
        yield Finding(
            "fail",
            "web account",
            f"{account} is root, or nginx's www-data is not in its group",
            "run `bash deploy/setup.sh` as root",
        )
        return
    yield Finding("ok", "web account", f"the web workers run as {account} (uid {entry.pw_uid})")


def _alias(es: Elasticsearch, alias: str) -> Generator[Finding, None, str]:
    served = [name for name, aliases in managed_indices(es, alias).items() if alias in aliases]
    if not served:
        yield Finding("fail", "alias", f"no index behind {alias}", "run `dateline reindex PATHS`")
        raise _Stop
    if len(served) > 1:
        yield Finding(
            "fail",
            "alias",
            f"{alias} points at {len(served)} indices: {', '.join(served)}",
            "run `dateline reindex PATHS`, or `dateline rollback`, to point it at one",
        )
        raise _Stop
    yield Finding("ok", "alias", f"{alias} -> {served[0]}")
    leftovers = loading_indices(es, alias)
    if leftovers:
        yield Finding(
            "warn",
            "alias",
            f"an interrupted (or running) reindex left {', '.join(leftovers)}",
            "the next `dateline reindex` removes it",
        )
    return served[0]


def _index(es: Elasticsearch, alias: str, live: str) -> Iterator[Finding]:
    version = index_meta(es, live).get("mapping_version")
    if version != MAPPING_VERSION:
        yield Finding(
            "fail",
            "mapping",
            f"{live} has mapping version {version}, this Dateline reads {MAPPING_VERSION}",
            "run `dateline reindex PATHS` to rebuild the archive with today's mapping",
        )
    else:
        yield Finding("ok", "mapping", f"version {version}")
    health = es.cluster.health(index=live)["status"]
    articles = count_articles(es, live)
    quotes = es.count(index=live, query=only(QUOTE))["count"]
    text = f"{articles} articles, {quotes} quotes, health {health}"
    if health == "red":
        yield Finding("fail", "counts", text, "some shards are missing: see the node's log")
    elif articles == 0:
        yield Finding("warn", "counts", text, "the archive is empty: `dateline reindex PATHS`")
    else:
        yield Finding("ok", "counts", text)
    found = es.indices.get_settings(index=live, name="index.blocks.*", flat_settings=True)
    blocks = [name for name, on in found.get(live, {}).get("settings", {}).items() if on == "true"]
    if blocks:
        yield Finding(
            "fail",
            "disk",
            f"{live} is blocked ({', '.join(blocks)}): writes are refused",
            "free disk space; Elasticsearch lifts a flood-stage block once usage falls",
        )


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgtp]?b)?", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 2**10, "mb": 2**20, "gb": 2**30, "tb": 2**40, "pb": 2**50}


def over_watermark(mark: str, total: int, free: int) -> bool:
    """Whether a disk is past a watermark, given as used share ("85%", "0.85") or as free
    bytes left ("10gb"). https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/cluster-level-shard-allocation-routing-settings#disk-based-shard-allocation"""
    mark = mark.strip().lower()
    if mark.endswith("%"):
        return (total - free) / total * 100 >= float(mark[:-1])
    match = _SIZE.fullmatch(mark)
    if match is None:
        return False
    number, unit = float(match[1]), match[2]
    if unit is None and number <= 1:
        return (total - free) / total >= number
    return free <= number * _UNITS[unit or "b"]


# The watermarks that matter, worst first: how bad, what happens, what to do.
_MARKS: dict[str, tuple[Level, str, str]] = {
    "flood_stage": ("fail", "indices turn read-only", "free disk space, or raise the watermark"),
    "high": ("warn", "shards move away", "free disk space"),
}


def _disk(es: Elasticsearch) -> Iterator[Finding]:
    found = es.cluster.get_settings(include_defaults=True, flat_settings=True).body
    settings = {**found["defaults"], **found["persistent"], **found["transient"]}
    prefix = "cluster.routing.allocation.disk."
    enabled = settings.get(prefix + "threshold_enabled", "true") == "true"
    marks = {m: settings.get(f"{prefix}watermark.{m}", "") for m in ("low", "high", "flood_stage")}
    for node in es.nodes.stats(metric="fs")["nodes"].values():
        total, free = (
            node["fs"]["total"]["total_in_bytes"],
            node["fs"]["total"]["available_in_bytes"],
        )
        used = f"{node['name']}: disk {(total - free) / total:.0%} used, {free / 2**30:.1f} GB free"
        if not enabled:
            level: Level = "warn" if free / total < 0.05 else "ok"
            yield Finding(
                level,
                "disk",
                f"{used}; watermarks off",
                "free disk space before it fills up" if level == "warn" else "",
            )
        elif past := next((m for m in _MARKS if over_watermark(marks[m], total, free)), None):
            level, effect, fix = _MARKS[past]
            yield Finding(level, "disk", f"{used}: past {past} ({marks[past]}), {effect}", fix)
        else:
            yield Finding("ok", "disk", f"{used} (flood stage at {marks['flood_stage']})")
