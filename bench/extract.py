"""Extraction speed and memory on PolNeAR train, on one core.

    .venv/bin/python bench/extract.py [--passes 3] [--corpus ../shared/corpora/polnear/train/text]

Goal (issue 3): at least 200 articles/s on one core, and memory that stays flat as the corpus
grows: the peak RSS after the last pass is compared with the peak after the first.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from search.extract import COMPILED_IN_USE
from search.extract.gazetteer import gazetteer
from search.extract.pipeline import extract
from search.ingest.read import read_all
from search.model import RawArticle

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "train" / "text"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is absent: the shared corpora are not beside this repo")
    gazetteer()  # loaded once per process; not part of the per-article rate
    print(f"extraction: {'compiled (mypyc)' if COMPILED_IN_USE else 'plain Python'}")
    print(f"after loading the gazetteer: peak RSS {peak_rss_mb():.0f} MB")
    total, seconds, first_peak = 0, 0.0, 0.0
    for number in range(1, args.passes + 1):
        began = time.perf_counter()
        count = 0
        for doc in read_all([args.corpus]):
            if isinstance(doc, RawArticle):
                extract(doc)
                count += 1
        elapsed = time.perf_counter() - began
        total, seconds = total + count, seconds + elapsed
        first_peak = first_peak or peak_rss_mb()
        print(
            f"pass {number}: {count} articles in {elapsed:.2f}s = {count / elapsed:.0f} articles/s,"
            f" peak RSS {peak_rss_mb():.0f} MB"
        )
    print(
        f"overall: {total} articles, {total / seconds:.0f} articles/s on one core;"
        f" peak RSS grew {peak_rss_mb() - first_peak:.1f} MB after the first pass"
    )


if __name__ == "__main__":
    main()
