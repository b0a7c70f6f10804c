"""Run the people finder over a PolNeAR split, write predictions and print the shared score.

Usage: python bench/score_speakers.py [--split dev] [--out pred.jsonl] [--verbose]

The body handed to find_people is the text after the first blank line (the headline block is
the title), as the ingest pipeline does. Speed is reported as mean milliseconds per article
for find_people alone, after one warm-up call (which loads the place-name tables).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from search.extract.attribution.attribute import find_people  # noqa: E402


def load_scorer(shared: Path = SHARED):
    """Import shared/tools/score_speakers.py by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "shared_score_speakers", shared / "tools" / "score_speakers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_article(text: str) -> tuple[str, str]:
    """(title, body): the headline block ends at the first blank line."""
    head, _, body = text.partition("\n\n")
    return head.strip(), body


def predict(split_dir: Path) -> tuple[list[dict], float]:
    """Prediction rows for every article of a split, and mean ms per article."""
    rows, elapsed = [], 0.0
    with open(split_dir / "articles.jsonl", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    find_people(split_article(articles[0]["text"])[1])  # warm-up: loads the place tables
    for art in articles:
        title, body = split_article(art["text"])
        t0 = time.perf_counter()
        found = find_people(body, title=title)
        elapsed += time.perf_counter() - t0
        rows.append({"id": art["id"], "speakers": [s.name for s in found.speakers]})
    return rows, 1000 * elapsed / max(1, len(articles))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", help="train or dev")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, help="prediction JSONL (default: a temporary file)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    split_dir = args.shared / "corpora" / "polnear" / args.split
    rows, ms = predict(split_dir)
    out = args.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} articles, {ms:.2f} ms/article (find_people only); predictions: {out}")
    scorer = load_scorer(args.shared)
    argv_score = ["--gold", str(split_dir / "gold.jsonl"), "--pred", str(out)]
    return scorer.main(argv_score + (["--verbose"] if args.verbose else []))


if __name__ == "__main__":
    sys.exit(main())
