"""Where a quote's type and the quote-level gold disagree, and why.

    .venv/bin/dateline extract ../shared/corpora/polnear/dev/text > dev.jsonl
    .venv/bin/python bench/quote_types.py --split dev --pred dev.jsonl [--verbose]

The shared scorer (tools/score_quotes.py) counts a quote as direct or mixed exactly when an
annotated content under it holds a quotation mark, and the gold's `direct` flag only knows `"`,
`“` and `”`: the New York Times' doubled apostrophes (''...'') and the turns of a transcript,
which are verbatim without marks, read as paraphrase there. Each disagreement is put in one
class: `nyt-marks` (the content holds '' quoting), `transcript` (our quote is direct with the
cue ":", a turn after its label, and the gold saw no mark), `span` (our words and the
annotated content are cut differently, so that the quotation marks lie in one and not the
other), or `type` (the same words, typed wrong). The figure `type_acc, marks read as quoted`
is the scorer's with '' counted as a mark.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from quote_gold import SHARED, gold_by_id, load_scorer, split_dir

_MARKS = ('"', "“", "”")


def _direct(content: str, nyt: bool) -> bool:
    return any(mark in content for mark in _MARKS) or (nyt and "''" in content)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--verbose", action="store_true", help="list each disagreement")
    args = ap.parse_args()
    path = split_dir(args.shared, args.split)
    scorer, gold = load_scorer(args.shared), gold_by_id(path)
    typed = agree = agree_marks = 0
    classes: Counter[str] = Counter()
    with open(args.pred, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    for article in articles:
        fid = Path(article.get("source") or article["id"]).stem
        if fid not in gold:
            continue
        text = (path / "text" / f"{fid}.txt").read_text(encoding="utf-8")
        spans = [(tuple(x["span"]), x) for x in gold[fid]["attributions"]]
        for q in article["quotes"]:
            loc = scorer.locate(text, article["body"], q)
            over = [
                x for s, x in spans if loc and scorer.overlap(loc, s) >= 0.5 * (loc[1] - loc[0])
            ]
            if not over or q.get("type") not in ("direct", "mixed", "indirect"):
                continue
            typed += 1
            ours = q["type"] != "indirect"
            agree += ours == any(x["direct"] for x in over)
            agree_marks += ours == any(_direct(x["content"], True) for x in over)
            if ours == any(x["direct"] for x in over):
                continue
            if ours and any(_direct(x["content"], True) for x in over):
                why = "nyt-marks"
            elif q.get("cue") == ":" and q["type"] == "direct":
                why = "transcript"  # a turn: verbatim, though no mark opens it
            elif any(x["content"].strip() != " ".join(q["text"].split()) for x in over):
                why = "span"
            else:
                why = "type"
            classes[why] += 1
            if args.verbose:
                print(f"{fid}  {why}  ours {q['type']}: {q['text'][:70]!r}")
                print(f"      gold: {over[0]['content'][:90]!r}")
    print(f"PolNeAR {args.split}: {typed} typed quotes over an annotated attribution")
    print(f"type_acc, as the shared scorer reads the gold: {agree / max(1, typed):.3f}")
    print(f"type_acc, marks read as quoted ('' too): {agree_marks / max(1, typed):.3f}")
    print("disagreements: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))


if __name__ == "__main__":
    main()
