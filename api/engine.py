"""The one way views reach Elasticsearch: the process's client and the alias searches go to.

Every call is bounded by the request's deadline (``REQUEST_DEADLINE`` seconds from the moment
the request arrived): each call may take only what is left, a timeout is not retried, and a
request with nothing left fails at once. On a cluster, a call whose node refuses or drops the
connection is tried on the next node with what is left (a node killed mid-search). So a stalled
engine costs a request at most its deadline, then a 503 with Retry-After (api/errors.py),
instead of the client's 30 s × 4 tries.
Each call carries the request's id as ``X-Opaque-Id``, so Elasticsearch's slow log and task list
name the request that asked (https://www.elastic.co/docs/reference/elasticsearch/rest-apis/api-conventions#x-opaque-id).

The bound is enforced by a transport of our own, handed to the client through its documented
``transport_class`` argument, using only `Transport.perform_request`'s documented parameters
(``request_timeout``, ``max_retries``, ``retry_on_timeout``): nothing of the client's private
internals, so a new client release cannot silently drop the deadline.
https://elastic-transport-python.readthedocs.io/en/latest/transport.html
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from elastic_transport import ConnectionError as EsConnectionError
from elastic_transport import ConnectionTimeout, NodeConfig, Transport, TransportApiResponse
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
_LEAST = 0.05  # seconds: with less left, a call is not worth starting


class DeadlineExceeded(ConnectionTimeout):
    """The request's time is up before Elasticsearch answered (handled as the engine failing)."""


def _searches(method: str, target: str) -> str | None:
    """ "search" or "msearch" for a search request of the REST API, else None."""
    path = target.split("?", 1)[0]
    if method in ("GET", "POST") and path.endswith("/_search"):
        return "search"
    if method in ("GET", "POST") and path.endswith("/_msearch"):
        return "msearch"
    return None


def _paging(target: str, body: Any) -> bool:
    """A point-in-time call: export streams those long after its view returned, so each page
    gets a whole deadline of its own and no search timeout (a partial page would drop rows)."""
    return "/_pit" in target or (isinstance(body, dict) and "pit" in body)


def _with_search_timeout(kind: str, body: Any, timeout: str) -> Any:
    """Elasticsearch's own `timeout` in a search body (each body of a multi-search), past which
    the shards stop collecting and answer with what they have (`timed_out: true`).
    https://www.elastic.co/docs/reference/elasticsearch/rest-apis/search-your-data#search-timeout
    """
    if kind == "search":
        return {"timeout": timeout, **(body or {})}
    # A multi-search is header, body, header, body…: each body gets its own.
    return [{"timeout": timeout, **b} if n % 2 else b for n, b in enumerate(body or [])]


class DeadlineTransport(Transport):
    """A transport that, inside a request, gives each call what is left of the request's
    deadline, retries nothing that timed out, and moves on to the next node only when a node
    refused or dropped the connection and time is left."""

    def __init__(self, node_configs: list[NodeConfig], **kwargs: Any) -> None:
        super().__init__(node_configs, **kwargs)
        # The nodes a refused connection may move on to: each is tried once at most.
        self.nodes = max(1, len(node_configs))

    def perform_request(
        self, method: str, target: str, *, body: Any | None = None, **options: Any
    ) -> TransportApiResponse:
        if not has_request_context():
            return super().perform_request(method, target, body=body, **options)
        paging = _paging(target, body)
        deadline = time.monotonic() + current_app.config["REQUEST_DEADLINE"] if paging else None
        # A free connection, waited for within the deadline (the pool itself would wait on).
        slots: threading.BoundedSemaphore = current_app.extensions[_SLOTS]
        if _left(deadline) < _LEAST or not slots.acquire(timeout=_left(deadline)):
            raise DeadlineExceeded("the request's deadline passed before Elasticsearch answered")
        try:
            kind = _searches(method, target)
            for attempt in range(self.nodes):
                left = max(_left(deadline), 0.01)
                if kind and not paging:
                    bound = min(current_app.config["SEARCH_TIMEOUT"], left * 0.8)
                    timeout = f"{max(int(bound * 1000), 1)}ms"
                    call_body = _with_search_timeout(kind, body, timeout)
                else:
                    call_body = body
                try:
                    bounded = {**options, "request_timeout": left}
                    bounded.update(max_retries=0, retry_on_timeout=False)
                    return super().perform_request(method, target, body=call_body, **bounded)
                except EsConnectionError:
                    # The transport sets a failed node aside, so the next try goes elsewhere.
                    if attempt + 1 == self.nodes or _left(deadline) < _LEAST:
                        raise
            raise AssertionError("unreachable")  # the loop returns or raises
        finally:
            slots.release()


def init_app(app: Flask, settings: EsSettings) -> None:
    """One client per process, shared by every request (thread-safe, pooled connections)."""
    app.config.setdefault("INDEX", settings.alias)
    app.config.setdefault(
        "REQUEST_DEADLINE", float(os.environ.get("DATELINE_REQUEST_DEADLINE", DEADLINE))
    )
    app.config.setdefault(
        "SEARCH_TIMEOUT", float(os.environ.get("DATELINE_SEARCH_TIMEOUT", SEARCH_TIMEOUT))
    )
    connections = app.config.setdefault("ENGINE_CONNECTIONS", CONNECTIONS)
    app.extensions[_SLOTS] = threading.BoundedSemaphore(connections)
    client = settings.client(connections, transport_class=DeadlineTransport)
    # Retries are the transport's to give, within the deadline; none outside a request either.
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
    """The client; inside a request, each call is bounded by what is left of its deadline and
    carries the request's id."""
    client: Elasticsearch = current_app.extensions[_KEY]
    if has_request_context() and g.get("request_id"):
        return client.options(opaque_id=g.request_id)
    return client


def alias() -> str:
    name: str = current_app.config["INDEX"]
    return name
