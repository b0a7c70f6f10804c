"""The API's latency and throughput against Elasticsearch answering the same requests directly.

    .venv/bin/python bench/api.py [--articles 50000] [--requests 240] [--keep]

1. Builds the corpus of `bench/reindex.py` (N recombined PolNeAR train articles) and indexes it
   with `dateline reindex` under its own alias (reused while it holds N articles; --keep keeps
   it at the end).
2. A fixed mix of API requests: words, a phrase, words + speaker, words + a date range, a quote
   search, an article view. Each is run once through the API's own code with a client that
   notes what it sends, so (a) replays exactly the bodies the API builds, one after another as
   the API sends them, straight to Elasticsearch over keep-alive HTTP, and (b) asks the API
   itself, served by gunicorn with deploy/gunicorn.conf.py.
3. Both at concurrency 1 and 16: p50, p95 and requests/s per side, and their ratios.
Goals (issue 10): API p50 at most 1.25x direct at concurrency 1; API throughput at least 0.8x
direct at 16.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from elasticsearch import Elasticsearch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reindex import REPO, build_corpus, reindex_command

from search.config import EsSettings
from search.index.indices import count_articles
from search.query import execute
from search.query.cursor import encode
from search.query.params import SearchParams
from search.schema import ARTICLE, QUOTE, Kind

ALIAS = "dateline-bench-api"
Call = tuple[str, str, bytes | None]  # method, path and query string, body
LEVELS = (1, 16)


def recording(es: Elasticsearch) -> list[Call]:
    """Note every request `es` sends from now on (the API's own code drives it)."""
    calls: list[Call] = []
    send = es.perform_request

    def perform(method: str, path: str, **kwargs: Any) -> Any:
        params, body = kwargs.get("params") or {}, kwargs.get("body")
        target = path + ("?" + urlencode(params) if params else "")
        calls.append((method, target, _encoded(body)))
        return send(method, path, **kwargs)

    es.perform_request = perform  # type: ignore[method-assign]
    return calls


def _encoded(body: Any) -> bytes | None:
    """As the client sends it: a multi-search's headers and bodies one a line (NDJSON)."""
    if body is None:
        return None
    if isinstance(body, list):
        return b"".join(json.dumps(line).encode() + b"\n" for line in body)
    return json.dumps(body).encode()


Request = tuple[str, str, Callable[[Elasticsearch], Any]]  # name, API path, the API's call


def searching(name: str, params: SearchParams, kind: Kind = ARTICLE, alias: str = ALIAS) -> Request:
    """A search as the API is asked it and as the API's own code runs it."""
    query: list[tuple[str, Any]] = [("q", params.q)] if params.q else []
    query += [(facet, value) for facet, values in params.filters.items() for value in values]
    query += [(k, v) for k, v in (("from", params.date_from), ("to", params.date_to)) if v]
    if params.sort != "relevance":
        query.append(("sort", params.sort))
    if params.size != 10:
        query.append(("size", params.size))
    if params.after is not None:
        query.append(("cursor", encode(kind, params, list(params.after))))
    path = f"/api/{'search' if kind == ARTICLE else 'quotes'}?{urlencode(query)}"
    return name, path, lambda c: execute.search(c, alias, params, kind)


def mix(es: Elasticsearch) -> list[Request]:
    """The requests measured, chosen from what the archive holds."""
    top = execute.search(es, ALIAS, SearchParams(q="campaign", size=1))
    speaker = top["facets"]["speaker"][0]["id"]
    article = top["hits"][0]["id"]
    october = SearchParams(q="debate", date_from=date(2016, 10, 1), date_to=date(2016, 10, 31))
    return [
        searching("words", SearchParams(q="campaign voters")),
        searching("phrase", SearchParams(q='"the campaign"')),
        searching("words+speaker", SearchParams(q="said", filters={"speaker": (speaker,)})),
        searching("words+dates", october),
        searching("quotes", SearchParams(q="economy"), QUOTE),
        (
            "article",
            f"/api/articles/{quote(article, safe='')}?q=campaign",
            lambda c: execute.article(c, ALIAS, article, "campaign"),
        ),
    ]


class Keepalive(threading.local):
    """One persistent HTTP connection per thread."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.headers = headers
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, target: str, body: bytes | None = None) -> int:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        kind = "application/x-ndjson" if body and body.endswith(b"\n") else "application/json"
        headers = {**self.headers, **({"Content-Type": kind} if body else {})}
        self.conn.request(method, target, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status


@contextmanager
def uncached(es: Elasticsearch, alias: str) -> Iterator[None]:
    """Every request computed in full while measuring: the shard request cache, which would
    answer a repeated search's counts from memory (to whichever side asked second), is off."""
    es.indices.put_settings(index=alias, settings={"index.requests.cache.enable": False})
    try:
        yield
    finally:
        es.indices.put_settings(index=alias, settings={"index.requests.cache.enable": None})


def _auth(settings: EsSettings) -> dict[str, str]:
    if settings.api_key:
        return {"Authorization": f"ApiKey {settings.api_key}"}
    if settings.username:
        token = f"{settings.username}:{settings.password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(token).decode()}
    return {}


def measure(run: Callable[[int], None], count: int, level: int) -> tuple[list[float], float]:
    """Latencies (ms) of `count` requests made by `level` threads, and requests per second."""
    latencies: list[float] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        began = time.perf_counter()
        run(n)
        with lock:
            latencies.append((time.perf_counter() - began) * 1000)

    began = time.perf_counter()
    with ThreadPoolExecutor(level) as pool:
        list(pool.map(one, range(count)))
    return latencies, count / (time.perf_counter() - began)


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_archive(es: Elasticsearch, articles: int) -> None:
    try:
        if count_articles(es, ALIAS) == articles:
            print(f"archive: reusing {ALIAS} ({articles} articles)")
            return
    except Exception:  # not built yet
        pass
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        build_corpus(corpus, articles)
        began = time.perf_counter()
        subprocess.run(
            reindex_command(corpus, "--allow-rejects", str(articles)),
            env={**os.environ, "DATELINE_INDEX": ALIAS},
            cwd=REPO,
            check=True,
        )
        print(f"archive: {articles} articles indexed in {time.perf_counter() - began:.0f}s")


def serve(port: int, alias: str = ALIAS) -> subprocess.Popen[bytes]:
    """The API under gunicorn as deploy/ runs it, on `port`, searching `alias`."""
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_BIND": f"127.0.0.1:{port}"}
    server = subprocess.Popen(
        [str(REPO / ".venv/bin/gunicorn"), "-c", "deploy/gunicorn.conf.py", "api:create_app()"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    client = Keepalive(f"http://127.0.0.1:{port}", {})
    for _ in range(120):
        try:
            if client.request("GET", "/api/health") == 200:
                return server
        except OSError:
            client.conn = None
        time.sleep(0.5)
    server.kill()
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(server: subprocess.Popen[bytes], es: Elasticsearch, drop: str | None) -> None:
    """Stop the API; delete the indices of the alias `drop`, if one is given."""
    os.killpg(server.pid, 15)
    server.wait(timeout=30)
    if drop:
        for index in es.indices.get_alias(name=drop):
            es.indices.delete(index=index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=240, help="per side and level")
    parser.add_argument("--keep", action="store_true", help="keep the bench archive")
    args = parser.parse_args()
    settings = EsSettings.from_env()
    es = settings.client()
    ensure_archive(es, args.articles)
    recorder = settings.client()
    calls = recording(recorder)
    requests: list[tuple[str, str, list[Call]]] = []
    for name, path, call in mix(recorder):
        calls.clear()
        call(recorder)
        requests.append((name, path, list(calls)))
        print(f"{name:14} {path}  ({len(calls)} Elasticsearch request(s))")
    direct = Keepalive(settings.hosts[0], _auth(settings))
    port = _free_port()
    server = serve(port)
    api = Keepalive(f"http://127.0.0.1:{port}", {})

    def via_engine(n: int) -> None:
        for method, target, body in requests[n % len(requests)][2]:
            if direct.request(method, target, body) >= 300:
                raise RuntimeError(f"Elasticsearch refused {target}")

    def via_api(n: int) -> None:
        path = requests[n % len(requests)][1]
        if api.request("GET", path) != 200:
            raise RuntimeError(f"the API failed {path}")

    try:
        with uncached(es, ALIAS):
            for side in (via_engine, via_api):  # warm both: caches, connections, workers
                measure(side, len(requests) * 5, 4)
            print(f"\n{'level':>5} {'side':>7} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}")
            for level in LEVELS:
                rows = {}
                for label, side in (("direct", via_engine), ("api", via_api)):
                    latencies, rate = measure(side, args.requests, level)
                    rows[label] = (_p(latencies, 50), _p(latencies, 95), rate)
                    p50, p95, rps = rows[label]
                    print(f"{level:>5} {label:>7} {p50:8.1f} {p95:8.1f} {rps:8.1f}")
                (d50, d95, drate), (a50, a95, arate) = rows["direct"], rows["api"]
                print(
                    f"{level:>5}   ratio  p50 {a50 / d50:.2f}x  p95 {a95 / d95:.2f}x  "
                    f"throughput {arate / drate:.2f}x"
                )
    finally:
        stop(server, es, None if args.keep else ALIAS)


if __name__ == "__main__":
    main()
