"""Where Dateline finds its cluster's credentials: the environment, files named by it, or the
local node's credentials files, which set-up writes and only their owner may read."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.config import READER_FILE, WRITER_FILE, ConfigError, EsSettings, metrics_dir


def _node_home(tmp_path: Path) -> Path:
    home = tmp_path / "es"
    home.mkdir()
    (home / WRITER_FILE).write_text(
        "# note\nDATELINE_ES_USERNAME=dateline\nDATELINE_ES_PASSWORD=w1\n"
    )
    (home / READER_FILE).write_text(
        "DATELINE_ES_USERNAME=dateline_reader\nDATELINE_ES_PASSWORD=r1\n"
    )
    return home


def test_the_local_node_credentials_are_used_with_nothing_set(tmp_path: Path) -> None:
    env = {"DATELINE_ES_HOME": str(_node_home(tmp_path)), "DATELINE_ES_PORT": "9250"}
    writer = EsSettings.from_env(env)
    assert (writer.url, writer.username, writer.password) == (
        "http://127.0.0.1:9250",
        "dateline",
        "w1",
    )
    assert writer.credentials.endswith(WRITER_FILE)
    reader = EsSettings.from_env(env, reader=True)
    assert (reader.username, reader.password) == ("dateline_reader", "r1")


def test_given_credentials_or_another_cluster_win_over_the_local_files(tmp_path: Path) -> None:
    home = str(_node_home(tmp_path))
    given = EsSettings.from_env({"DATELINE_ES_HOME": home, "DATELINE_ES_USERNAME": "me"})
    assert (given.username, given.password, given.credentials) == ("me", None, "environment")
    remote = EsSettings.from_env({"DATELINE_ES_HOME": home, "DATELINE_ES_URL": "https://es:9243"})
    assert (remote.username, remote.credentials) == (None, "none")
    absent = EsSettings.from_env({"DATELINE_ES_HOME": str(tmp_path / "none")})
    assert absent.username is None


def test_secrets_may_come_from_files(tmp_path: Path) -> None:
    (tmp_path / "password").write_text("s3cret\n")
    (tmp_path / "key").write_text("a2V5\n")
    env = {
        "DATELINE_ES_URL": "https://es:9243",
        "DATELINE_ES_USERNAME": "svc",
        "DATELINE_ES_PASSWORD_FILE": str(tmp_path / "password"),
        "DATELINE_ES_API_KEY_FILE": str(tmp_path / "key"),
    }
    settings = EsSettings.from_env(env)
    assert (settings.password, settings.api_key) == ("s3cret", "a2V5")
    assert EsSettings.from_env({**env, "DATELINE_ES_PASSWORD": "direct"}).password == "direct"
    with pytest.raises(ConfigError, match="DATELINE_ES_PASSWORD_FILE"):
        EsSettings.from_env({**env, "DATELINE_ES_PASSWORD_FILE": str(tmp_path / "missing")})


def test_settings_pass_to_a_child_process_as_variables() -> None:
    settings = EsSettings(url="http://127.0.0.1:1", username="u", password="p")
    assert settings.environment() == {
        "DATELINE_ES_URL": "http://127.0.0.1:1",
        "DATELINE_ES_USERNAME": "u",
        "DATELINE_ES_PASSWORD": "p",
    }


def test_metrics_live_beside_the_node_unless_told(tmp_path: Path) -> None:
    assert metrics_dir({"DATELINE_ES_HOME": str(tmp_path / "es")}) == tmp_path / "metrics"
    assert metrics_dir({"DATELINE_METRICS_DIR": "/m"}) == Path("/m")


def test_several_nodes_are_one_comma_separated_url() -> None:
    settings = EsSettings.from_env({"DATELINE_ES_URL": "https://a:9243, https://b:9243,"})
    assert settings.hosts == ["https://a:9243", "https://b:9243"]
    assert sorted(node.host for node in settings.client().transport.node_pool.all()) == ["a", "b"]
