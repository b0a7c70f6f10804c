"""Many exports at once against the served stack (nginx + gunicorn, deploy/serve.sh): what they
do to normal searches and to the workers' memory, without and with the export caps, in one run.

    .venv/bin/python bench/exports.py [--articles 3000] [--exports 100] [--seconds 45]
                                      [--alias NAME]

1. Builds bench/reindex.py's corpus and `dateline reindex`es it into an alias of its own
   (`--alias NAME` keeps it for the next run, and reuses it when it exists).
2. For each configuration (baseline: no caps and 1,000 hits an engine page, as before issue 20;
   Dateline: the defaults of deploy/serve.sh), starts the stack on a free loopback port with the
   rate limit off and 127.0.0.1 a trusted proxy, so each of `--exports` clients has an address
   of its own (X-Forwarded-For 10.0.x.y): the global cap is what holds them. Each client
   exports every article as CSV, read as fast as it comes; refused (429), it waits Retry-After
   and tries again, until `--seconds` have passed. Meanwhile one reader searches in a loop.
3. Prints per configuration: exports finished, refused (429), failed; the searches' p50, p95 and
   max; the gunicorn workers' peak memory (RSS, the largest worker and all together).
Goal (issue 20): with the caps, search p95 under 300 ms and every worker under 300 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from load import _build  # noqa: E402

from search.config import EsSettings  # noqa: E402
from tests.support.stack import Stack  # noqa: E402

SEARCHES = ["harbour", "strike", "election", "campaign", "police", "court", "vote", "border"]
CONFIGURATIONS = {
    "baseline (no caps, 1,000-hit pages)": {
        "DATELINE_EXPORTS_PER_CLIENT": "0",
        "DATELINE_EXPORTS_TOTAL": "0",
        "DATELINE_EXPORT_PAGE": "1000",
    },
    "Dateline (defaults)": {},
}


def _workers(stack: Stack) -> list[psutil.Process]:
    shell = psutil.Process(stack.process.pid)
    found = [p for p in shell.children(recursive=True) if "gunicorn" in " ".join(p.cmdline()[:3])]
    masters = {p.pid for p in found if p.ppid() == shell.pid}
    return [p for p in found if p.pid not in masters]


def _export(port: int, client: str, until: float, tally: dict[str, int]) -> None:
    """One client: its whole export, retried after Retry-After while refused."""
    while time.monotonic() < until:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/export?format=csv", headers={"X-Forwarded-For": client}
        )
        try:
            with urllib.request.urlopen(request, timeout=max(until - time.monotonic(), 1)) as got:
                while got.read(65536):
                    if time.monotonic() > until:
                        tally["unfinished"] += 1
                        return
            tally["finished"] += 1
            return
        except urllib.error.HTTPError as error:
            key = "refused" if error.code == 429 else f"status {error.code}"
            tally[key] = tally.get(key, 0) + 1
            time.sleep(float(error.headers.get("Retry-After") or 1))
        except OSError:
            tally["failed"] += 1
            return


def _run(alias: str, label: str, env: dict[str, str], exports: int, seconds: int) -> str:
    workers = str((os.cpu_count() or 1) + 1)  # deploy/gunicorn.conf.py's default
    stack = Stack(alias, DATELINE_WORKERS=workers, DATELINE_TRUSTED_PROXIES="127.0.0.1", **env)
    try:
        procs: list[psutil.Process] = []
        for _ in range(100):  # every worker booted: 20 s at most
            procs = _workers(stack)
            if len(procs) == int(workers):
                break
            time.sleep(0.2)
        peak = {p.pid: p.memory_info().rss for p in procs}
        tally = {"finished": 0, "refused": 0, "unfinished": 0, "failed": 0}
        until = time.monotonic() + seconds
        clients = [
            threading.Thread(
                target=_export, args=(stack.port, f"10.0.{n // 250}.{n % 250 + 1}", until, tally)
            )
            for n in range(exports)
        ]
        for thread in clients:
            thread.start()
        latencies, n = [], 0
        while time.monotonic() < until:
            answer = stack.get(f"/api/search?q={SEARCHES[n % len(SEARCHES)]}", timeout=60)
            latencies.append(answer.seconds if answer.status == 200 else float("inf"))
            n += 1
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    peak[p.pid] = max(peak[p.pid], p.memory_info().rss)
            time.sleep(0.1)
        for thread in clients:
            thread.join(timeout=60)
    finally:
        stack.stop()
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[int(len(ms) * 0.95) - 1] if ms else float("nan")
    mb = [v / 2**20 for v in peak.values()]
    return (
        f"| {label} | {tally} | {len(ms)} | {statistics.median(ms):.0f} | {p95:.0f} "
        f"| {max(ms):.0f} | {max(mb):.0f} | {sum(mb):.0f} ({len(mb)} workers) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--exports", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=45)
    parser.add_argument("--alias", help="keep the archive under this alias for the next run")
    args = parser.parse_args()
    alias = args.alias or f"dateline-bench-exports-{os.getpid()}"
    if not (args.alias and EsSettings.from_env().client().indices.exists_alias(name=alias)):
        _build(alias, args.articles)
    rows = []
    try:
        for label, env in CONFIGURATIONS.items():
            rows.append(_run(alias, label, env, args.exports, args.seconds))
            print(rows[-1], flush=True)
    finally:
        if not args.alias:
            es = EsSettings.from_env().client()
            for index in es.indices.get(index=f"{alias}-*", allow_no_indices=True):
                es.indices.delete(index=index)
    print(f"\n{args.exports} exports of {args.articles} articles for {args.seconds} s each run")
    print("| configuration | exports | searches | p50 ms | p95 ms | max ms | worker peak MB "
          "| all workers MB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
