"""Parallel preparation (search.index.workers): input order kept, rejects kept, workers niced."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil

from search.index.workers import WORKER_NICENESS, Prepared, prepare_all
from search.ingest.walk import Walk
from search.model import Rejected


def _corpus(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = "" if n % 7 == 3 else f"Headline {n}\n\nMayor Ann Lee said {n} roads would open."
            out.write(json.dumps({"id": f"a{n}", "text": text}) + "\n")
    return path


def test_workers_keep_input_order_and_report_every_reject(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 100)
    outcomes = list(prepare_all(Walk([corpus]), workers=2))
    assert len(outcomes) == 100
    for n, outcome in enumerate(outcomes):
        if n % 7 == 3:
            assert isinstance(outcome, Rejected) and outcome.source.endswith(f":{n + 1}")
        else:
            assert isinstance(outcome, Prepared) and outcome.id == f"a{n}"
            assert json.loads(outcome.documents[0][1])["speakers"][0]["name"] == "Ann Lee"


def test_workers_run_below_the_callers_priority(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 10)
    others = set(psutil.Process().children())  # e.g. a process an earlier test left behind
    outcomes = prepare_all(Walk([corpus]), workers=2)
    next(outcomes)  # the pool is up
    workers = [child for child in psutil.Process().children() if child not in others]
    assert len(workers) == 2
    assert all(w.nice() == min(19, os.nice(0) + WORKER_NICENESS) for w in workers)
    assert len([next(outcomes), *outcomes]) == 9
