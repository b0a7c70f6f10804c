"""Score speakers on a PolNeAR split: the shared surname scorer, then full-name exactness.

Usage: python bench/score_speakers.py [--split dev] [--pred pred.jsonl] [--out pred.jsonl]
       [--verbose]

Without --pred, the people finder is run over the split: the body handed to find_people is the
text after the first blank line (the headline block is the title), as the ingest pipeline does,
and speed is reported as mean milliseconds per article for find_people alone, after one warm-up
call (which loads the place-name tables). With --pred, an existing prediction file (such as the
output of `dateline extract`) is scored instead.

The shared scorer compares surnames only, so "Japan Nikolai Nozdrev" and "Nozdrev" both count
as right. Full-name exactness is the strict measure beside it: of the predicted speakers whose
surname matches a gold speaker the article names in full, the share that carry exactly one of
those full names. Words are compared with accents, case and outer punctuation folded; a
generational suffix is left out on both sides (the gold's tagger often leaves "Jr." outside the
name), and so are the honorifics and titles the gold's tagger kept in front of some names
("Mr. Trump" is no full name, "Mayor Frank G. Jackson" is "Frank G. Jackson").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from search.extract.attribution.attribute import find_people  # noqa: E402

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Words the gold's tagger keeps in front of names; none is part of a person's full name.
_TITLES = set(
    """mr mrs ms miss dr prof mayor justice judge pope prince representative senator admiral
    president democrat republican""".split()
)


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


def name_tokens(name: str) -> tuple[str, ...]:
    """A name's words with accents, case, curly apostrophes and outer punctuation folded, and
    a generational suffix left out."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = [w.removesuffix("'s") for w in (w.strip(".,;:!?\"'()[]") for w in text.split()) if w]
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return tuple(words)


def gold_full_name(name: str) -> tuple[str, ...] | None:
    """The words of a gold name without the titles in front, if a full name remains: at least
    a first name (or initial) and a surname."""
    words = list(name_tokens(name))
    while words and words[0] in _TITLES:
        words.pop(0)
    return tuple(words) if len(words) >= 2 else None


def article_key(row: dict) -> str:
    """A prediction row's article id: its "id", else its source file's stem."""
    return str(row["id"]) if row.get("id") is not None else Path(str(row["source"])).stem


def speaker_names(row: dict) -> list[str]:
    return [s["name"] if isinstance(s, dict) else s for s in row.get("speakers") or []]


def full_name_exactness(gold_rows: list[dict], pred_rows: list[dict], name_key) -> tuple[int, int]:
    """(exact, compared): predicted speakers whose surname key belongs to a gold full name,
    and how many of them are exactly one of the gold full names with that key."""
    full_by_article: dict[str, dict[str, set[tuple[str, ...]]]] = {}
    for row in gold_rows:
        names = full_by_article.setdefault(str(row["id"]), {})
        for name in row.get("names", []):
            tokens = gold_full_name(name)
            if tokens:
                names.setdefault(name_key(name), set()).add(tokens)
    exact = compared = 0
    for row in pred_rows:
        gold = full_by_article.get(article_key(row))
        if gold is None:
            continue
        for name in dict.fromkeys(speaker_names(row)):
            wanted = gold.get(name_key(name))
            if wanted:
                compared += 1
                exact += name_tokens(name) in wanted
    return exact, compared


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", help="train or dev")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--pred", type=Path, help="score these predictions instead of predicting")
    ap.add_argument("--out", type=Path, help="prediction JSONL (default: a temporary file)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    split_dir = args.shared / "corpora" / "polnear" / args.split
    out = args.pred
    if out is None:
        rows, ms = predict(split_dir)
        out = args.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} articles, {ms:.2f} ms/article (find_people only); predictions: {out}")
    scorer = load_scorer(args.shared)
    argv_score = ["--gold", str(split_dir / "gold.jsonl"), "--pred", str(out)]
    status = scorer.main(argv_score + (["--verbose"] if args.verbose else []))
    exact, compared = full_name_exactness(
        read_jsonl(split_dir / "gold.jsonl"), read_jsonl(out), scorer.name_key
    )
    print(f"full names: {exact} of {compared} exact = {exact / max(1, compared):.3f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
