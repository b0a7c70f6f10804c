"""Mixed traffic against the served stack (nginx + gunicorn, deploy/serve.sh) on the 50,000-article
corpus of bench/reindex.py, at several numbers of users, with locust, headless, on loopback only.

    .venv/bin/python bench/load.py [--articles 50000] [--users 1,8,32,128] [--seconds 30]

1. Builds the corpus (bench/reindex.py's builder) and `dateline reindex`es it into an alias of its
   own (`--alias NAME` keeps it for the next run, and reuses it when it exists).
2. Starts deploy/serve.sh on a free port (rate limit off), then for each number of users runs
   locust for `--seconds`: searches, facet clicks, quote searches, article views and exports.
3. Prints a table: requests/s, p50/p95/p99 (ms), errors (5xx and connection errors apart from
   other failures), and the gunicorn workers' memory at the start and end of each level.
4. The worst query of issue 13 (`a*|` x 333) against a normal one, sequentially and 8 at once,
   with Elasticsearch's search timeout off and on (DATELINE_SEARCH_TIMEOUT).
Goal: no 5xx and no connection error at any level; p99 at 32 users under 1 s.
"""

from __future__ import annotations

import argparse
import csv
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
from urllib.parse import quote

import psutil
from locust import FastHttpUser, between, task

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from search.config import EsSettings  # noqa: E402
from tests.support.stack import Stack  # noqa: E402

WORDS = ["trump", "clinton", "election", "campaign", "police", "senate", "obama", "email",
         "debate", "tax", "immigration", "russia", "court", "vote", "border", "health"]  # fmt: skip
ARTICLES = int(os.environ.get("DATELINE_LOAD_ARTICLES", "50000"))  # ids bench-0 … bench-N-1
WORST = "a*|" * 333


class Reader(FastHttpUser):
    """One reader of the archive: searches, narrows by a facet, reads, exports."""

    wait_time = between(0.5, 1.5)

    def _json(self, path: str, name: str) -> dict[str, object]:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return {}
            body: dict[str, object] = response.json()
            return body

    @task(4)
    def search(self) -> None:
        words = " ".join(random.sample(WORDS, random.randint(1, 2)))
        self._json(f"/api/search?q={words}", "search")

    @task(2)
    def facet_click(self) -> None:
        found = self._json(f"/api/search?q={random.choice(WORDS)}", "search")
        speakers = (found.get("facets") or {}).get("speaker") or []  # type: ignore[union-attr]
        if speakers:
            speaker = random.choice(speakers)["value"]
            self._json(f"/api/search?q={random.choice(WORDS)}&speaker={speaker}", "facet click")

    @task(2)
    def quotes(self) -> None:
        self._json(f"/api/quotes?q={random.choice(WORDS)}", "quote search")

    @task(2)
    def article(self) -> None:
        self._json(f"/api/articles/bench-{random.randrange(ARTICLES)}", "article view")

    @task(1)
    def export(self) -> None:
        day = f"2016-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
        path = f"/api/export?format=csv&q={random.choice(WORDS)}&from={day}&to={day}"
        with self.client.get(path, name="export", catch_response=True) as response:
            if response.status_code != 200 or not response.text.startswith("id,"):
                response.failure(f"{response.status_code}")


def _build(alias: str, articles: int) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from reindex import build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        build_corpus(corpus, articles)
        began = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "search.cli", "reindex", str(corpus), "--keep", "0",
             "--rejects", str(Path(tmp, "rejects.jsonl")), "--allow-rejects", str(articles)],
            env={**os.environ, "DATELINE_INDEX": alias},
            cwd=REPO,
            check=True,
        )  # fmt: skip
        print(f"reindexed {articles} articles in {time.monotonic() - began:.0f}s", flush=True)


def _workers_mb(stack: Stack) -> list[float]:
    shell = psutil.Process(stack.process.pid)
    workers = [p for p in shell.children(recursive=True) if "gunicorn" in " ".join(p.cmdline()[:3])]
    masters = {p.pid for p in workers if p.ppid() == shell.pid}
    return sorted(p.memory_info().rss / 2**20 for p in workers if p.pid not in masters)


