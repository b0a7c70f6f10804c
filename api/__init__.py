"""The Flask application: a JSON API under /api and a search page at /."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from search.config import EsSettings

DEFAULTS: dict[str, Any] = {
    "API_TITLE": "Dateline",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "JSON_SORT_KEYS": False,
}


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Defaults, then the DATELINE_* environment (through `EsSettings`), then `config`.

    Tests pass `INDEX` (the alias to search) and `ES_SETTINGS` of their own.
    """
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    from api import (
        articles,
        docs,
        engine,
        errors,
        export,
        health,
        logs,
        metrics,
        pages,
        search,
        security,
        speakers,
    )

    # The web API reads: on the local node it logs in as the read-only user.
    engine.init_app(app, app.config.get("ES_SETTINGS") or EsSettings.from_env(reader=True))
    for module in (logs, metrics, security):
        module.init_app(app)

    api = errors.DatelineApi(
        app, spec_kwargs={"info": {"description": "Search news by words, speaker, place and date."}}
    )
    for module in (search, articles, speakers, export, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(docs.bp)
    errors.register(app)
    return app
