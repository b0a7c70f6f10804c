"""Property tests generated from the OpenAPI spec: whatever a client sends, no 5xx and no
response that breaks the documented shape."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import schemathesis
from elasticsearch import Elasticsearch
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api import create_app
from search.index.archive import reindex
from tests.helpers import SAMPLE, drop_indices

pytestmark = pytest.mark.es


@pytest.fixture(scope="module")
def app(es: Elasticsearch) -> Iterator:
    alias = f"dateline-test-{uuid.uuid4().hex[:10]}"
    reindex(es, alias, [SAMPLE], workers=1)
    yield create_app({"INDEX": alias, "TESTING": True})
    drop_indices(es, alias)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


@schema.parametrize()
# Derandomized so that CI is repeatable; run with --hypothesis-seed to explore further.
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_honours_its_spec(case) -> None:
    # Some valid-looking requests are rightly refused with a 422 the spec cannot express: an
    # opaque cursor made up by the client, `from` later than `to`. Every other check holds:
    # no 5xx, answers as documented.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