def _level(stack: Stack, users: int, seconds: int, out: Path) -> dict[str, object]:
    prefix, host = out / f"u{users}", f"http://127.0.0.1:{stack.port}"
    before = _workers_mb(stack)
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", __file__, "--headless", "--only-summary",
         "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--stop-timeout", "10",
         "--host", host, "--csv", str(prefix)],
        env={**os.environ, "DATELINE_LOAD_ARTICLES": str(ARTICLES)},
        cwd=REPO,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    after = _workers_mb(stack)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
    server, connection, other = 0, 0, 0
    with open(f"{prefix}_failures.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            error, count = row["Error"], int(row["Occurrences"])
            # Failures are marked with the status: CatchResponseError('503'); 0 is no answer.
            status = re.search(r"CatchResponseError\('(\d+)'\)", error)
            if status and status[1].startswith("5"):
                server += count
            elif status is None or status[1] == "0":
                connection += count
            else:
                other += count
            print(f"  {users} users: {count} x {error} ({row['Name']})", flush=True)
    return {
        "users": users,
        "requests": int(total["Request Count"]),
        "rps": float(total["Requests/s"]),
        "p50": total["50%"],
        "p95": total["95%"],
        "p99": total["99%"],
        "5xx": server,
        "conn": connection,
        "other": other,
        "mem": f"{sum(before):.0f} -> {sum(after):.0f} MB ({len(after)} workers)",
    }


def _probe(stack: Stack, label: str) -> None:
    """The worst query against a normal one: alone, then eight worst ones at once."""

    def timed(q: str) -> float:
        answer = stack.get(f"/api/search?q={q}", timeout=120)
        return answer.seconds if answer.status == 200 else float("nan")

    normal = [timed("trump+campaign") for _ in range(5)]
    worst = [timed(quote(WORST)) for _ in range(5)]
    crowd = [threading.Thread(target=timed, args=(quote(WORST),)) for _ in range(8)]
    for thread in crowd:
        thread.start()
    time.sleep(0.2)
    during = [timed("trump+campaign") for _ in range(5)]
    for thread in crowd:
        thread.join()
    print(
        f"{label}: normal {statistics.median(normal) * 1000:.0f} ms, worst "
        f"{statistics.median(worst) * 1000:.0f} ms (max {max(worst) * 1000:.0f}); normal while "
        f"8 worst run: {statistics.median(during) * 1000:.0f} ms (max {max(during) * 1000:.0f})",
        flush=True,
    )


def main() -> None:
    global ARTICLES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--users", default="1,8,32,128")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument(
        "--alias", help="keep the archive under this alias, built if absent, for the next run"
    )
    args = parser.parse_args()
    ARTICLES = args.articles
    alias = args.alias or f"dateline-load-{os.getpid()}"
    if not (args.alias and EsSettings.from_env().client().indices.exists_alias(name=alias)):
        _build(alias, args.articles)
    workers = str((os.cpu_count() or 1) + 1)  # deploy/gunicorn.conf.py's default
    try:
        for label, timeout in (("ES search timeout off", "600"), ("ES search timeout 2 s", "2")):
            probe = Stack(
                alias,
                DATELINE_WORKERS=workers,
                DATELINE_SEARCH_TIMEOUT=timeout,
                DATELINE_REQUEST_DEADLINE="60" if timeout == "600" else "10",
            )
            try:
                _probe(probe, label)
            finally:
                probe.stop()
        stack = Stack(alias, DATELINE_WORKERS=workers)
        try:
            rows = []
            with tempfile.TemporaryDirectory() as out:
                for users in map(int, args.users.split(",")):
                    rows.append(_level(stack, users, args.seconds, Path(out)))
                    print(rows[-1], flush=True)
        finally:
            stack.stop()
        print("\n| users | requests | req/s | p50 ms | p95 ms | p99 ms | 5xx | conn. errors "
              "| other failures | worker memory |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            print(
                f"| {r['users']} | {r['requests']} | {r['rps']:.1f} | {r['p50']} | {r['p95']} "
                f"| {r['p99']} | {r['5xx']} | {r['conn']} | {r['other']} | {r['mem']} |"
            )
    finally:
        if not args.alias:
            es = EsSettings.from_env().client()
            for index in es.indices.get(index=f"{alias}-*", allow_no_indices=True):
                es.indices.delete(index=index)


if __name__ == "__main__":
    main()
