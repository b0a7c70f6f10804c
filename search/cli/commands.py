"""The ``dateline`` command: extract articles, (re)build the index, roll back, inspect, search."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn

import click
from elasticsearch import ApiError, TransportError

from search.cli.doctor import diagnose
from search.cli.metrics import killed_runs, run_metrics
from search.cli.progress import progress_reporter
from search.config import ConfigError, EsSettings, archive_dir
from search.extract.pipeline import extract_or_reject
from search.index.archive import (
    MAX_SHRINK,
    Keeping,
    Progress,
    Report,
    TooManyRejects,
    index_into_live,
    reindex,
    rollback,
)
from search.index.indices import IndexStateError, remove_partial
from search.ingest.fetch import Fetcher
from search.ingest.read import read_all
from search.ingest.walk import Walk
from search.model import Rejected
from search.query.execute import search
from search.query.params import SearchParams
from search.store.archive import Store, StoreError, operator

_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
_year = click.option(
    "--year",
    type=click.IntRange(1800, 2200),
    help="Year of publication for articles that give none (completes a dateline's month and "
    "day); no year is ever guessed.",
)
_workers = click.option(
    "--workers", type=click.IntRange(1, 64), help="Extraction processes [CPU count]."
)
_rejects = click.option(
    "--rejects",
    type=click.Path(path_type=Path, dir_okay=False, writable=True),
    default=Path("rejects.jsonl"),
    show_default=True,
    help="Where rejected articles are written with their reasons.",
)
_by = click.option(
    "--by", default=operator, show_default="the OS user", help="Who is recorded as doing this."
)
_note = click.option("--note", help="Why: kept in the store with every new text this run adds.")
_fetch = click.option(
    "--fetch",
    is_flag=True,
    help="Fetch the pages a sitemap lists (and feed entries that carry no text) from their "
    "address, one at a time, obeying robots.txt.",
)
_allow = click.option(
    "--allow-rejects",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Up to this many rejected articles still switch the archive and exit 0.",
)


SHOWN = 20  # withheld articles named one by one


def _say_passed_over(skipped: list[Path]) -> None:
    if skipped:
        shown = ", ".join(str(p) for p in skipped[:5]) + (" …" if len(skipped) > 5 else "")
        click.echo(f"not articles, not read ({len(skipped)}): {shown}", err=True)


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt


@click.group()
@click.version_option(package_name="dateline")
def main() -> None:
    """Dateline: a searchable archive of news articles (who said what, where and when)."""
    # SIGTERM (`kill`, `timeout`, a service manager) stops a command as Ctrl-C does: a reindex
    # removes the index it was building, a store closes its files. `dateline watch` has its own.
    signal.signal(signal.SIGTERM, _terminated)


@main.command("extract")
@_paths
@_year
def extract_command(paths: tuple[Path, ...], year: int | None) -> None:
    """Print one JSON object per article found under PATHS; what cannot be used, on stderr."""
    walk = Walk(paths)
    failed = 0
    for item in read_all(walk):
        article = extract_or_reject(item, year=year)
        if isinstance(article, Rejected):
            failed += 1
            click.echo(f"{article.source}: skipped: {article.reason}", err=True)
            continue
        for warning in article.warnings:
            click.echo(f"{article.source}: warning: {warning}", err=True)
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
    _say_passed_over(walk.passed_over)
    if failed:
        click.echo(f"{failed} source(s) could not be extracted", err=True)
        sys.exit(1)


def open_store(settings: EsSettings) -> Store:
    """The archive store of the alias (DATELINE_ARCHIVE_DIR/<alias>)."""
    return Store(archive_dir(os.environ, settings.alias))


def _keeping(settings: EsSettings, by: str, note: str | None, fetch: bool) -> Keeping:
    return Keeping(open_store(settings), by, note, Fetcher() if fetch else None)


def _settings() -> EsSettings:
    try:
        return EsSettings.from_env()
    except ConfigError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)


def _each(*callbacks: Progress) -> Progress:
    """One progress callback that calls each of `callbacks`."""

    def call(report: Report) -> None:
        for callback in callbacks:
            callback(report)

    return call


def _say_warnings(report: Report) -> None:
    """What reading noticed (invalid UTF-8 and the like): the first few, and how many more."""
    for line in report.warnings:
        click.echo(line, err=True)
    more = report.warned - len({line.partition(": warning: ")[0] for line in report.warnings})
    if more > 0:
        click.echo(f"… and {more} more article(s) with warnings", err=True)


def _finish(report: Report, rejects: Path, allow: int) -> None:
    _say_passed_over(report.passed_over)
    for reason, count in sorted(report.skipped.items()):
        click.echo(f"{reason}, not read: {count}", err=True)
    for line in report.withheld[:SHOWN]:
        click.echo(f"withheld, removed: {line}", err=True)
    _say_warnings(report)
    if report.relabelled:
        click.echo(f"people: {report.relabelled} documents relabelled", err=True)
    click.echo(report.summary(), err=True)
    if report.rejected:
        click.echo(f"rejected articles and reasons: {rejects}", err=True)
    if report.rejected > allow:
        sys.exit(1)


@contextmanager
def _reported(interrupted: str) -> Iterator[None]:
    """Turn the ways a command can fail into one clear line and an exit status."""
    try:
        yield
    except TooManyRejects as error:
        _say_passed_over(error.report.passed_over)
        _say_warnings(error.report)
        click.echo(error.report.summary(), err=True)
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except (IndexStateError, StoreError) as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    except (ApiError, TransportError) as error:
        click.echo(f"error: Elasticsearch failed: {error}", err=True)
        sys.exit(2)
    except OSError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {interrupted}", err=True)
        sys.exit(130)


@main.command("reindex")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_year
@_workers
@click.option(
    "--shards",
    type=click.IntRange(1, 64),
    default=1,
    envvar="DATELINE_SHARDS",
    show_default=True,
    help="Primary shards of the new index [DATELINE_SHARDS].",
)
@click.option(
    "--replicas",
    type=click.IntRange(0, 8),
    default=0,
    envvar="DATELINE_REPLICAS",
    show_default=True,
    help="Replicas once loaded (none while loading; the switch waits for them) "
    "[DATELINE_REPLICAS].",
)
@click.option(
    "--refresh-interval",
    default="1s",
    show_default=True,
    help="How often new articles become searchable once loaded (e.g. 1s, 30s).",
)
@click.option(
    "--keep",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Earlier indices kept for rollback.",
)
@_rejects
@_allow
@click.option(
    "--allow-shrink",
    is_flag=True,
    help="Switch even to an index with more than DATELINE_MAX_SHRINK (10%) fewer articles than "
    "the live one.",
)
@_by
@_note
@_fetch
def reindex_command(
    paths: tuple[Path, ...],
    year: int | None,
    workers: int | None,
    shards: int,
    replicas: int,
    refresh_interval: str,
    keep: int,
    rejects: Path,
    allow_rejects: int,
    allow_shrink: bool,
    by: str,
    note: str | None,
    fetch: bool,
) -> None:
    """Rebuild the whole archive into a new index, then switch to it atomically: from PATHS, or
    with none, from every input the archive store kept (additions and corrections included,
    removed articles left out)."""
    settings = _settings()
    with (
        _reported("the live index is unchanged"),
        progress_reporter() as progress,
        run_metrics("reindex", settings.alias) as metrics,
    ):
        report = reindex(
            settings.client(),
            settings.alias,
            paths or None,
            year=year,
            workers=workers,
            shards=shards,
            replicas=replicas,
            refresh_interval=refresh_interval,
            keep=keep,
            allow_rejects=allow_rejects,
            rejects_path=rejects,
            progress=_each(progress, metrics),
            keeping=_keeping(settings, by, note, fetch),
            max_shrink=_max_shrink(),
            allow_shrink=allow_shrink,
        )
    click.echo(f"{settings.alias} -> {report.index} (was {report.previous or 'nothing'})", err=True)
    if report.deleted:
        click.echo(f"deleted old indices: {', '.join(report.deleted)}", err=True)
    _finish(report, rejects, allow_rejects)


@main.command("index")
@_paths
@_year
@_workers
@_rejects
@_allow
@_by
@_note
@_fetch
def index_command(
    paths: tuple[Path, ...],
    year: int | None,
    workers: int | None,
    rejects: Path,
    allow_rejects: int,
    by: str,
    note: str | None,
    fetch: bool,
) -> None:
    """Add or update the articles under PATHS in the live index (same article, same document)."""
    settings = _settings()
    with (
        _reported("articles sent so far stay indexed"),
        progress_reporter() as progress,
        run_metrics("index", settings.alias) as metrics,
    ):
        report = index_into_live(
            settings.client(),
            settings.alias,
            paths,
            year=year,
            workers=workers,
            rejects_path=rejects,
            progress=_each(progress, metrics),
            keeping=_keeping(settings, by, note, fetch),
        )
    _finish(report, rejects, allow_rejects)


@main.command("rollback")
def rollback_command() -> None:
    """Point the archive back at the index the last reindex replaced."""
    settings = _settings()
    with _reported("the alias is unchanged"):
        current, target = rollback(settings.client(), settings.alias)
    click.echo(f"{settings.alias} -> {target} (was {current})")


@main.command("search")
@click.argument("query", nargs=-1)
@click.option("--size", type=click.IntRange(1, 50), default=10, show_default=True)
def search_command(query: tuple[str, ...], size: int) -> None:
    """Search the archive from the terminal; prints the API's JSON."""
    settings = _settings()
    began = time.monotonic()
    with _reported("no search was made"):
        params = SearchParams(q=" ".join(query), size=size)
        result = search(settings.client(), settings.alias, params)
    result["took_ms"] = round((time.monotonic() - began) * 1000)
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


def _max_shrink() -> float:
    given = os.environ.get("DATELINE_MAX_SHRINK") or str(MAX_SHRINK)
    try:
        share = float(given)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise click.UsageError(f"DATELINE_MAX_SHRINK must be a share from 0 to 1: {given!r}")
    return share


@main.command("doctor")
@click.option(
    "--fix",
    is_flag=True,
    help="Also remove what a killed reindex left (its partial index) and report it failed.",
)
def doctor_command(fix: bool) -> None:
    """Check the cluster, the credentials, the archive and the disk, and say what to do about
    each problem; exits 1 when any check fails."""
    failed = False
    settings = _settings()
    for path in killed_runs():
        click.echo(f"WARN  runs: a run was killed; {path.name} now reports it failed")
    if fix:
        with _reported("nothing was removed"):  # refused while the reindex still runs
            removed = remove_partial(settings.client(), settings.alias)
        for index in removed:
            click.echo(f"FIXED alias: removed {index}, left by an interrupted reindex")
    for finding in diagnose(settings):
        click.echo("\n".join(finding.lines()))
        failed |= finding.level == "fail"
    sys.exit(1 if failed else 0)
