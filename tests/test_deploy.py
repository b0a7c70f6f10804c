"""The local node script: another cluster means nothing is started; the local node answers."""

from __future__ import annotations

import os
import subprocess

import pytest

from search.index.mapping import detect_stemmer
from tests.helpers import REPO

SCRIPT = REPO / "deploy" / "elasticsearch.sh"


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
        timeout=120,
    )


def test_an_external_cluster_is_used_as_it_is(tmp_path) -> None:
    home = tmp_path / "es-home"
    run = _run("start", DATELINE_ES_URL="https://es.example:9243", DATELINE_ES_HOME=str(home))
    assert run.returncode == 0, run.stderr
    assert "using that cluster, nothing to start" in run.stderr
    assert not home.exists()  # nothing downloaded, unpacked or configured
    stop = _run("stop", DATELINE_ES_URL="https://es.example:9243")
    assert stop.returncode == 0 and "not stopping" in stop.stderr


def test_unknown_command_is_refused() -> None:
    run = _run("restart-everything")
    assert run.returncode == 2 and "usage" in run.stderr


@pytest.mark.es
def test_the_local_node_is_reused_when_it_answers(es) -> None:
    if os.environ.get("DATELINE_ES_URL"):
        pytest.skip("DATELINE_ES_URL points at another cluster; there is no local node")
    run = _run("start")
    assert run.returncode == 0 and "reusing the node" in run.stderr
    assert "answering" in _run("status").stderr


@pytest.mark.es
def test_the_local_node_stems_with_the_installed_dictionary(es) -> None:
    if os.environ.get("DATELINE_ES_URL"):
        pytest.skip("DATELINE_ES_URL points at another cluster; its analysis may differ")
    assert detect_stemmer(es) == "hunspell"
