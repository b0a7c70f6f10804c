"""Absolute links (feeds, CSV permalinks, shared cards, OpenSearch) from the configured public
address, never the request's Host header: `Host: evil.example` must not put every feed link
there, and behind a TLS terminator the scheme is https though the request reached us over
http."""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import Flask, current_app

from search.config import ConfigError


def public_url(env: Mapping[str, str]) -> str:
    """DATELINE_PUBLIC_URL (scheme and host, maybe a path), else where deploy/serve.sh listens."""
    given = (
        env.get("DATELINE_PUBLIC_URL") or f"http://{env.get('DATELINE_BIND') or '127.0.0.1:8000'}"
    )
    parts = urlsplit(given)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(f"DATELINE_PUBLIC_URL must be http(s)://host[:port][/path]: {given!r}")
    return given.rstrip("/")


def init_app(app: Flask) -> None:
    app.config.setdefault("PUBLIC_URL", public_url(os.environ))


def absolute(path: str) -> str:
    """`path` (from the site's root, with its query) on the public address."""
    base: str = current_app.config["PUBLIC_URL"]
    return base + "/" + path.lstrip("/")
