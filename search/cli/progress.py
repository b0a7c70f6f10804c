"""Progress of long index runs: a live line with count and rate on a terminal, plain periodic
lines otherwise (a log file gets no control codes).

There is no total and no ETA: knowing the total would take a second walk over the corpus (and
a read of every JSON Lines file) before the work begins, which on a big archive costs minutes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from search.index.archive import Progress as ProgressCallback
from search.index.archive import Report


def plain_every() -> float:
    """Seconds between plain progress lines (DATELINE_PROGRESS_EVERY, default 10)."""
    return float(os.environ.get("DATELINE_PROGRESS_EVERY", "10"))


def _rate(report: Report, began: float) -> float:
    return report.read / max(time.monotonic() - began, 1e-6)


@contextmanager
def progress_reporter() -> Iterator[ProgressCallback]:
    began = time.monotonic()
    if sys.stderr.isatty():
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]indexing[/] {task.completed} read, {task.fields[rejected]} rejected"),
            TextColumn("{task.fields[rate]:.0f} articles/s"),
            TimeElapsedColumn(),
            transient=False,
        ) as bar:
            task = bar.add_task("index", total=None, rate=0.0, rejected=0)

            def update(report: Report) -> None:
                rate = _rate(report, began)
                bar.update(task, completed=report.read, rate=rate, rejected=report.rejected)

            yield update
        return
    last = began
    every = plain_every()

    def plain(report: Report) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every:
            last = now
            print(
                f"indexing: {report.read} read, {report.rejected} rejected, "
                f"{_rate(report, began):.0f} articles/s",
                file=sys.stderr,
                flush=True,
            )

    yield plain
