"""Reindex on a real node: zero downtime, atomic alias, rollback, idempotency, rejects, crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.config import EsSettings
from search.index.archive import index_into_live, reindex, rollback
from search.index.bulk import send
from search.index.indices import READY, count_articles, create_index, live_index, managed_indices
from search.index.workers import Prepared
from tests.support.helpers import REPO, SAMPLE, run_dateline, write_corpus
from tests.support.relay import Relay


def test_searches_keep_answering_while_the_alias_moves(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    reindex(es, alias, [SAMPLE], workers=1)
    before = count_articles(es, alias)
    bigger = write_corpus(tmp_path / "bigger.jsonl", 600)
    seen: list[int] = []
    failures: list[str] = []
    done = threading.Event()

    def search_continuously() -> None:
        while not done.is_set():
            try:
                aliases = es.indices.get_alias(name=alias)
                if len(aliases) != 1:
                    failures.append(f"alias on {len(aliases)} indices")
                seen.append(count_articles(es, alias))
            except Exception as error:  # any failed request is a failure of the test
                failures.append(repr(error))

    searcher = threading.Thread(target=search_continuously)
    searcher.start()
    try:
        report = reindex(es, alias, [bigger], workers=2)
    finally:
        time.sleep(0.3)
        done.set()
        searcher.join()
    assert failures == []
    assert len(seen) > 20
    assert set(seen) == {before, 600}  # the old archive, then the new one, never anything else
    assert seen[0] == before and seen[-1] == 600
    assert seen == sorted(seen, key=lambda c: c == 600)  # one switch, no going back
    assert live_index(es, alias) == report.index and report.previous is not None


def test_rollback_returns_to_the_previous_index_and_old_ones_retire(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    first = reindex(es, alias, [write_corpus(tmp_path / "a.jsonl", 5)], workers=1)
    second = reindex(es, alias, [write_corpus(tmp_path / "b.jsonl", 7)], workers=1)
    third = reindex(es, alias, [write_corpus(tmp_path / "c.jsonl", 9)], workers=1, keep=1)
    assert first.index in third.deleted  # only one earlier index is kept
    assert set(managed_indices(es, alias)) == {second.index, third.index}
    assert rollback(es, alias) == (third.index, second.index)
    assert count_articles(es, alias) == 7
    with pytest.raises(RuntimeError, match="no earlier index"):
        rollback(es, alias)


def test_the_same_article_twice_is_one_document(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    report = reindex(es, alias, [corpus, corpus], workers=1)
    assert (report.read, report.duplicates, report.indexed) == (8, 4, 4)
    again = index_into_live(es, alias, [corpus, SAMPLE], workers=1)
    assert again.index == report.index
    assert count_articles(es, alias) == 4 + len(list(SAMPLE.glob("*.txt")))
    index_into_live(es, alias, [SAMPLE], workers=1)
    assert count_articles(es, alias) == 4 + len(list(SAMPLE.glob("*.txt")))


def _start_reindex(corpus: Path, alias: str, tmp_path: Path, **env: str) -> subprocess.Popen:
    """`dateline reindex` of a corpus large enough to be caught while it loads, started as from
    a terminal, where Ctrl-C interrupts it: a test run started in the background of a script
    ignores SIGINT, and a child inherits that (a handler is reset to the default by exec)."""
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "search.cli",
                "reindex",
                str(corpus),
                "--workers",
                "1",
                "--rejects",
                str(tmp_path / "r.jsonl"),
            ],
            env={**os.environ, "DATELINE_INDEX": alias, **env},
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, inherited)


def _wait_until_loading(es: Elasticsearch, alias: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(managed_indices(es, alias)) < 2:
        time.sleep(0.1)


def test_rejects_are_written_with_reasons_and_fail_the_command(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    write_corpus(sources / "good.jsonl", 3)
    (sources / "empty.txt").write_bytes(b"")
    (sources / "broken.jsonl").write_text('{"id": "x", "text": "fine"}\n{oops\n')
    rejects = tmp_path / "rejects.jsonl"
    run = run_dateline(
        "reindex", str(sources), "--rejects", str(rejects), "--workers", "1", alias=alias
    )
    assert run.returncode == 1, run.stderr
    assert "read 6, indexed 4, duplicates 0, rejected 2" in run.stderr
    reasons = {
        Path(r["source"]).name: r["reason"]
        for r in map(json.loads, rejects.read_text().splitlines())
    }
    assert reasons == {"broken.jsonl:2": reasons["broken.jsonl:2"], "empty.txt": "empty file"}
    assert "not valid JSON" in reasons["broken.jsonl:2"]
    # More rejects than allowed: the archive is not switched, so nothing it held is lost.
    assert "not switched" in run.stderr
    assert live_index(es, alias) is None and managed_indices(es, alias) == {}
    allowed = run_dateline(
        "reindex",
        str(sources),
        "--rejects",
        str(rejects),
        "--allow-rejects",
        "2",
        "--workers",
        "1",
        alias=alias,
    )
    assert allowed.returncode == 0, allowed.stderr
    assert count_articles(es, alias) == 4


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_reindex_leaves_the_live_index_serving(
    es: Elasticsearch, alias: str, tmp_path: Path, how: signal.Signals
) -> None:
    live = reindex(es, alias, [SAMPLE], workers=1).index
    process = _start_reindex(write_corpus(tmp_path / "big.jsonl", 6000), alias, tmp_path)
    _wait_until_loading(es, alias)
    time.sleep(1.0)  # let it load part of the corpus
    process.send_signal(how)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert live_index(es, alias) == live
    assert count_articles(es, alias) == len(list(SAMPLE.glob("*.txt")))
    leftovers = [name for name in managed_indices(es, alias) if name != live]
    if how != signal.SIGKILL:  # Ctrl-C, or `kill`: what it built is removed, and it says so
        assert leftovers == [] and "interrupted" in stderr
    # The next run removes whatever a crash left behind, then switches as usual.
    report = reindex(es, alias, [SAMPLE], workers=1)
    assert set(leftovers) <= set(report.deleted)
    assert set(managed_indices(es, alias)) == {live, report.index}


def test_stemmed_search_and_exact_phrases(es: Elasticsearch, alias: str, tmp_path: Path) -> None:
    records = [
        {
            "id": "plural",
            "title": "One",
            "text": "Head\n\nThe Kremlin had no contacts with the team.",
        },
        {
            "id": "singular",
            "title": "Two",
            "text": "Head\n\nThe Kremlin has no contact at all, he says.",
        },
    ]
    path = tmp_path / "m.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    reindex(es, alias, [path], workers=1)

    def ids(q: str) -> set[str]:
        query = {
            "simple_query_string": {
                "query": q,
                "fields": ["folded_body"],
                "quote_field_suffix": ".exact",
            }
        }
        return {h["_id"] for h in es.search(index=alias, query=query)["hits"]["hits"]}

    assert ids("contacts") == {"plural", "singular"}
    assert ids("contact") == {"plural", "singular"}
    assert ids('"no contacts"') == {"plural"}
    assert ids('"no contact"') == {"singular"}
    mapping = es.indices.get_mapping(index=alias)
    [body] = mapping.values()
    assert body["mappings"]["dynamic"] == "strict"
    assert body["mappings"]["_meta"]["dateline_state"] == READY


def test_documents_elasticsearch_refuses_are_reported_with_its_reason(
    es: Elasticsearch, alias: str
) -> None:
    index = create_index(es, alias, loading=False)
    good_doc = json.dumps({"kind": "article", "id": "good", "body": "text"}).encode()
    good = Prepared("good", "a.txt", (("good", good_doc),), b"1")
    bad_doc = json.dumps({"kind": "article", "id": "bad", "colour": "red"}).encode()
    bad = Prepared("bad", "b.txt", (("bad", bad_doc),), b"2")
    outcomes: dict[str, str | None] = {}
    send(es, index, [good, bad], lambda item, failure: outcomes.__setitem__(item.id, failure))
    assert outcomes["good"] is None
    assert "strict_dynamic_mapping_exception" in outcomes["bad"]


def test_an_archive_is_never_replaced_by_an_empty_index(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    live = reindex(es, alias, [SAMPLE], workers=1).index
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(RuntimeError, match="no article could be indexed"):
        reindex(es, alias, [tmp_path / "empty.txt", tmp_path / "typo"], workers=1)
    assert live_index(es, alias) == live
    assert list(managed_indices(es, alias)) == [live]


def test_elasticsearch_gone_mid_reindex_leaves_the_alias_and_the_next_run_cleans_up(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    live = reindex(es, alias, [SAMPLE], workers=1).index
    proxy = Relay(EsSettings.from_env())
    corpus = write_corpus(tmp_path / "big.jsonl", 6000)
    process = _start_reindex(corpus, alias, tmp_path, **proxy.env())
    _wait_until_loading(es, alias)
    time.sleep(1.0)
    proxy.cut()
    _, stderr = process.communicate(timeout=180)
    assert process.returncode == 2 and "Elasticsearch failed" in stderr, stderr
    assert live_index(es, alias) == live
    [partial] = [name for name in managed_indices(es, alias) if name != live]
    report = reindex(es, alias, [SAMPLE], workers=1)
    assert partial in report.deleted


def test_two_different_articles_under_one_id_are_not_merged(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    for folder, body in (("a", "The port reopened on Monday."), ("b", "The bridge vote failed.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Headline\n\n{body}\n")
    rejects = tmp_path / "rejects.jsonl"
    report = reindex(
        es,
        alias,
        [tmp_path / "a", tmp_path / "b"],
        workers=1,
        allow_rejects=1,
        rejects_path=rejects,
    )
    assert (report.indexed, report.duplicates, report.rejected) == (1, 0, 1)
    [reason] = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert "already used by" in reason and str(tmp_path / "a" / "story.txt") in reason
    body = es.get(index=alias, id="story")["_source"]["body"]
    assert body.startswith("The port reopened")


def test_indices_of_an_alias_that_starts_the_same_are_left_alone(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    other = reindex(es, f"{alias}-x", [write_corpus(tmp_path / "o.jsonl", 2)], workers=1).index
    reindex(es, alias, [write_corpus(tmp_path / "a.jsonl", 2)], workers=1)
    report = reindex(es, alias, [write_corpus(tmp_path / "b.jsonl", 3)], workers=1, keep=0)
    assert other not in report.deleted and other not in managed_indices(es, alias)
    assert live_index(es, f"{alias}-x") == other


def test_adding_articles_is_refused_while_a_reindex_is_loading(
    es: Elasticsearch, alias: str, tmp_path: Path
) -> None:
    reindex(es, alias, [SAMPLE], workers=1)
    process = _start_reindex(write_corpus(tmp_path / "big.jsonl", 6000), alias, tmp_path)
    try:
        _wait_until_loading(es, alias)
        with pytest.raises(RuntimeError, match="still loading"):
            index_into_live(es, alias, [SAMPLE], workers=1)
        with pytest.raises(RuntimeError, match="still loading"):
            reindex(es, alias, [SAMPLE], workers=1)
    finally:
        process.kill()
        process.communicate()
