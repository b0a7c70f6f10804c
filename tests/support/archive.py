"""The sample archive the live tests share: deploy/sample, the seed article (when the shared
corpora are beside the repo) and the records of tests/data/records.py, built by `dateline
reindex` as an operator runs it."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.data.records import SAMPLE_RECORDS, write_records
from tests.support.helpers import SAMPLE, SEED_ARTICLE, run_dateline

YEAR = 2016  # the seed article's dateline gives a month and a day; the year is given


@dataclass(frozen=True)
class Archive:
    alias: str
    paths: tuple[Path, ...]  # what was indexed, for tests that extract it again to compare
    year: int
    summary: str  # the command's closing line: "read N, indexed N, duplicates N, rejected N …"


def build_sample(folder: Path) -> Archive:
    """The sample archive under a new alias; `folder` holds its records and rejects file."""
    records = write_records(folder / "records.jsonl", SAMPLE_RECORDS)
    paths = (SAMPLE, records, *([SEED_ARTICLE] if SEED_ARTICLE.exists() else []))
    alias = f"dateline-test-sample-{uuid.uuid4().hex[:8]}"
    run = run_dateline(
        "reindex",
        *map(str, paths),
        "--year",
        str(YEAR),
        "--workers",
        "1",
        "--rejects",
        str(folder / "rejects.jsonl"),
        alias=alias,
    )
    if run.returncode != 0:
        raise RuntimeError(f"dateline reindex of the sample failed:\n{run.stderr[-3000:]}")
    [summary] = [line for line in run.stderr.splitlines() if re.match(r"read \d+,", line)]
    return Archive(alias, paths, YEAR, summary)


def build_records(folder: Path, records: list[dict[str, Any]], prefix: str) -> str:
    """`records` alone, reindexed under a new alias starting with `prefix`; the alias."""
    path = write_records(folder / "records.jsonl", records)
    alias = f"{prefix}-{uuid.uuid4().hex[:8]}"
    run = run_dateline(
        "reindex",
        str(path),
        "--workers",
        "1",
        "--rejects",
        str(folder / "rejects.jsonl"),
        alias=alias,
    )
    if run.returncode != 0:
        raise RuntimeError(f"dateline reindex failed:\n{run.stderr[-3000:]}")
    return alias
