"""The archive's upkeep from the command line: `watch` a drop folder, `remove` an article for
good and list what was `removed`, an article's `history`, and `snapshot` backups."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import click
from elasticsearch import Elasticsearch

from search.cli.commands import (
    _by,
    _keeping,
    _reported,
    _settings,
    _workers,
    _year,
    main,
    open_store,
)
from search.config import archive_dir, backup_dir
from search.index import snapshots
from search.index.archive import Report, remove_article, withhold
from search.index.indices import count_articles
from search.index.watch import WatchSettings, watch
from search.store import backup
from search.store.archive import operator


@main.command("watch")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--interval",
    type=click.FloatRange(0.05),
    default=2.0,
    show_default=True,
    help="Seconds between two looks at the folder.",
)
@click.option(
    "--settle",
    type=click.FloatRange(0),
    default=5.0,
    show_default=True,
    help="Seconds a file written in place must be left unchanged before it is read "
    "(a file renamed into the folder is read at once).",
)
@click.option(
    "--batch",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Files indexed at a time.",
)
@click.option(
    "--state",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where what was taken is remembered [in the archive store].",
)
@click.option("--once", is_flag=True, help="Take every file in the folder, then stop.")
@click.option(
    "--rejects",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where rejected files are added with their reasons [rejects.jsonl in the archive store].",
)
@_year
@_workers
@_by
@click.option("--note", help="Why: kept in the store with every new text.")
def watch_command(
    folder: Path,
    interval: float,
    settle: float,
    batch: int,
    state: Path | None,
    once: bool,
    rejects: Path | None,
    year: int | None,
    workers: int | None,
    by: str,
    note: str | None,
) -> None:
    """Index the files that arrive in FOLDER, as they arrive, until stopped (SIGTERM ends it
    after the batch under way). Write files as `name.part` (or `.tmp`, or hidden) and rename
    them when done, or leave them unchanged for --settle seconds."""
    settings = _settings()
    keeping = _keeping(settings, by, note, False)
    where = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:12]
    state = state or keeping.store.directory / "watch" / f"{where}.json"
    rejects = rejects or keeping.store.directory / "rejects.jsonl"
    click.echo(f"watching {folder} (state {state}, rejects {rejects})", err=True)

    def told(line: str, report: Report | None) -> None:
        click.echo(line, err=True)

    tuning = WatchSettings(interval, settle, batch, workers or 1, year)
    with _reported("files taken so far stay indexed; the rest are taken at the next start"):
        watch(
            settings.client(),
            settings.alias,
            folder,
            keeping,
            state,
            tuning,
            rejects_path=rejects,
            once=once,
            told=told,
        )


@main.command("remove")
@click.argument("article_id")
@click.option("--reason", required=True, help="Why it is removed (a takedown, a legal request).")
@_by
def remove_command(article_id: str, reason: str, by: str) -> None:
    """Remove an article and its quotes from the archive for good: from the live index, from the
    indices `rollback` could return to, and from every later reindex, `index` or restore."""
    settings = _settings()
    with _reported("nothing was removed"):
        store = open_store(settings)
        removal = remove_article(
            settings.client(), settings.alias, store, article_id, by=by, reason=reason
        )
    stone = removal.tombstone
    if removal.already:
        click.echo(f"{article_id} was removed on {stone.at} by {stone.by}: {stone.note}")
    else:
        click.echo(f"removed {article_id} on {stone.at} by {stone.by}: {stone.note}")
    held = ", ".join(removal.deleted_from) or "none"
    click.echo(f"deleted from: {held}", err=True)


@main.command("removed")
def removed_command() -> None:
    """List the removed articles: id, when, by whom, why (tab-separated)."""
    settings = _settings()
    with _reported("nothing to list"):
        store = open_store(settings)
        for row in store.catalog.removals():
            click.echo(f"{row.id}\t{row.at}\t{row.by}\t{row.note}")


@main.command("history")
@click.argument("article_id")
def history_command(article_id: str) -> None:
    """An article's versions and removal in the store: when, by whom, how, why."""
    settings = _settings()
    with _reported("nothing to show"):
        store = open_store(settings)
        rows = store.catalog.history(article_id)
    if not rows:
        click.echo(f"the store holds nothing for {article_id}", err=True)
        raise SystemExit(1)
    for row in rows:
        what = f"version {row.version}" if row.op == "put" else "removed"
        why = f"\t{row.note}" if row.note else ""
        click.echo(f"{row.at}\t{what}\t{row.by}\t{row.command}{why}")


