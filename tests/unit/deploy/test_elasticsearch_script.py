"""deploy/elasticsearch.sh without a node: another cluster means nothing is started, a wrong
command is refused, and the environment it prints names every node and the cluster's backups
(the local node itself: tests/live/deploy/test_local_node.py)."""

from __future__ import annotations

from tests.support.helpers import elasticsearch_sh


def test_an_external_cluster_is_used_as_it_is(tmp_path) -> None:
    home = tmp_path / "es-home"
    run = elasticsearch_sh(
        "start", DATELINE_ES_URL="https://es.example:9243", DATELINE_ES_HOME=str(home)
    )
    assert run.returncode == 0, run.stderr
    assert "using that cluster, nothing to start" in run.stderr
    assert not home.exists()  # nothing downloaded, unpacked or configured
    stop = elasticsearch_sh("stop", DATELINE_ES_URL="https://es.example:9243")
    assert stop.returncode == 0 and "not stopping" in stop.stderr


def test_unknown_command_is_refused() -> None:
    run = elasticsearch_sh("restart-everything")
    assert run.returncode == 2 and "usage" in run.stderr


def test_the_cluster_environment_names_every_node(tmp_path) -> None:
    (tmp_path / "dateline.credentials").write_text(
        "DATELINE_ES_USERNAME=dateline\nDATELINE_ES_PASSWORD=pw\n"
    )
    home = {"DATELINE_ES_HOME": str(tmp_path), "DATELINE_ES_URL": "", "DATELINE_ES_PORT": ""}
    run = elasticsearch_sh("env", "--nodes", "3", DATELINE_CLUSTER_PORT="9401", **home)
    nodes = "http://127.0.0.1:9401,http://127.0.0.1:9402,http://127.0.0.1:9403"
    assert run.stdout.splitlines() == [
        f"export DATELINE_ES_URL={nodes}",
        "export DATELINE_ES_USERNAME=dateline",
        "export DATELINE_ES_PASSWORD=pw",
        f"export DATELINE_BACKUP_DIR={tmp_path}/cluster/backups",  # the cluster's own snapshots
    ]
    single = elasticsearch_sh("env", **home).stdout
    assert "DATELINE_BACKUP_DIR" not in single  # the single node's: search.config's default
    assert single.startswith("export DATELINE_ES_URL=http://127.0.0.1:9200\n")
    for wrong in (["--nodes"], ["--nodes", "0"], ["--nodes", "three"], ["--node", "3"]):
        assert elasticsearch_sh("env", *wrong, **home).returncode == 2
