"""The Flask application: a JSON API under /api and a search page at /."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from markupsafe import Markup

from search import signing
from search.config import EsSettings
from search.xmltext import xml_safe

DEFAULTS: dict[str, Any] = {
    "API_TITLE": "Dateline",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "JSON_SORT_KEYS": False,
}


def _printable(value: Any) -> Any:
    if isinstance(value, Markup):
        return Markup(xml_safe(str(value)))
    return xml_safe(value) if isinstance(value, str) else value


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Defaults, then the DATELINE_* environment (through `EsSettings`), then `config`.

    Tests pass `INDEX` (the alias to search) and `ES_SETTINGS` of their own.
    """
    app = Flask(__name__)
    # `/api//health` is a 404 in the envelope, not werkzeug's HTML redirect (built on the Host).
    app.url_map.merge_slashes = False
    # Every value a page prints loses the characters XML forbids (search/xmltext.py).
    app.jinja_options = {**app.jinja_options, "finalize": _printable}
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)
    from api import (
        articles,
        compare,
        docs,
        engine,
        errors,
        export,
        health,
        links,
        logs,
        metrics,
        pages,
        search,
        security,
        speakers,
    )

    signing.key()  # no secret, no start (ConfigError says how to make one), not a 500 per cursor
    # The web API reads: on the local node it logs in as the read-only user.
    engine.init_app(app, app.config.get("ES_SETTINGS") or EsSettings.from_env(reader=True))
    for module in (links, logs, metrics, security):
        module.init_app(app)

    api = errors.DatelineApi(
        app, spec_kwargs={"info": {"description": "Search news by words, speaker, place and date."}}
    )
    for module in (search, articles, speakers, compare, export, health):
        api.register_blueprint(module.blp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(docs.bp)
    errors.register(app)
    return app
