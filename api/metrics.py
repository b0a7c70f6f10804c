"""Prometheus metrics at /metrics: requests and latencies per route, Elasticsearch failures, and
the progress of the last reindex.

Under gunicorn each worker is a process of its own: with PROMETHEUS_MULTIPROC_DIR set (by
deploy/gunicorn.conf.py) every worker writes its counts there and a scrape sums them all
(https://prometheus.github.io/client_python/multiprocess/). A reindex runs in the `dateline`
command, not here: the command writes its progress as a text file in the metrics directory
(search/cli/metrics.py), which this view appends, and which node_exporter's textfile collector
can read as well.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from flask import Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from search.config import metrics_dir

REQUESTS = Counter(
    "dateline_http_requests",
    "Requests answered, by route, method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "dateline_http_request_duration_seconds",
    "Time to answer (to the first byte of a streamed answer), by route.",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
ENGINE_ERRORS = Counter(
    "dateline_engine_errors", "Elasticsearch failures met while answering, by kind.", ["kind"]
)


def init_app(app: Flask) -> None:
    app.config.setdefault("METRICS_DIR", str(metrics_dir(os.environ)))
    app.before_request(_start)
    app.after_request(_observe)
    app.add_url_rule("/metrics", "metrics", _scrape)


def _start() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response: Response) -> Response:
    # The route's pattern, not the path: one series per route however many ids are asked for.
    route = request.url_rule.rule if request.url_rule else "unmatched"
    REQUESTS.labels(route, request.method, str(response.status_code)).inc()
    if "metrics_started" in g:
        LATENCY.labels(route).observe(time.perf_counter() - g.metrics_started)
    return response


def _scrape() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    body = generate_latest(registry)
    return Response(body + _commands_progress(), mimetype=CONTENT_TYPE_LATEST)


def _commands_progress() -> bytes:
    """What the commands wrote (`*.prom` in METRICS_DIR). A folder the web workers' account may
    not read (`dateline doctor` says so) leaves them out; the scrape still answers."""
    folder = Path(current_app.config["METRICS_DIR"])
    try:
        paths = sorted(folder.glob("*.prom"))
    except OSError as error:
        current_app.logger.warning("the commands' metrics in %s are unreadable: %s", folder, error)
        return b""
    body = b""
    for path in paths:
        try:
            body += path.read_bytes()
        except OSError:  # replaced while read: the next scrape has it
            continue
    return body
