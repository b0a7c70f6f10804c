"""Measure who is who across the archive: the people directory PolNeAR train+dev gives, against
the hand-made identity test set (tests/data/polnear_people.json), before and after.

Usage: python bench/identity.py [--extract FILE.jsonl ...] [--base REV] [--top 150] [--verbose]
       [--unjudged]

The extractor runs over PolNeAR train and dev (`dateline extract`), or --extract reads its
output. Both identities then run over the same extraction: the one at --base (default 486d71b:
each key its own person, merged by nickname, suffix and lone surname, as search/index/identity.py
applied it then) and the current one (`search.speakers.merge.identify`). For each:
- pairwise precision and recall of merges, over speaker mentions (article, name as written) that
  the test set gives a person, and over distinct (spelling, person) pairs, each counted once;
- errors among the test set's 150 most-quoted people: split (their mentions under two or more
  people), wrong merge (their entry holds another person's or a non-person's mentions), wrong
  canonical name (not one of their full names), lost (no person holds them); and non-people among
  the directory's 150 most-quoted entries;
- non-people (test set) that became people, spellings and quotes.
A mention the test set marks unknown is left out; one it does not know (a spelling a newer
extractor writes) is counted as unjudged and listed with --unjudged: the candidates to judge next.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from math import comb
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# shared/ lies beside the repository (or beside the folder of its worktrees)
SHARED = next(
    (p / "shared" for p in REPO.parents if (p / "shared").is_dir()), REPO.parent / "shared"
)
POLNEAR = SHARED / "corpora" / "polnear"
GOLD = REPO / "tests" / "data" / "polnear_people.json"
sys.path.insert(0, str(REPO))

from search.speakers.merge import identify  # noqa: E402
from search.speakers.names import fold  # noqa: E402
from search.speakers.stats import Mention, archive_stats  # noqa: E402

NOT_PERSON, UNKNOWN = "!not-a-person", "?unknown"
# What search/index/identity.py did at the base commit, on the base's search.speakers.
_BASE_RUN = """
import json, sys
from base_search.speakers.merge import KeyStat, candidate_pairs, people
from base_search.speakers.names import person_name
data = json.load(sys.stdin)
stats = {}
for written, articles in data["spellings"]:
    name = person_name(written)
    if name is None:
        continue
    stats.setdefault(name.key, KeyStat(name)).add(name, articles)
stats = list(stats.values())
named = [set(keys) for keys in data["article_keys"]]
together = {p for p in candidate_pairs(stats) if any(p <= keys for keys in named)}
found = people(stats, together)
out = {}
for written, _ in data["spellings"]:
    name = person_name(written)
    if name is not None and name.key in found:
        out[written] = [found[name.key].id, found[name.key].name]
json.dump(out, sys.stdout)
"""

Labels = dict[str, tuple[str, str, str]]  # spelling -> (entry id, name, kind)


def extract(paths: list[Path]) -> list[dict]:
    """Articles as `dateline extract` prints them."""
    run = [sys.executable, "-m", "search.cli", "extract", *map(str, paths)]
    done = subprocess.run(run, capture_output=True, text=True, cwd=REPO, check=False)
    articles = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if not articles:
        raise SystemExit(f"no article extracted from {', '.join(map(str, paths))}:\n{done.stderr}")
    return articles


def mentions_of(article: dict) -> list[Mention]:
    """The names of an article: its speakers, then the other people it names."""
    found = [
        Mention(s["name"], s["quote_count"], s.get("role"), s.get("kind") or s.get("speaker_kind"))
        for s in article["speakers"]
    ]
    spoken = {s["name"] for s in article["speakers"]}
    return found + [Mention(p) for p in article.get("people", []) if p not in spoken]


def current(articles: list[dict]) -> Labels:
    dated = [
        (date.fromisoformat(a["published"]) if a.get("published") else None, mentions_of(a))
        for a in articles
    ]
    directory = identify(archive_stats(dated))
    labels: Labels = {}
    for written, entry_id in directory.of_spelling.items():
        entry = directory.entries[entry_id]
        labels[written] = (entry.id, entry.name, entry.kind)
    return labels


def at_base(articles: list[dict], rev: str) -> Labels:
    """The base commit's identity, run on its own code in a subprocess."""
    from search.speakers.names import person_name

    archive = subprocess.run(
        ["git", "archive", rev, "search/__init__.py", "search/speakers"],
        capture_output=True,
        cwd=REPO,
        check=True,
    ).stdout
    counts: Counter[str] = Counter()
    article_keys = []
    for article in articles:
        names = {m.written for m in mentions_of(article)}
        counts.update(names)
        article_keys.append(sorted({n.key for w in names if (n := person_name(w))}))
    with tempfile.TemporaryDirectory() as where:
        # the base's package under another name: the installed `search` is the current one
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(where, filter="data")
        package = Path(where) / "search"
        for module in package.rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            module.write_text(text.replace("from search.", "from base_search."), encoding="utf-8")
        package.rename(Path(where) / "base_search")
        done = subprocess.run(
            [sys.executable, "-c", _BASE_RUN],
            input=json.dumps({"spellings": list(counts.items()), "article_keys": article_keys}),
            capture_output=True,
            text=True,
            env={"PYTHONPATH": where, "PATH": "/usr/bin:/bin"},
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"the identity at {rev} failed:\n{done.stderr}")
    return {w: (pid, name, "person") for w, (pid, name) in json.loads(done.stdout).items()}


