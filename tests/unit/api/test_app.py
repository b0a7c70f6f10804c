"""The app factory, its settings and its OpenAPI document, without a node."""

from flask.testing import FlaskClient

from api import create_app
from search.config import DEFAULT_ALIAS, EsSettings


def test_factory_reads_environment_then_explicit_config(monkeypatch) -> None:
    monkeypatch.setenv("DATELINE_INDEX", "from-env")
    assert create_app().config["INDEX"] == "from-env"
    assert create_app({"INDEX": "explicit"}).config["INDEX"] == "explicit"
    monkeypatch.delenv("DATELINE_INDEX")
    assert create_app().config["INDEX"] == DEFAULT_ALIAS


def test_openapi_spec_describes_the_search() -> None:
    spec = create_app().test_client().get("/api/openapi.json").get_json()
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "speaker", "location", "place", "agency", "from", "to", "page", "size"} <= params


def test_settings_from_environment() -> None:
    settings = EsSettings.from_env(
        {
            "DATELINE_ES_URL": "https://es.example:9243",
            "DATELINE_ES_API_KEY": "k",
            "DATELINE_ES_CA_CERTS": "/etc/ca.pem",
            "DATELINE_INDEX": "news",
        }
    )
    assert (settings.url, settings.api_key, settings.ca_certs, settings.alias) == (
        "https://es.example:9243",
        "k",
        "/etc/ca.pem",
        "news",
    )
    assert EsSettings.from_env({"DATELINE_ES_PORT": "9201"}).url == "http://127.0.0.1:9201"


def test_the_docs_page_lists_every_endpoint_with_examples() -> None:
    client = create_app().test_client()
    spec = client.get("/api/openapi.json").get_json()
    page = client.get("/api/docs").get_data(as_text=True)
    for path, item in spec["paths"].items():
        for method in item.keys() - {"parameters"}:
            assert f"{method.upper()} {path}" in page
    for path in ("/api/search", "/api/quotes", "/api/speakers", "/api/speakers/{person_id}"):
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        assert content["application/json"]["example"], path
    assert "&lt;mark&gt;strike&lt;/mark&gt;" in page  # examples are shown, escaped


def test_an_engine_that_is_down_is_a_503_with_retry_after(down: FlaskClient) -> None:
    """A 503 envelope, not a traceback."""
    for url in ("/api/search?q=x", "/api/quotes", "/api/speakers", "/api/articles/x"):
        response = down.get(url)
        assert response.status_code == 503, url
        assert response.headers["Retry-After"] and response.get_json()["code"] == 503
