"""The local cluster the fault tests break: started and restarted through
`deploy/elasticsearch.sh … --nodes 3`, its nodes killed or stopped by process id, and searches
kept running against it meanwhile, counting every one that fails."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psutil
from elasticsearch import ApiError, TransportError

from api import create_app
from search.config import EsSettings
from search.query import execute
from tests.support.helpers import REPO

NODES = 3
SCRIPT = REPO / "deploy" / "elasticsearch.sh"
QUERIES = ("strike", "port workers", "flood", "mayor", "tram line", "library")


def script(command: str) -> subprocess.CompletedProcess[str]:
    """`deploy/elasticsearch.sh COMMAND --nodes 3`: the local cluster, whatever DATELINE_ES_URL
    says."""
    env = {key: value for key, value in os.environ.items() if key != "DATELINE_ES_URL"}
    return subprocess.run(
        ["bash", str(SCRIPT), command, "--nodes", str(NODES)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )


def new_alias() -> str:
    return f"dateline-test-{uuid.uuid4().hex[:10]}"


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} after {seconds:.0f}s")
        time.sleep(0.2)


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


class Cluster:
    def __init__(self, settings: EsSettings, backups: Path) -> None:
        self.settings = settings
        self.es = settings.client()
        self.backups = backups  # its own backup folder (DATELINE_BACKUP_DIR), as `env` gives it

    def pids(self) -> dict[str, int]:
        """Each node's name and process id, as the nodes tell."""
        nodes = self.es.nodes.info(metric="process")["nodes"].values()
        return {node["name"]: node["process"]["id"] for node in nodes}

    def stop_node(self, name: str, how: signal.Signals) -> None:
        """Signal one node (SIGKILL: a crash, SIGTERM: a graceful stop); wait until it is gone."""
        pid = self.pids()[name]
        os.kill(pid, how)
        wait_until(lambda: _gone(pid), 120, f"{name} (pid {pid}) still runs")

    def start_missing(self) -> None:
        """Start the nodes that are not running, through the script, then wait for green."""
        run = script("start")
        assert run.returncode == 0, run.stderr
        self.wait_green()

    def wait_green(self) -> None:
        health = self.es.options(request_timeout=330).cluster.health(
            wait_for_status="green", wait_for_nodes=str(NODES), timeout="300s"
        )
        assert not health["timed_out"], health


class SearchLoad:
    """Threads that search until the block ends: through the API (any answer but 200 fails),
    and through the read path's own request (an error, or an answer with failed shards, fails:
    the API would have shown it as if whole)."""

    def __init__(self, cluster: Cluster, alias: str, threads: int = 2) -> None:
        self.alias = alias
        self.app = create_app({"INDEX": alias, "ES_SETTINGS": cluster.settings, "TESTING": True})
        self.es = cluster.settings.client()
        self.searches = 0
        self.failures: list[str] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        workers = [self._through_api, self._through_client] * threads
        self._threads = [threading.Thread(target=work) for work in workers]

    def __enter__(self) -> SearchLoad:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def _count(self, failure: str | None) -> None:
        with self._lock:
            self.searches += 1
            if failure:
                self.failures.append(failure)

    def _queries(self) -> itertools.cycle[str]:
        return itertools.cycle(QUERIES)

    def _through_api(self) -> None:
        client = self.app.test_client()
        for query in self._queries():
            if self._done.wait(0.05):  # a pause: the machine has two cores to share
                return
            response = client.get("/api/search", query_string={"q": query})
            failed = response.status_code != 200
            self._count(f"API {response.status_code}: {response.text[:300]}" if failed else None)

    def _through_client(self) -> None:
        for n, query in enumerate(self._queries()):
            if self._done.wait(0.05):
                return
            body = {"query": {"match": {"body": query}}}
            try:
                answer = execute._search(self.es, self.alias, body, preference=f"load-{n % 5}")
            except (ApiError, TransportError) as error:
                self._count(repr(error)[:300])
                continue
            shards = answer["_shards"]
            self._count(f"shards failed: {shards}" if shards["failed"] else None)
