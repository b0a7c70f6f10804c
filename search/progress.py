"""Progress of long index runs: a bar with rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from search.indexing import Progress as ProgressCallback
from search.indexing import Report
from search.sources import units


def plain_every() -> float:
    """Seconds between plain progress lines (DATELINE_PROGRESS_EVERY, default 10)."""
    return float(os.environ.get("DATELINE_PROGRESS_EVERY", "10"))


def estimate_total(paths: Iterable[Path]) -> int:
    """Articles to expect, for the ETA: counting units reads no article, only line breaks."""
    return sum(1 for _ in units(paths))


@contextmanager
def progress_reporter(paths: Iterable[Path]) -> Iterator[ProgressCallback]:
    if sys.stderr.isatty():
        total = estimate_total(paths)
        with Progress(
            TextColumn("[bold]indexing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f} articles/s"),
            TimeRemainingColumn(),
            transient=False,
        ) as bar:
            task = bar.add_task("index", total=total or None, rate=0.0)
            began = time.monotonic()

            def update(report: Report) -> None:
                rate = report.read / max(time.monotonic() - began, 1e-6)
                bar.update(task, completed=report.read, rate=rate)

            yield update
        return
    began = last = time.monotonic()
    every = plain_every()

    def plain(report: Report) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every:
            last = now
            rate = report.read / max(now - began, 1e-6)
            print(
                f"indexing: {report.read} read, {report.rejected} rejected, {rate:.0f} articles/s",
                file=sys.stderr,
                flush=True,
            )

    yield plain
