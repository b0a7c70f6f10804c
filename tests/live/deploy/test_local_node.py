"""deploy/elasticsearch.sh and the node it started: reused while it answers, stemming with the
dictionary the script installs."""

from __future__ import annotations

import os

import pytest

from search.index.mapping import detect_stemmer
from tests.support.helpers import elasticsearch_sh


def test_the_local_node_is_reused_when_it_answers(es) -> None:
    if os.environ.get("DATELINE_ES_URL"):
        pytest.skip("DATELINE_ES_URL points at another cluster; there is no local node")
    run = elasticsearch_sh("start")
    assert run.returncode == 0 and "reusing the node" in run.stderr
    assert "answering" in elasticsearch_sh("status").stderr


def test_the_local_node_stems_with_the_installed_dictionary(es) -> None:
    if os.environ.get("DATELINE_ES_URL"):
        pytest.skip("DATELINE_ES_URL points at another cluster; its analysis may differ")
    assert detect_stemmer(es) == "hunspell"
