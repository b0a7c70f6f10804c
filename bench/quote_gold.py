"""What bench/train_confidence.py and bench/abstention.py share: PolNeAR's quote-level gold, the
shared scorer's own matching rules, and extraction with every quote's speaker and evidence kept.

The extraction runs from source (DATELINE_PURE_PYTHON=1, set before `search` is imported) with
abstention off, so that each quote keeps its speaker and the evidence its confidence came from.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
os.environ["DATELINE_PURE_PYTHON"] = "1"  # the evidence hook lives in the source modules
sys.path.insert(0, str(REPO))

from search.extract.attribution import quotes as stage  # noqa: E402
from search.extract.attribution.lexicon import ROLE_CONCEPTS  # noqa: E402
from search.extract.pipeline import extract  # noqa: E402
from search.extract.vocabulary import TITLE_WORDS  # noqa: E402
from search.ingest.read import read_all  # noqa: E402


def load_scorer(shared: Path) -> ModuleType:
    """The shared tools/score_quotes.py, imported by path (it is not a package)."""
    tools = shared / "tools"
    sys.path.insert(0, str(tools))
    spec = importlib.util.spec_from_file_location("shared_score_quotes", tools / "score_quotes.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{tools / 'score_quotes.py'} is absent: is ../shared beside the repo?")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_dir(shared: Path, split: str) -> Path:
    path = shared / "corpora" / "polnear" / split
    if not path.is_dir():
        raise SystemExit(f"{path} is absent: the shared corpora are not beside this repo")
    return path


def extract_split(path: Path) -> list[tuple[dict[str, Any], list[dict[str, float]]]]:
    """Each article of a split as `dateline extract` gives it (abstention off), with the
    evidence of each of its quotes."""
    stage.ABSTAIN_BELOW = 0.0
    out = []
    for raw in read_all(sorted((path / "text").glob("*.txt"))):
        stage.EVIDENCE = []
        article = extract(raw)
        out.append((article.to_dict(), [evidence for _, evidence in stage.EVIDENCE]))
    stage.EVIDENCE = None
    return out


def gold_by_id(path: Path) -> dict[str, dict[str, Any]]:
    with open(path / "quote_gold.jsonl", encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def label(
    scorer: ModuleType,
    text: str,
    article: dict[str, Any],
    quote: dict[str, Any],
    gold: dict[str, Any],
) -> bool | None:
    """True or False as the shared scorer judges the quote's speaker; None where it does not
    judge it (no annotated attribution under it, the gold's source a pronoun, no speaker) or
    cannot: a document (the scorer takes only people and organisations for sources), or a
    person's campaign, team or office, which the gold calls "other" ("the Trump campaign"),
    "named" ("The Clinton campaign", where its tagger took Clinton for a person) or "proxy"
    ("Clinton's campaign") as its tagger happened to read it."""
    if quote.get("speaker_kind") == "document" or (
        quote.get("speaker_kind") == "organization" and quote.get("on_behalf_of")
    ):
        return None
    loc = scorer.locate(text, article["body"], quote)
    spans = [(tuple(x["span"]), x) for x in gold["attributions"]]
    over = [x for s, x in spans if loc and scorer.overlap(loc, s) >= 0.5 * max(1, loc[1] - loc[0])]
    # A role standing for a person ("the mayor", "the former president") is a pronoun of sorts:
    # the gold, which names no one there, cannot tell whom it stands for.
    scored = [x for x in over if x["kind"] != "pronoun" and not _role_anaphor(x)]
    keys = scorer.speaker_keys(quote)
    if not scored or not keys:
        return None
    if scorer.is_organization(quote) and any(
        x["kind"] == "other" and keys & {scorer.name_key(w) for w in (x["source"] or "").split()}
        for x in scored
    ):
        return True
    return any(x["kind"] == "named" and set(x["heads"]) & keys for x in scored)


_ROLE_ANAPHOR = re.compile(
    r"(?:the|The)\s+(?:[\w.’'-]+\s+){0,3}(?:"
    + "|".join(sorted(TITLE_WORDS | set(ROLE_CONCEPTS), key=len, reverse=True))
    + r")$"
)


def _role_anaphor(attribution: dict[str, Any]) -> bool:
    return attribution["kind"] == "other" and bool(
        _ROLE_ANAPHOR.fullmatch((attribution["source"] or "").strip(" ,"))
    )


def judged(
    shared: Path, path: Path, extracted: list[tuple[dict[str, Any], list[dict[str, float]]]]
) -> list[tuple[dict[str, Any], dict[str, float], bool]]:
    """(quote, evidence, right) of every extracted quote the gold judges (see `label`)."""
    scorer, gold = load_scorer(shared), gold_by_id(path)
    out = []
    for article, evidence in extracted:
        text = (path / "text" / f"{article['id']}.txt").read_text(encoding="utf-8")
        for quote, seen in zip(article["quotes"], evidence, strict=True):
            right = label(scorer, text, article, quote, gold[article["id"]])
            if right is not None:
                out.append((quote, seen, right))
    return out


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
