"""Where the Elasticsearch cluster is and how to reach it, read from ``DATELINE_*`` variables.

Locally (no DATELINE_ES_URL) Dateline talks to the node deploy/elasticsearch.sh runs on
127.0.0.1. With DATELINE_ES_URL set, every command uses that cluster instead, with an API key,
a user and password, and a CA bundle as given.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch

DEFAULT_ALIAS = "dateline-articles"


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

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EsSettings:
        env = os.environ if env is None else env
        port = env.get("DATELINE_ES_PORT", "9200")
        return cls(
            url=env.get("DATELINE_ES_URL") or f"http://127.0.0.1:{port}",
            api_key=env.get("DATELINE_ES_API_KEY") or None,
            username=env.get("DATELINE_ES_USERNAME") or None,
            password=env.get("DATELINE_ES_PASSWORD") or None,
            ca_certs=env.get("DATELINE_ES_CA_CERTS") or None,
            verify_certs=env.get("DATELINE_ES_VERIFY_CERTS", "true").lower()
            not in {"0", "false", "no"},
            timeout=float(env.get("DATELINE_ES_TIMEOUT", "30")),
            alias=env.get("DATELINE_INDEX") or DEFAULT_ALIAS,
        )

    def client(self) -> Elasticsearch:
        """A client with timeouts and retries; build one per process and reuse it."""
        https = self.url.startswith("https")
        return Elasticsearch(
            self.url,
            api_key=self.api_key,
            basic_auth=(self.username, self.password or "")
            if self.username and not self.api_key
            else None,
            ca_certs=self.ca_certs or DEFAULT,
            verify_certs=self.verify_certs if https else True,
            request_timeout=self.timeout,
            retry_on_timeout=True,
            max_retries=3,
        )
