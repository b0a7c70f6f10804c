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


def test_the_cluster_environment_names_every_node(tmp_path) -> None:
    (tmp_path / "dateline.credentials").write_text(
        "DATELINE_ES_USERNAME=dateline\nDATELINE_ES_PASSWORD=pw\n"
    )
    home = {"DATELINE_ES_HOME": str(tmp_path), "DATELINE_ES_URL": "", "DATELINE_ES_PORT": ""}
    run = _run("env", "--nodes", "3", DATELINE_CLUSTER_PORT="9401", **home)
    nodes = "http://127.0.0.1:9401,http://127.0.0.1:9402,http://127.0.0.1:9403"
    assert run.stdout.splitlines() == [
        f"export DATELINE_ES_URL={nodes}",
        "export DATELINE_ES_USERNAME=dateline",
        "export DATELINE_ES_PASSWORD=pw",
    ]
    assert _run("env", **home).stdout.startswith("export DATELINE_ES_URL=http://127.0.0.1:9200\n")
    for wrong in (["--nodes"], ["--nodes", "0"], ["--nodes", "three"], ["--node", "3"]):
        assert _run("env", *wrong, **home).returncode == 2
