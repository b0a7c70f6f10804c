"""The app with no Elasticsearch behind it: what the API and the pages answer then."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from api import create_app
from search.config import EsSettings


@pytest.fixture(scope="session")
def down() -> FlaskClient:
    """A client of the app whose engine is a closed port."""
    settings = EsSettings(url="http://127.0.0.1:9", timeout=1)
    return create_app({"ES_SETTINGS": settings, "INDEX": "dateline-test-none"}).test_client()
