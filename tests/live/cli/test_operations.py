"""What an operator sees on a real node: the commands report invalid input and their real time,
leave their progress for /metrics, and `dateline doctor` names each problem with its fix
(without a node: tests/unit/cli/test_doctor.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.index.archive import reindex
from tests.support.helpers import SAMPLE, run_dateline

BROKEN_UTF8 = b"Harbour vote\n\nOSLO (NWS) \xe2\x80\x94 The vote \xff\xfe passed.\n"


@pytest.mark.parametrize("command", ["reindex", "index"])
def test_invalid_utf8_is_reported_by_the_commands_that_read(
    es: Elasticsearch, alias: str, tmp_path: Path, command: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.txt").write_bytes(BROKEN_UTF8)
    metrics = tmp_path / "metrics"
    run = run_dateline(
        command,
        str(tmp_path / "in"),
        "--workers",
        "1",
        "--rejects",
        str(tmp_path / "r.jsonl"),
        alias=alias,
        DATELINE_METRICS_DIR=str(metrics),
    )
    assert run.returncode == 0, run.stderr
    assert "broken.txt: warning: invalid UTF-8 at byte" in run.stderr
    assert "indexed 1, duplicates 0, rejected 0, 1 with warnings in" in run.stderr
    progress = (metrics / f"{command}-{alias}.prom").read_text()
    assert (
        f'dateline_reindex_articles{{alias="{alias}",command="{command}",state="warned"}} 1.0'
        in (progress)
    )
    assert f'dateline_reindex_succeeded{{alias="{alias}",command="{command}"}} 1.0' in progress


def test_a_refused_reindex_reports_the_time_it_took(alias: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Vote\n\nOSLO (NWS) — The vote passed.\n")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    run = run_dateline(
        "reindex", str(tmp_path / "in"), "--rejects", str(tmp_path / "r.jsonl"), alias=alias
    )
    assert run.returncode == 1 and "not switched" in run.stderr
    [summary] = [line for line in run.stderr.splitlines() if line.startswith("read 2,")]
    assert not summary.endswith("in 0.0s"), summary  # index created, loaded, then refused


def test_doctor_says_what_is_wrong_and_what_to_do(es: Elasticsearch, alias: str) -> None:
    missing = run_dateline("doctor", alias=alias)
    assert missing.returncode == 1
    assert f"FAIL  alias: no index behind {alias}" in missing.stdout
    assert "-> run `dateline reindex PATHS`" in missing.stdout
    reindex(es, alias, [SAMPLE], workers=1)
    healthy = run_dateline("doctor", alias=alias)
    assert healthy.returncode == 0, healthy.stdout
    checks = {line.split(":")[0].split()[-1] for line in healthy.stdout.splitlines() if ":" in line}
    assert {"reachable", "version", "credentials", "alias", "mapping", "counts", "disk"} <= checks
    assert f"OK    counts: {len(list(SAMPLE.glob('*.txt')))} articles" in healthy.stdout
