"""Progress of `dateline reindex` and `dateline index` for Prometheus.

The run happens in this command, not in the web server, so its progress is written as a
Prometheus text file, `<command>-<alias>.prom` in the metrics directory (DATELINE_METRICS_DIR,
search/config.py): the API's /metrics appends every such file, and node_exporter's textfile
collector can read them too. The file is replaced atomically every few seconds and once more at
the end, so a scrape never sees half of it, and after the run it tells how the last one ended.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from prometheus_client import CollectorRegistry, Gauge, write_to_textfile

from search.config import metrics_dir
from search.index.archive import Report

EVERY = 2.0  # seconds between two writes while the run goes on


class RunMetrics:
    """A progress callback that keeps the text file up to date."""

    def __init__(self, command: str, alias: str) -> None:
        directory = metrics_dir(os.environ)
        self.path: Path | None = directory / f"{command}-{alias}.prom"
        self.registry = CollectorRegistry()
        labels = {"command": command, "alias": alias}

        def gauge(name: str, text: str) -> Gauge:
            return Gauge(name, text, list(labels), registry=self.registry).labels(**labels)

        articles = Gauge(
            "dateline_reindex_articles",
            "Articles of the current (or last) run, by what became of them.",
            [*labels, "state"],
            registry=self.registry,
        )
        self.articles = {
            state: articles.labels(**labels, state=state)
            for state in ("read", "indexed", "rejected", "duplicates", "warned")
        }
        self.running = gauge("dateline_reindex_running", "1 while the run goes on.")
        self.succeeded = gauge(
            "dateline_reindex_succeeded", "1 if the last run finished and switched, else 0."
        )
        self.started = gauge("dateline_reindex_started_seconds", "When the run began (Unix time).")
        self.elapsed = gauge("dateline_reindex_duration_seconds", "How long the run has taken.")
        # Whose run it is: a later command or `dateline doctor` that finds the file still
        # "running" with this process gone reports the run as failed (it was killed).
        self.pid = gauge("dateline_reindex_pid", "The process of the run.")
        self.pid.set(os.getpid())
        self.started.set(time.time())
        self.running.set(1)
        self.report = Report()
        self.last = 0.0
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            click.echo(f"warning: no progress metrics ({directory}: {error.strerror})", err=True)
            self.path = None

    def __call__(self, report: Report) -> None:
        self.report = report
        if time.monotonic() - self.last >= EVERY:
            self.write()

    def write(self) -> None:
        if self.path is None:
            return
        self.last = time.monotonic()
        report = self.report
        counts = {
            "read": report.read,
            "indexed": report.indexed,
            "rejected": report.rejected,
            "duplicates": report.duplicates,
            "warned": report.warned,
        }
        for state, value in counts.items():
            self.articles[state].set(value)
        self.elapsed.set(report.seconds)
        try:
            write_to_textfile(str(self.path), self.registry)
        except OSError as error:
            click.echo(f"warning: no progress metrics ({self.path}: {error.strerror})", err=True)
            self.path = None


_RUNNING = re.compile(r"^(dateline_reindex_running\{[^}]*\}) 1\.0$", re.M)
_SUCCEEDED = re.compile(r"^(dateline_reindex_succeeded\{[^}]*\}) \S+$", re.M)
_PID = re.compile(r"^dateline_reindex_pid\{[^}]*\} (\S+)$", re.M)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another account's process: alive
        return True
    return True


def killed_runs(directory: Path | None = None) -> list[Path]:
    """Mark as failed every run whose file still says "running" though its process is gone (a
    run killed with SIGKILL, or its machine restarted): /metrics no longer shows it running.
    The files so changed."""
    folder = directory or metrics_dir(os.environ)
    changed = []
    for path in sorted(folder.glob("*.prom")) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        pid = _PID.search(text)
        if not _RUNNING.search(text) or pid is None or _alive(int(float(pid[1]))):
            continue
        text = _SUCCEEDED.sub(r"\1 0.0", _RUNNING.sub(r"\1 0.0", text))
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            continue
        changed.append(path)
    return changed


@contextmanager
def run_metrics(command: str, alias: str) -> Iterator[RunMetrics]:
    """Metrics for one run: running while inside, then whether it succeeded. Runs killed
    before are reported as failed first."""
    for path in killed_runs():
        click.echo(f"an earlier run was killed: {path.name} now reports it failed", err=True)
    metrics = RunMetrics(command, alias)
    metrics.write()
    succeeded = False
    try:
        yield metrics
        succeeded = True
    finally:
        metrics.running.set(0)
        metrics.succeeded.set(1 if succeeded else 0)
        metrics.write()
