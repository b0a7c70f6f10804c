"""Elasticsearch roles limited to the archive's indices (issue 20): the commands' user builds,
moves and deletes `dateline-*` and nothing else; the API's user reads them and nothing else.

The node's roles file is shared by whoever runs deploy/elasticsearch.sh on this machine, so the
test first (re)applies the roles as this checkout writes them, then asks the node itself what
each user may do (`_has_privileges`), waiting a bounded time for the node to reload the file."""

from __future__ import annotations

import time
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from tests.support.helpers import elasticsearch_sh

ARCHIVE = "dateline-test-roles-probe"
OTHERS = ["someone-elses-index", "search-eval-dev", ".security-7"]


def _index_rights(client: Elasticsearch, names: list[str], privileges: list[str]) -> Any:
    answer = client.security.has_privileges(index=[{"names": names, "privileges": privileges}])
    return answer["index"]


def _applied(writer: Elasticsearch) -> bool:
    rights = _index_rights(writer, ["someone-elses-index"], ["delete_index"])
    return not rights["someone-elses-index"]["delete_index"]


@pytest.fixture(scope="module")
def scoped() -> tuple[Elasticsearch, Elasticsearch]:
    run = elasticsearch_sh("roles")
    if "names a cluster this script does not run" in run.stderr:
        pytest.skip("DATELINE_ES_URL names a cluster whose roles its operator gives")
    assert run.returncode == 0, run.stderr
    writer = EsSettings.from_env().client()
    reader = EsSettings.from_env(reader=True).client()
    for _ in range(60):  # the node reloads roles.yml every 5 s: 30 s at most
        if _applied(writer):
            break
        time.sleep(0.5)
    return writer, reader


def test_the_writer_manages_the_archives_indices_and_nothing_else(
    scoped: tuple[Elasticsearch, Elasticsearch],
) -> None:
    writer, _ = scoped
    every = ["create_index", "delete_index", "manage", "write", "read"]
    mine = _index_rights(writer, [ARCHIVE, "dateline-articles"], every)
    assert all(all(granted.values()) for granted in mine.values()), mine
    theirs = _index_rights(writer, OTHERS, every)
    assert not any(any(granted.values()) for granted in theirs.values()), theirs
    cluster = writer.security.has_privileges(
        cluster=["monitor", "cluster:admin/snapshot/create", "manage_security", "manage"]
    )["cluster"]
    assert cluster == {
        "monitor": True,
        "cluster:admin/snapshot/create": True,  # `dateline snapshot`
        "manage_security": False,
        "manage": False,
    }


def test_the_reader_reads_the_archive_and_nothing_else(
    scoped: tuple[Elasticsearch, Elasticsearch],
) -> None:
    _, reader = scoped
    mine = _index_rights(reader, [ARCHIVE], ["read", "write", "delete_index", "manage"])[ARCHIVE]
    assert mine == {"read": True, "write": False, "delete_index": False, "manage": False}
    theirs = _index_rights(reader, OTHERS, ["read"])
    assert not any(granted["read"] for granted in theirs.values()), theirs
    cluster = reader.security.has_privileges(cluster=["cluster:admin/snapshot/create"])
    assert cluster["cluster"] == {"cluster:admin/snapshot/create": False}


def test_doctor_reports_the_roles(scoped: tuple[Elasticsearch, Elasticsearch]) -> None:
    from tests.support.helpers import run_dateline

    report = run_dateline("doctor", alias=ARCHIVE)
    assert "OK    roles: " in report.stdout, report.stdout
