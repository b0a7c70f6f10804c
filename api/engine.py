"""The one way views reach Elasticsearch: the process's client and the alias searches go to.

Every call is bounded by the request's deadline (``REQUEST_DEADLINE`` seconds from the moment
the request arrived): each call may take only what is left, a timeout is not retried, and a
request with nothing left fails at once. On a cluster, a call whose node refuses or drops the
connection is tried on the next node with what is left (a node killed mid-search). So a stalled
engine costs a request at most its deadline, then a 503 with Retry-After (api/errors.py),
instead of the client's 30 s × 4 tries.
Each call carries the request's id as ``X-Opaque-Id``, so Elasticsearch's slow log and task list
name the request that asked (https://www.elastic.co/docs/reference/elasticsearch/rest-apis/api-conventions#x-opaque-id).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from functools import partial
from typing import Any

from elastic_transport import ApiResponse, ConnectionTimeout
from elastic_transport import ConnectionError as EsConnectionError
from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch
from flask import Flask, current_app, g, has_request_context

from search.config import EsSettings

_KEY = "dateline.es"
DEADLINE = 10.0  # seconds a request may spend on Elasticsearch in all
SEARCH_TIMEOUT = 2.0  # seconds: Elasticsearch's own bound on a search's query phase
# Connections to Elasticsearch a worker process keeps; a request beyond waits for one, within
# its deadline. gevent workers serve hundreds of requests at once (deploy/gunicorn.conf.py).
CONNECTIONS = 64
_SLOTS = "dateline.es.slots"


class DeadlineExceeded(ConnectionTimeout):
    """The request's time is up before Elasticsearch answered (handled as the engine failing)."""


class _Bounded(Elasticsearch):
    """A client that, inside a request, gives each call what is left of the deadline and tags
    it with the request's id; its searches carry Elasticsearch's own `timeout`, past which
    the shards stop collecting and answer with what they have (`timed_out: true`), so one
    costly query cannot keep the engine's search threads for long.
    https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-your-data#search-timeout

    Point-in-time pages are the exception: export streams them long after its view returned,
    so each page gets a whole deadline of its own, and no search timeout (a partial page would
    drop rows).
    """

    def perform_request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any | None = None,
        endpoint_id: str | None = None,
        path_parts: Mapping[str, Any] | None = None,
    ) -> ApiResponse[Any]:
        call = partial(Elasticsearch.perform_request, method=method, path=path, headers=headers)
        call = partial(call, endpoint_id=endpoint_id, path_parts=path_parts)
        if not has_request_context():
            return call(self, params=params, body=body)
        paging = endpoint_id == "close_point_in_time" or "pit" in (body or {})
        deadline = time.monotonic() + current_app.config["REQUEST_DEADLINE"] if paging else None
        # A free connection, waited for within the deadline (the pool itself would wait on).
        slots: threading.BoundedSemaphore = current_app.extensions[_SLOTS]
        if _left(deadline) < 0.05 or not slots.acquire(timeout=_left(deadline)):
            raise DeadlineExceeded("the request's deadline passed before Elasticsearch answered")
        try:
            # Once per node at most: the client sets aside a node whose connection failed, so
            # the next try goes to another one, with what is left of the deadline.
            tries = len(self.transport.node_pool)
            while True:
                try:
                    return self._once(call, endpoint_id, params, body, deadline, paging)
                except EsConnectionError:
                    tries -= 1
                    if not tries or _left(deadline) < 0.05:
                        raise
        finally:
            slots.release()

    def _once(
        self,
        call: partial[ApiResponse[Any]],
        endpoint_id: str | None,
        params: Mapping[str, Any] | None,
        body: Any | None,
        deadline: float | None,
        paging: bool,
    ) -> ApiResponse[Any]:
        left = max(_left(deadline), 0.01)
        if endpoint_id in ("search", "msearch") and not paging:
            bound = min(current_app.config["SEARCH_TIMEOUT"], left * 0.8)
            timeout = f"{max(int(bound * 1000), 1)}ms"
            if endpoint_id == "search":
                params = {"timeout": timeout, **(params or {})}
            else:  # headers and bodies in turn: each body gets its own
                body = [{"timeout": timeout, **b} if n % 2 else b for n, b in enumerate(body or [])]
        opaque = g.get("request_id") or DEFAULT
        # Elasticsearch's own method: the bounded copy is a _Bounded too, not to bound twice.
        return call(self.options(request_timeout=left, opaque_id=opaque), params=params, body=body)


def init_app(app: Flask, settings: EsSettings) -> None:
    """One client per process, shared by every request (thread-safe, pooled connections).
    The client itself retries nothing: a second try would need a second deadline, which
    `_Bounded` gives only when a node's connection failed."""
    app.config.setdefault("INDEX", settings.alias)
    app.config.setdefault(
        "REQUEST_DEADLINE", float(os.environ.get("DATELINE_REQUEST_DEADLINE", DEADLINE))
    )
    app.config.setdefault(
        "SEARCH_TIMEOUT", float(os.environ.get("DATELINE_SEARCH_TIMEOUT", SEARCH_TIMEOUT))
    )
    connections = app.config.setdefault("ENGINE_CONNECTIONS", CONNECTIONS)
    client = settings.client(_Bounded, connections=connections)
    app.extensions[_SLOTS] = threading.BoundedSemaphore(connections)
    app.extensions[_KEY] = client.options(retry_on_timeout=False, max_retries=0)
    app.before_request(_start_clock)


def _start_clock() -> None:
    g.deadline = time.monotonic() + current_app.config["REQUEST_DEADLINE"]


def _left(deadline: float | None = None) -> float:
    """Seconds left before `deadline`, by default the request's."""
    if deadline is None:
        deadline = g.get("deadline", time.monotonic() + current_app.config["REQUEST_DEADLINE"])
    return deadline - time.monotonic()


def es() -> Elasticsearch:
    """The client; inside a request, each call is bounded by what is left of its deadline."""
    client: Elasticsearch = current_app.extensions[_KEY]
    return client


def alias() -> str:
    name: str = current_app.config["INDEX"]
    return name
