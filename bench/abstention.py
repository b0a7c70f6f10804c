"""The precision-recall curve of abstention: quotes below a confidence threshold keep no speaker.

    .venv/bin/python bench/abstention.py [--split dev] [--shared ../shared]

Extraction runs once with abstention off (every quote keeps its speaker and confidence); then,
for each threshold, the quotes below it lose their speaker ("speaker uncertain") and the shared
scorer (tools/score_quotes.py) scores the result: P, R, unmatched (unchanged by abstention: an
abstained quote is still shown), and how many quotes abstain. The threshold in use is
search/extract/attribution/quotes.py ABSTAIN_BELOW, chosen on dev from this curve.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from quote_gold import SHARED, extract_split, judged, split_dir, write_jsonl

from search.extract.attribution.quotes import ABSTAIN_BELOW

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
_FIGURES = re.compile(r"quotes: P=(\S+) R=(\S+) F1=(\S+) .*unmatched=(\S+) proxy_err=(\S+)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args()
    path = split_dir(args.shared, args.split)
    extracted = extract_split(path)
    articles = [article for article, _ in extracted]
    scores = [(q["confidence"], right) for q, _, right in judged(args.shared, path, extracted)]
    print(f"PolNeAR {args.split}: threshold in use {ABSTAIN_BELOW}")
    print("threshold  abstained      P     P*      R     F1  unmatched  proxy_err")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        for threshold in THRESHOLDS:
            rows, abstained = [], 0
            for article in articles:
                quotes = []
                for q in article["quotes"]:
                    if q["confidence"] < threshold:
                        abstained += 1
                        q = {**q, "speaker": None, "speaker_kind": None, "on_behalf_of": None}
                    quotes.append(q)
                rows.append({**article, "quotes": quotes})
            write_jsonl(pred, rows)
            done = subprocess.run(
                [
                    sys.executable,
                    str(args.shared / "tools" / "score_quotes.py"),
                    "--gold",
                    str(path / "quote_gold.jsonl"),
                    "--text-dir",
                    str(path / "text"),
                    "--pred",
                    str(pred),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            found = _FIGURES.search(done.stdout)
            if found is None:
                raise SystemExit(f"unexpected scorer output: {done.stdout[-300:]}")
            p, r, f1, unmatched, proxy = found.groups()
            kept = [right for confidence, right in scores if confidence >= threshold]
            star = sum(kept) / max(1, len(kept))
            print(
                f"{threshold:9.2f}  {abstained:9d}  {p}  {star:.3f}  {r}  {f1}  {unmatched:>9}"
                f"  {proxy:>9}"
            )


if __name__ == "__main__":
    main()
