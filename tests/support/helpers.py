"""What many tests share: where the corpora are, running `dateline` as an operator does, and
cleaning up a test's own indices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from elasticsearch import Elasticsearch

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpora" / "seed"
SEED_ARTICLE = SEED / "tass-2016-11-14-kremlin-no-contacts-with-trump-team.txt"
POLNEAR = SHARED / "corpora" / "polnear"
SAMPLE = REPO / "deploy" / "sample"


def need_shared(path: Path) -> Path:
    """The shared corpora live beside the repo, read-only; elsewhere these tests cannot run."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora are not beside this checkout")
    return path


def unavailable(reason: str) -> NoReturn:
    """A live test without its Elasticsearch: skipped, or failed under DATELINE_REQUIRE_ES=1."""
    if os.environ.get("DATELINE_REQUIRE_ES"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def run_dateline(
    *args: str, alias: str | None = None, cwd: Path = REPO, **env: str
) -> subprocess.CompletedProcess[str]:
    """`dateline ARGS` in a process of its own, output captured; `alias` is its DATELINE_INDEX.
    The timeout only stops a hung command from holding up the whole run."""
    given = {"DATELINE_INDEX": alias} if alias else {}
    return subprocess.run(
        [sys.executable, "-m", "search.cli", *args],
        env={**os.environ, **given, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def elasticsearch_sh(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`bash deploy/elasticsearch.sh ARGS`, output captured."""
    return subprocess.run(
        ["bash", str(REPO / "deploy" / "elasticsearch.sh"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


def drop_indices(es: Elasticsearch, prefix: str) -> None:
    # Wildcard deletes are refused by default (action.destructive_requires_name): name each one.
    found = es.indices.get(index=f"{prefix}*", expand_wildcards="all", allow_no_indices=True)
    for index in found:
        es.indices.delete(index=index)


def write_corpus(path: Path, count: int, *, tag: str = "") -> Path:
    """`count` distinct articles made from the sample corpus, as one JSON Lines file."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {
                "id": f"gen{tag}-{n}",
                "published": f"2030-{n % 12 + 1:02d}-01",
                "text": texts[n % len(texts)],
            }
            out.write(json.dumps(record) + "\n")
    return path