@main.group("snapshot")
def snapshot_group() -> None:
    """Backups: Elasticsearch snapshots of the archive, each with a copy of the archive store
    (DATELINE_BACKUP_DIR, repository DATELINE_SNAPSHOT_REPO)."""


def _repository() -> str:
    return os.environ.get("DATELINE_SNAPSHOT_REPO") or snapshots.DEFAULT_REPOSITORY


@snapshot_group.command("create")
@click.argument("name", required=False)
@click.option(
    "--keep",
    type=click.IntRange(1),
    envvar="DATELINE_SNAPSHOT_KEEP",
    default=snapshots.DEFAULT_KEEP,
    show_default=True,
    help="Snapshots of this archive kept; older ones are deleted [DATELINE_SNAPSHOT_KEEP].",
)
def snapshot_create(name: str | None, keep: int) -> None:
    """Snapshot the live index (and the people registry) and copy the archive store beside it."""
    settings = _settings()
    es: Elasticsearch = settings.client()
    repository = _repository()
    mirror = backup_dir(os.environ) / "archive" / settings.alias
    with _reported("no snapshot was taken"):
        store = open_store(settings)
        snapshots.ensure_repository(es, repository, backup_dir(os.environ) / "elasticsearch")
        name = name or snapshots.snapshot_name(settings.alias)
        copied = backup.back_up(store, mirror, name)
        taken = snapshots.create(
            es, settings.alias, repository, name, store_seq=copied["seq"], by=operator()
        )
        retired = snapshots.retire(es, settings.alias, repository, keep)
        backup.forget(mirror, retired)
    click.echo(
        f"snapshot {taken.name}: {taken.index}, {taken.articles} articles, "
        f"{', '.join(taken.indices)}"
    )
    click.echo(f"archive store copied to {mirror} ({copied['copied']} new bytes)", err=True)
    if retired:
        click.echo(f"deleted older snapshots: {', '.join(retired)}", err=True)


@snapshot_group.command("list")
def snapshot_list() -> None:
    """This archive's snapshots, oldest first: name, state, start, articles, indices."""
    settings = _settings()
    with _reported("nothing to list"):
        found = snapshots.listed(settings.client(), settings.alias, _repository())
    for snap in found:
        click.echo(
            f"{snap.name}\t{snap.state}\t{snap.started}\t{snap.articles}\t{','.join(snap.indices)}"
        )


@snapshot_group.command("restore")
@click.argument("name", required=False)
def snapshot_restore(name: str | None) -> None:
    """Bring back snapshot NAME (the newest without one): the store from its copy if it was
    lost, the index under a new name with the alias moved to it, the people registry if it is
    missing; articles removed since stay removed."""
    settings = _settings()
    es: Elasticsearch = settings.client()
    mirror = backup_dir(os.environ) / "archive" / settings.alias
    with _reported("the alias is unchanged"):
        copied = backup.restore(mirror, archive_dir(os.environ, settings.alias))
        store = open_store(settings)
        taken, target, registries = snapshots.restore(es, settings.alias, _repository(), name)
        removed = [row.id for row in store.catalog.removals()]
        for start in range(0, len(removed), 1000):
            withhold(es, settings.alias, removed[start : start + 1000], [target])
        previous = snapshots.switch(es, settings.alias, target)
        newer = store.catalog.count_live(after=taken.store_seq)
    click.echo(
        f"{settings.alias} -> {target} (was {previous or 'nothing'}): snapshot "
        f"{taken.name}, {count_articles(es, target)} articles"
    )
    if copied:
        click.echo(f"archive store brought back from {mirror} ({copied} bytes)", err=True)
    if registries:
        click.echo(f"restored: {', '.join(registries)}", err=True)
    if newer:
        click.echo(
            f"the store holds {newer} article(s) newer than the snapshot: "
            "`dateline reindex` (no paths) rebuilds with them",
            err=True,
        )
