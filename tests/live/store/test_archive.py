"""The archive keeps what it ingested, on a real node: `reindex` with no paths rebuilds every
addition and correction and leaves out what was removed; a removal reaches the indices
`rollback` could return to; a corrected article says so on its page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from api import create_app
from search.index.archive import Keeping, index_into_live, reindex, remove_article, rollback
from search.index.indices import count_articles, managed_indices
from search.scan import scan
from search.schema import ARTICLE, QUOTE, only
from search.store.archive import Store
from tests.support.helpers import REPO, write_corpus

pytestmark = pytest.mark.es


def _articles(es: Elasticsearch, alias: str) -> dict[str, dict[str, Any]]:
    """Every article of the alias: id -> body, versions and correction date."""
    found = {}
    for hits in scan(es, alias, only(ARTICLE), source=["body", "versions", "corrected"]):
        for hit in hits:
            found[hit["_id"]] = hit["_source"]
    return found


def _quotes(es: Elasticsearch, alias: str) -> int:
    return int(es.count(index=alias, query=only(QUOTE))["count"])


def _correction(folder: Path, article_id: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{article_id}.jsonl"
    record = {"id": article_id, "published": "2030-01-01", "text": text}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


CORRECTED = (
    "Harbour strike ends\n\nOSLO, March 27 (NWS) - Dock workers returned on Tuesday after "
    'a deal on night-shift pay, the union said. "We got what we asked for," said union leader '
    "Kari Lindqvist. An earlier version of this story misstated the day."
)


def test_reindex_with_no_paths_rebuilds_additions_and_corrections_without_removals(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    keeping = Keeping(Store(tmp_path / "store"), by="editor")
    reindex(es, alias, [write_corpus(tmp_path / "a.jsonl", 6)], workers=1, keeping=keeping)
    added = index_into_live(
        es, alias, [write_corpus(tmp_path / "b.jsonl", 3, tag="b")], workers=1, keeping=keeping
    )
    assert added.indexed == 3
    fixed = Keeping(keeping.store, by="desk", note="wrong day")
    correction = index_into_live(
        es, alias, [_correction(tmp_path / "fix", "gen-2", CORRECTED)], workers=1, keeping=fixed
    )
    assert correction.corrected == 1
    removal = remove_article(es, alias, keeping.store, "gen-4", by="legal", reason="court order")
    assert not removal.already
    before, quotes = _articles(es, alias), _quotes(es, alias)
    assert len(before) == 8 and "gen-4" not in before
    assert before["gen-2"]["versions"] == 2 and before["gen-2"]["corrected"]
    assert "misstated the day" in before["gen-2"]["body"]

    report = reindex(es, alias, None, workers=1, keeping=keeping)  # no paths: the store

    after = _articles(es, alias)
    assert after.keys() == before.keys()
    assert {i: (a.get("versions"), a.get("corrected")) for i, a in after.items()} == {
        i: (a.get("versions"), a.get("corrected")) for i, a in before.items()
    }
    assert after["gen-2"]["body"] == before["gen-2"]["body"]
    assert _quotes(es, alias) == quotes
    assert (report.read, report.indexed, report.rejected, report.corrected) == (8, 8, 0, 0)
    history = keeping.store.catalog.history("gen-2")
    assert [(r.version, r.by, r.note) for r in history] == [
        (1, "editor", None),
        (2, "desk", "wrong day"),
    ]
    # Reading the first inputs again neither brings back the removed article nor stores twice
    # (the archive shrinks to them: asked for, past the shrink guard).
    again = reindex(
        es, alias, [tmp_path / "a.jsonl"], workers=1, keeping=keeping, allow_shrink=True
    )
    assert [line.split(" ")[0] for line in again.withheld] == ["gen-4"]
    assert "gen-4" not in _articles(es, alias)


def test_a_removal_reaches_every_index_and_stays(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    store = Store(tmp_path / alias)  # where `dateline` finds it with DATELINE_ARCHIVE_DIR
    keeping = Keeping(store, by="editor")
    corpus = write_corpus(tmp_path / "a.jsonl", 4)
    reindex(es, alias, [corpus], workers=1, keeping=keeping)
    reindex(es, alias, [corpus], workers=1, keeping=keeping)  # the first stays for rollback
    assert len(managed_indices(es, alias)) == 2
    assert _quotes(es, alias) > 0
    quoted = {
        hit["_source"]["article_id"]
        for hits in scan(es, alias, only(QUOTE), source=["article_id"])
        for hit in hits
    }
    victim = sorted(quoted)[0]
    removal = remove_article(es, alias, store, victim, by="legal", reason="takedown 7/2031")
    assert sorted(removal.deleted_from) == sorted(managed_indices(es, alias))
    for index in managed_indices(es, alias):
        assert not es.exists(index=index, id=victim)
        assert es.count(index=index, query={"term": {"article_id": victim}})["count"] == 0
    rollback(es, alias)
    assert victim not in _articles(es, alias) and count_articles(es, alias) == 3
    report = index_into_live(es, alias, [corpus], workers=1, keeping=keeping)
    assert len(report.withheld) == 1 and victim not in _articles(es, alias)
    assert remove_article(es, alias, store, victim, by="x", reason="again").already
    with pytest.raises(RuntimeError, match="no article"):
        remove_article(es, alias, store, "no-such-id", by="x", reason="typo")

    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_ARCHIVE_DIR": str(tmp_path)}
    listed = subprocess.run(
        [sys.executable, "-m", "search.cli", "removed"], env=env, cwd=REPO,
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    [line] = listed.stdout.splitlines()
    assert line.split("\t")[0] == victim and line.split("\t")[2:] == ["legal", "takedown 7/2031"]


def test_a_corrected_article_says_so_on_its_page_and_in_the_api(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    keeping = Keeping(Store(tmp_path / "store"))
    index_into_live(es, alias, [write_corpus(tmp_path / "a.jsonl", 2)], workers=1, keeping=keeping)
    index_into_live(
        es, alias, [_correction(tmp_path / "fix", "gen-1", CORRECTED)], workers=1, keeping=keeping
    )
    client = create_app({"INDEX": alias, "TESTING": True}).test_client()
    page = client.get("/articles/gen-1")
    assert page.status_code == 200 and "Corrected on" in page.text
    assert "Corrected on" not in client.get("/articles/gen-0").text
    article = client.get("/api/articles/gen-1").json
    assert article["versions"] == 2 and article["corrected"]
    assert client.get("/api/articles/gen-0").json["versions"] == 1
