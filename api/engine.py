"""The one way views reach Elasticsearch: the process's client and the alias searches go to."""

from __future__ import annotations

from elasticsearch import Elasticsearch
from flask import Flask, current_app

from search.config import EsSettings

_KEY = "dateline.es"


def init_app(app: Flask, settings: EsSettings) -> None:
    """One client per process, shared by every request (thread-safe, pooled connections)."""
    app.config.setdefault("INDEX", settings.alias)
    app.extensions[_KEY] = settings.client()


def es() -> Elasticsearch:
    client: Elasticsearch = current_app.extensions[_KEY]
    return client


def alias() -> str:
    name: str = current_app.config["INDEX"]
    return name
