"""Reindex throughput against Elasticsearch's own bulk speed, and the reindex's peak memory.

    .venv/bin/python bench/reindex.py [--articles 50000] [--workers N] [--rounds 1]

1. Builds a corpus of N articles by recombining sentences of PolNeAR train: each keeps a real
   headline and opening paragraph (with its dateline, if any) and gets body sentences drawn from
   other articles up to a real article's length.
2. Ceiling: the same final documents, extracted beforehand, sent with `elasticsearch.helpers`
   bulk into an index with the same mapping and loading settings, then refreshed.
3. Dateline: `dateline reindex` on the corpus, end to end, as a separate process.
Prints both rates, their ratio (goal: at least 0.85) and the reindex's peak RSS (goal: < 400 MB),
and how many documents the reindex relabelled (people). The first round's reindex finds no
people registry; later rounds reindex over the one the round before left (as a reindex of a
live archive does), so they label documents as they are built.
Shared machines drift by a quarter within minutes; `--rounds` repeats 2 and 3 back to back, so
each ratio compares runs made under the same load, and prints the median ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from elasticsearch.helpers import streaming_bulk

from search.config import EsSettings
from search.extract import COMPILED_IN_USE
from search.index.bulk import BULK_BYTES, BULK_DOCS
from search.index.indices import create_index
from search.index.workers import Prepared, prepare_all
from search.ingest.walk import Walk

REPO = Path(__file__).resolve().parents[1]
TRAIN = REPO.parent / "shared" / "corpora" / "polnear" / "train" / "text"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def build_corpus(path: Path, count: int, seed: int = 7) -> None:
    """Recombined articles, one JSON record a line, with a 2016 publication date."""
    rng = random.Random(seed)
    articles = []
    for file in sorted(TRAIN.glob("*.txt")):
        blocks = [b.strip() for b in file.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        if len(blocks) >= 3:
            articles.append(blocks)
    sentences = [s for blocks in articles for b in blocks[2:] for s in _SENTENCE.split(b)]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            blocks = rng.choice(articles)
            target = sum(len(b) for b in rng.choice(articles))
            body, size = [blocks[1]], len(blocks[1])
            while size < target:
                paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
                body.append(paragraph)
                size += len(paragraph)
            record = {
                "id": f"bench-{n}",
                "published": f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "text": "\n\n".join([blocks[0], *body]),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def ceiling(settings: EsSettings, docs: Path, alias: str) -> float:
    """Articles/s of plain helpers bulk with the final documents: no extraction at all."""
    es = settings.client()
    index = create_index(es, alias)

    articles = 0

    def actions():
        nonlocal articles
        with docs.open(encoding="utf-8") as handle:
            for line in handle:
                doc_id, _, source = line.rstrip("\n").partition("\t")
                doc = json.loads(source)
                articles += doc["kind"] == "article"
                yield {"_index": index, "_id": doc_id, "_source": doc}

    began = time.perf_counter()
    for ok, item in streaming_bulk(
        es, actions(), chunk_size=BULK_DOCS, max_chunk_bytes=BULK_BYTES, max_retries=6
    ):
        if not ok:
            raise SystemExit(f"the ceiling's bulk load failed: {item}")
    es.indices.put_settings(index=index, settings={"refresh_interval": "1s"})
    es.indices.refresh(index=index)
    elapsed = time.perf_counter() - began
    es.indices.delete(index=index)
    return articles / elapsed


def reindex_command(corpus: Path, *extra: str) -> list[str]:
    """`dateline reindex` of `corpus` as a benchmark runs it: no index kept for rollback."""
    rejects = str(corpus.with_suffix(".rejects.jsonl"))
    return [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--keep", "0",
            "--rejects", rejects, *extra]  # fmt: skip


class MemoryWatch(threading.Thread):
    """Peak RSS of a process (`main`) and of its largest child (`worker`), sampled."""

    def __init__(self, process: psutil.Popen) -> None:
        super().__init__(daemon=True)
        self.process, self.main, self.worker = process, 0, 0

    def run(self) -> None:
        while self.process.poll() is None:
            try:
                self.main = max(self.main, self.process.memory_info().rss)
                for child in self.process.children(recursive=True):
                    self.worker = max(self.worker, child.memory_info().rss)
            except psutil.Error:
                pass
            # A quarter of a second: sampling every process 20 times a second cost the machine
            # a fifth of a core, taken from the run it measures; memory grows slower than that.
            time.sleep(0.25)


def dateline_reindex(corpus: Path, alias: str, workers: int | None) -> tuple[float, float, float]:
    """Articles/s of `dateline reindex`, its own peak RSS and its largest worker's, in MB."""
    command = reindex_command(corpus, *(["--workers", str(workers)] if workers else []))
    env = {**os.environ, "DATELINE_INDEX": alias}
    began = time.perf_counter()
    process = psutil.Popen(command, env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    watch = MemoryWatch(process)
    watch.start()
    process.wait()
    watch.join()
    main_peak, worker_peak = watch.main, watch.worker
    elapsed = time.perf_counter() - began
    stderr = process.stderr.read()
    if process.returncode != 0:
        raise SystemExit(f"dateline reindex failed:\n{stderr}")
    indexed = int(re.search(r"indexed (\d+)", stderr)[1])
    relabelled = re.search(r"people: (\d+) documents relabelled", stderr)
    print(f"documents relabelled (people): {int(relabelled[1]) if relabelled else 0}")
    return indexed / elapsed, main_peak / 2**20, worker_peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--rounds", type=int, default=1, help="ceiling then reindex, this many times over"
    )
    args = parser.parse_args()
    if not TRAIN.is_dir():
        raise SystemExit(f"{TRAIN} is absent: the shared corpora are not beside this repo")
    settings = EsSettings.from_env()
    alias = f"dateline-bench-{os.getpid()}"
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, docs = Path(tmp, "corpus.jsonl"), Path(tmp, "docs.jsonl")
        build_corpus(corpus, args.articles)
        with docs.open("w", encoding="utf-8") as out:
            for outcome in prepare_all(Walk([corpus]), workers=args.workers):
                if isinstance(outcome, Prepared):
                    for doc_id, body in outcome.documents:
                        out.write(f"{doc_id}\t{body.decode()}\n")
        print(
            f"corpus: {args.articles} articles, {corpus.stat().st_size / 2**20:.0f} MB JSON Lines;"
            f" extraction {'compiled (mypyc)' if COMPILED_IN_USE else 'in plain Python'}"
        )
        for number in range(1, args.rounds + 1):
            if args.rounds > 1:
                print(f"round {number}")
            base = ceiling(settings, docs, alias)
            print(f"ceiling (helpers bulk, no extraction): {base:.0f} articles/s")
            rate, main_rss, worker_rss = dateline_reindex(corpus, alias, args.workers)
            print(f"dateline reindex (end to end):        {rate:.0f} articles/s")
            ratios.append(rate / base)
            print(f"ratio: {rate / base:.2f} (goal >= 0.85)")
            print(
                f"peak RSS: reindex process {main_rss:.0f} MB, largest worker {worker_rss:.0f} MB"
                " (goal < 400 MB)"
            )
        if args.rounds > 1:
            print(f"median ratio over {args.rounds} rounds: {statistics.median(ratios):.2f}")
        es = settings.client()
        for index in es.indices.get(index=f"{alias}*"):
            es.indices.delete(index=index)


if __name__ == "__main__":
    main()