class Gold:
    """The test set: who each (article, spelling) names."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.people = {p["id"]: p for p in data["people"]}
        self.spelling: dict[str, str] = {}
        self.in_article: dict[tuple[str, str], str] = {}
        self.names_ok: dict[str, set[str]] = {}
        for person in data["people"]:
            full = person["spellings"]
            for written in full + person.get("typos", []) + person.get("aliases", []):
                self.spelling[written] = person["id"]
            for written, articles in person.get("short_forms", {}).items():
                for article in articles:
                    self.in_article[(article, written)] = person["id"]
            self.names_ok[person["id"]] = {fold(n) for n in [person["name"], *full]} | {
                fold(" ".join(w for w in n.split() if not (w.endswith(".") and len(w) == 2)))
                for n in full
            }
        self.kinds: dict[str, str] = data["not_people"]
        for written in data["not_people"]:
            self.spelling[written] = NOT_PERSON
        for written in data["unknown"]:
            self.spelling[written] = UNKNOWN

    def label(self, article: str, written: str) -> str | None:
        """A person id, NOT_PERSON, UNKNOWN, or None when the test set does not know it."""
        return self.in_article.get((article, written)) or self.spelling.get(written)


def _pairs(cells: Counter[tuple[str, str]]) -> tuple[float, float]:
    """Pairwise precision and recall from (gold, system) counts; a system label starting with
    "#" stands for a mention merged with nothing."""
    both = sum(comb(n, 2) for (_, s), n in cells.items() if not s.startswith("#"))
    system: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for (g, s), n in cells.items():
        gold[g] += n
        if not s.startswith("#"):
            system[s] += n
    made = sum(comb(n, 2) for n in system.values())
    wanted = sum(comb(n, 2) for n in gold.values())
    return both / made if made else 1.0, both / wanted if wanted else 1.0


def measure(articles: list[dict], labels: Labels, gold: Gold, top: int) -> dict:
    mentions: list[tuple[str, str, int, str | None]] = [
        (a["id"], s["name"], s["quote_count"], gold.label(a["id"], s["name"]))
        for a in articles
        for s in a["speakers"]
    ]
    by_mention: Counter[tuple[str, str]] = Counter()
    by_spelling: set[tuple[str, str, str]] = set()
    held: dict[str, Counter[str]] = defaultdict(Counter)  # gold person -> entry -> quotes
    holds: dict[str, Counter[str]] = defaultdict(Counter)  # entry -> gold label -> quotes
    quotes: Counter[str] = Counter()
    entry_quotes: Counter[str] = Counter()
    unjudged: Counter[str] = Counter()
    non_people: dict[str, int] = {}
    for n, (_, written, count, truth) in enumerate(mentions):
        entry_id, _, kind = labels.get(written, ("", "", "none"))
        if kind == "person":
            entry_quotes[entry_id] += count
            holds[entry_id][truth or "?"] += count
        if truth is None:
            unjudged[written] += 1
            continue
        if truth == NOT_PERSON and kind == "person":
            non_people[written] = non_people.get(written, 0) + count
        if truth in (NOT_PERSON, UNKNOWN):
            continue
        system = entry_id if kind == "person" else f"#{n}"
        by_mention[(truth, system)] += 1
        by_spelling.add((truth, system if kind == "person" else f"#{written}", written))
        quotes[truth] += count
        held[truth][entry_id if kind == "person" else "#"] += count
    errors: dict[str, list[str]] = defaultdict(list)
    for person, _ in quotes.most_common(top):
        entries = {e: q for e, q in held[person].items() if e != "#"}
        name = gold.people[person]["name"]
        if not entries:
            errors["lost"].append(name)
            continue
        if len(entries) > 1:
            errors["split"].append(f"{name}: {', '.join(sorted(entries))}")
        main = max(entries, key=lambda e: entries[e])
        others = [g for g in holds[main] if g not in (person, UNKNOWN, "?")]
        if others:
            errors["wrong merge"].append(f"{name} with {', '.join(sorted(others)[:4])}")
        shown = next(lab[1] for w, lab in labels.items() if lab[0] == main)
        if fold(shown) not in gold.names_ok[person]:
            errors["wrong canonical name"].append(f"{name} shown as {shown}")
    for entry, _ in entry_quotes.most_common(top):
        truths = holds[entry]
        if truths and max(truths, key=lambda t: truths[t]) == NOT_PERSON:
            shown = next(lab[1] for lab in labels.values() if lab[0] == entry)
            errors["not a person"].append(shown)
    by_spelling_cells: Counter[tuple[str, str]] = Counter((t, s) for t, s, _ in by_spelling)
    truths_of: dict[str, set[str]] = defaultdict(set)
    systems_of: dict[str, set[str]] = defaultdict(set)
    for truth, system, written in by_spelling:
        if not system.startswith("#"):
            truths_of[system].add(f"{written} [{truth}]")
        systems_of[truth].add(f"{written} [{system}]")
    false_merges = sorted(
        "; ".join(sorted(held_))
        for held_ in truths_of.values()
        if len({h.split(" [")[1] for h in held_}) > 1
    )
    missed = sorted(
        "; ".join(sorted(parts))
        for parts in systems_of.values()
        if len({p.split(" [")[1] for p in parts}) > 1
    )
    people_in_error = {
        line.split(":")[0].split(" with ")[0].split(" shown as ")[0]
        for kind, lines in errors.items()
        for line in lines
    }
    return {
        "pairs_mentions": _pairs(by_mention),
        "pairs_spellings": _pairs(by_spelling_cells),
        "errors": dict(errors),
        "error_count": len(people_in_error),
        "non_people": non_people,
        "unjudged": unjudged,
        "mentions": len(mentions),
        "false_merges": false_merges,
        "missed": missed,
    }


def report(name: str, result: dict, verbose: bool) -> None:
    pm, rm = result["pairs_mentions"]
    ps, rs = result["pairs_spellings"]
    counts = ", ".join(f"{k} {len(v)}" for k, v in sorted(result["errors"].items()))
    print(
        f"{name:8} mentions P {pm:.4f} R {rm:.4f} | spellings P {ps:.3f} R {rs:.3f} | "
        f"directory errors {result['error_count']} ({counts or 'none'}) | non-people as people "
        f"{len(result['non_people'])} ({sum(result['non_people'].values())} quotes)"
    )
    if verbose:
        for kind, lines in sorted(result["errors"].items()):
            for line in lines:
                print(f"    {kind}: {line}")
        for written, count in sorted(result["non_people"].items()):
            print(f"    non-person as a person: {written} ({count} quotes)")
        for line in result["false_merges"]:
            print(f"    merged, two people: {line}")
        for line in result["missed"]:
            print(f"    apart, one person: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", type=Path, nargs="*", help="`dateline extract` output")
    parser.add_argument("--base", default="486d71b", help="the commit to compare with")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--unjudged", action="store_true", help="list spellings to judge next")
    args = parser.parse_args()
    if args.extract:
        articles = [
            json.loads(line)
            for path in args.extract
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    else:
        articles = extract(
            [POLNEAR / "train" / "articles.jsonl", POLNEAR / "dev" / "articles.jsonl"]
        )
    gold = Gold(args.gold)
    runs: list[tuple[str, Callable[[], Labels]]] = [
        (f"base {args.base}", lambda: at_base(articles, args.base)),
        ("current", lambda: current(articles)),
    ]
    print(f"{len(articles)} articles; test set: {len(gold.people)} people, {args.top} most quoted")
    last: dict = {}
    for name, run in runs:
        last = measure(articles, run(), gold, args.top)
        report(name, last, args.verbose)
    unjudged = last["unjudged"]
    print(f"unjudged speaker mentions: {sum(unjudged.values())} of {last['mentions']}")
    if args.unjudged:
        for written, count in unjudged.most_common():
            print(f"    {written} ({count})")


if __name__ == "__main__":
    main()
