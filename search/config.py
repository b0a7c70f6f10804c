"""Where the Elasticsearch cluster is and how to reach it, read from ``DATELINE_*`` variables.

Locally (no DATELINE_ES_URL) Dateline talks to the node deploy/elasticsearch.sh runs on
127.0.0.1, as the user that script made: its password is in a file beside the node, readable
only by whoever ran set-up, so every command works with no manual step. With DATELINE_ES_URL
set, every command uses that cluster instead, with an API key, or a user and password, and a
CA bundle as given; it may name several nodes, comma-separated, which the client takes in turn.
Secrets may come from files (``DATELINE_ES_PASSWORD_FILE``,
``DATELINE_ES_API_KEY_FILE``), as container and systemd secrets are handed over.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from elastic_transport import Transport
from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch

DEFAULT_ALIAS = "dateline-articles"
# Written by deploy/elasticsearch.sh (WRITER_FILE, READER_FILE): keep the names in step.
WRITER_FILE = "dateline.credentials"
READER_FILE = "dateline-reader.credentials"


class ConfigError(ValueError):
    """A setting that cannot be used as given."""


def index_patterns(env: Mapping[str, str]) -> list[str]:
    """The archive's indices and aliases, all the local node's users may touch
    (DATELINE_ES_INDEX_PATTERNS, comma-separated; deploy/elasticsearch.sh writes the roles)."""
    given = env.get("DATELINE_ES_INDEX_PATTERNS") or "dateline-*"
    return [p.strip() for p in given.split(",") if p.strip()]


def metrics_dir(env: Mapping[str, str]) -> Path:
    """Where commands leave their progress for /metrics, as Prometheus text files:
    DATELINE_METRICS_DIR, else `metrics` beside the local node's home."""
    return Path(env.get("DATELINE_METRICS_DIR") or local_home(env).parent / "metrics")


def archive_dir(env: Mapping[str, str], alias: str) -> Path:
    """Where the archive store of `alias` keeps every input it accepted (search/store):
    DATELINE_ARCHIVE_DIR/<alias>, by default `archive/<alias>` beside the local node's home."""
    base = env.get("DATELINE_ARCHIVE_DIR") or local_home(env).parent / "archive"
    return Path(base) / alias


def backup_dir(env: Mapping[str, str]) -> Path:
    """Where backups go: DATELINE_BACKUP_DIR, by default `backups` beside the local node's home.
    deploy/elasticsearch.sh gives the local node this folder as its `path.repo`: Elasticsearch's
    snapshots go to `elasticsearch/` inside it, copies of the archive store to `archive/`."""
    return Path(env.get("DATELINE_BACKUP_DIR") or local_home(env).parent / "backups")


def local_home(env: Mapping[str, str]) -> Path:
    """Where deploy/elasticsearch.sh keeps the local node (its DATELINE_ES_HOME default)."""
    if env.get("DATELINE_ES_HOME"):
        return Path(env["DATELINE_ES_HOME"])
    if os.geteuid() == 0:
        return Path("/var/lib/dateline/elasticsearch")
    data = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "dateline" / "elasticsearch"


def read_credentials(path: Path) -> dict[str, str]:
    """A credentials file of ``KEY=value`` lines, as deploy/elasticsearch.sh writes it."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.startswith("#"):
            values[key.strip()] = value.strip()
    return values


def _secret(env: Mapping[str, str], name: str) -> str | None:
    """`name`'s value, or the content of the file `name`_FILE names (trailing newline dropped)."""
    if env.get(name):
        return env[name]
    path = env.get(f"{name}_FILE")
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip() or None
    except OSError as error:
        raise ConfigError(f"{name}_FILE: cannot read {path}: {error.strerror}") from None


@dataclass(frozen=True)
class EsSettings:
    url: str
    api_key: str | None = None
    username: str | None = None
    password: str | None = None
    ca_certs: str | None = None
    verify_certs: bool = True
    timeout: float = 30.0
    alias: str = DEFAULT_ALIAS
    credentials: str = "none"  # where the credentials came from, for `dateline doctor`

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, reader: bool = False) -> EsSettings:
        """Settings from the environment. With no URL and no credentials given, the local
        node's: its `dateline` user, or with `reader` its read-only `dateline_reader` (what
        the web API needs)."""
        env = os.environ if env is None else env
        port = env.get("DATELINE_ES_PORT", "9200")
        api_key = _secret(env, "DATELINE_ES_API_KEY")
        username = env.get("DATELINE_ES_USERNAME") or None
        password = _secret(env, "DATELINE_ES_PASSWORD")
        credentials = "environment" if api_key or username else "none"
        local = local_home(env) / (READER_FILE if reader else WRITER_FILE)
        if not (api_key or username or env.get("DATELINE_ES_URL")) and os.access(local, os.R_OK):
            given = read_credentials(local)
            username = given.get("DATELINE_ES_USERNAME")
            password = given.get("DATELINE_ES_PASSWORD")
            credentials = str(local)
        return cls(
            url=env.get("DATELINE_ES_URL") or f"http://127.0.0.1:{port}",
            api_key=api_key,
            username=username,
            password=password,
            ca_certs=env.get("DATELINE_ES_CA_CERTS") or None,
            verify_certs=env.get("DATELINE_ES_VERIFY_CERTS", "true").lower()
            not in {"0", "false", "no"},
            timeout=float(env.get("DATELINE_ES_TIMEOUT", "30")),
            alias=env.get("DATELINE_INDEX") or DEFAULT_ALIAS,
            credentials=credentials,
        )

    @property
    def hosts(self) -> list[str]:
        """The nodes requests go to: DATELINE_ES_URL may name several, comma-separated."""
        return [host.strip() for host in self.url.split(",") if host.strip()]

    def environment(self) -> dict[str, str]:
        """These settings as DATELINE_ES_* variables, for a child process (a relay's URL, say)."""
        values = {
            "DATELINE_ES_URL": self.url,
            "DATELINE_ES_API_KEY": self.api_key,
            "DATELINE_ES_USERNAME": self.username,
            "DATELINE_ES_PASSWORD": self.password,
            "DATELINE_ES_CA_CERTS": self.ca_certs,
        }
        return {key: value for key, value in values.items() if value}

    def client(
        self, connections: int = 10, transport_class: type[Transport] = Transport
    ) -> Elasticsearch:
        """A client with timeouts and retries; build one per process and reuse it. It keeps up
        to `connections` open per node, and a call waits for a free one when all are busy.

        With several nodes it takes them in turn; a node that refuses or drops a connection
        (or, with `retry_on_timeout`, does not answer in time) is set aside, for 1 s doubling
        up to 30 s, and the request is retried on the next one (up to `max_retries` times).
        https://elastic-transport-python.readthedocs.io/en/latest/node.html#node-pool
        """
        https = any(host.startswith("https") for host in self.hosts)
        return Elasticsearch(
            self.hosts,
            api_key=self.api_key,
            basic_auth=(self.username, self.password or "")
            if self.username and not self.api_key
            else None,
            ca_certs=self.ca_certs or DEFAULT,
            verify_certs=self.verify_certs if https else True,
            request_timeout=self.timeout,
            retry_on_timeout=True,
            max_retries=3,
            connections_per_node=connections,
            transport_class=transport_class,
        )
