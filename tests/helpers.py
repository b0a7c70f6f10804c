"""What many tests share: where the corpora are, and cleaning up a test's own indices."""

from __future__ import annotations

from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

REPO = Path(__file__).resolve().parents[1]
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


def drop_indices(es: Elasticsearch, prefix: str) -> None:
    # Wildcard deletes are refused by default (action.destructive_requires_name): name each one.
    found = es.indices.get(index=f"{prefix}*", expand_wildcards="all", allow_no_indices=True)
    for index in found:
        es.indices.delete(index=index)
