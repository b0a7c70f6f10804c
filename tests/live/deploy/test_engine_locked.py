"""The local engine is locked: no request without credentials, its secrets and data private,
and the web API's user able to read only."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import urllib.error
import urllib.request

import pytest
from elasticsearch import AuthorizationException, Elasticsearch

from search.config import READER_FILE, WRITER_FILE, EsSettings, local_home
from tests.support.helpers import REPO


@pytest.fixture(autouse=True)
def _local_node_only() -> None:
    if os.environ.get("DATELINE_ES_URL"):
        pytest.skip("DATELINE_ES_URL points at another cluster; its locks are its own")


def test_a_request_without_credentials_is_refused(es: Elasticsearch) -> None:
    request = urllib.request.Request(f"{EsSettings.from_env().url}/dateline-anyone", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    refused.value.close()
    assert refused.value.code == 401


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root")
def test_another_local_user_can_neither_write_nor_read_the_secrets(es: Elasticsearch) -> None:
    def as_nobody(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["runuser", "-u", "nobody", "--", *command],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )

    put = as_nobody("curl", "-s", "-XPUT", f"{EsSettings.from_env().url}/x")
    assert '"status":401' in put.stdout
    home = local_home(os.environ)
    for path in (home / WRITER_FILE, home / READER_FILE, home / "data"):
        assert as_nobody("cat" if path.is_file() else "ls", str(path)).returncode != 0, path


def test_secrets_and_data_are_private(es: Elasticsearch) -> None:
    home = local_home(os.environ)
    for name in (WRITER_FILE, READER_FILE):
        info = (home / name).stat()
        assert stat.S_IMODE(info.st_mode) == 0o600 and info.st_uid == os.geteuid()
    assert stat.S_IMODE((home / "data").stat().st_mode) == 0o700


def test_the_web_api_user_reads_and_cannot_write(es: Elasticsearch, alias: str) -> None:
    reader = EsSettings.from_env(reader=True).client()
    assert reader.security.authenticate()["roles"] == ["dateline_reader"]
    with pytest.raises(AuthorizationException):
        reader.indices.create(index=f"{alias}-by-reader")


def test_the_credentials_can_be_handed_to_tools_that_read_the_environment() -> None:
    script = 'eval "$(bash deploy/elasticsearch.sh env)"; env | grep ^DATELINE_ES_ | sort'
    run = subprocess.run(
        ["bash", "-c", script], cwd=REPO, capture_output=True, text=True, check=True, timeout=30
    )
    given = dict(line.split("=", 1) for line in run.stdout.splitlines())
    settings = EsSettings.from_env(given)
    assert settings.credentials == "environment" and settings.username == "dateline"
    assert settings.client().security.authenticate()["username"] == "dateline"
