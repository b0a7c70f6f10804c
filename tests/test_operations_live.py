"""What an operator sees: the commands report invalid input and their real time, leave their
progress for /metrics, and `dateline doctor` names each problem with its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from search.cli.doctor import over_watermark
from search.index.archive import reindex
from tests.helpers import REPO, SAMPLE

BROKEN_UTF8 = b"Harbour vote\n\nOSLO (NWS) \xe2\x80\x94 The vote \xff\xfe passed.\n"


def _cli(*args: str, alias: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "search.cli", *args],
        env={**os.environ, "DATELINE_INDEX": alias, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.es
@pytest.mark.parametrize("command", ["reindex", "index"])
def test_invalid_utf8_is_reported_by_the_commands_that_read(
    es: Elasticsearch, alias: str, tmp_path: Path, command: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.txt").write_bytes(BROKEN_UTF8)
    metrics = tmp_path / "metrics"
    run = _cli(
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


@pytest.mark.es
def test_a_refused_reindex_reports_the_time_it_took(alias: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Vote\n\nOSLO (NWS) — The vote passed.\n")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    run = _cli("reindex", str(tmp_path / "in"), "--rejects", str(tmp_path / "r.jsonl"), alias=alias)
    assert run.returncode == 1 and "not switched" in run.stderr
    [summary] = [line for line in run.stderr.splitlines() if line.startswith("read 2,")]
    assert not summary.endswith("in 0.0s"), summary  # index created, loaded, then refused


@pytest.mark.es
def test_doctor_says_what_is_wrong_and_what_to_do(es: Elasticsearch, alias: str) -> None:
    missing = _cli("doctor", alias=alias)
    assert missing.returncode == 1
    assert f"FAIL  alias: no index behind {alias}" in missing.stdout
    assert "-> run `dateline reindex PATHS`" in missing.stdout
    reindex(es, alias, [SAMPLE], workers=1)
    healthy = _cli("doctor", alias=alias)
    assert healthy.returncode == 0, healthy.stdout
    checks = {line.split(":")[0].split()[-1] for line in healthy.stdout.splitlines() if ":" in line}
    assert {"reachable", "version", "credentials", "alias", "mapping", "counts", "disk"} <= checks
    assert "OK    counts: 20 articles" in healthy.stdout


def test_doctor_cannot_reach_a_closed_port() -> None:
    run = _cli("doctor", alias="x", DATELINE_ES_URL="http://127.0.0.1:9")
    assert (
        run.returncode == 1 and "FAIL  reachable: no answer from http://127.0.0.1:9" in run.stdout
    )


def test_a_secret_file_that_cannot_be_read_is_one_clear_line(tmp_path: Path) -> None:
    run = _cli("doctor", alias="x", DATELINE_ES_PASSWORD_FILE=str(tmp_path / "nope"))
    assert run.returncode == 2
    assert run.stderr.strip().startswith("error: DATELINE_ES_PASSWORD_FILE: cannot read")


@pytest.mark.parametrize(
    ("mark", "total", "free", "over"),
    [
        ("95%", 100, 4, True),
        ("95%", 100, 6, False),
        ("0.9", 100, 5, True),
        ("10gb", 100 * 2**30, 5 * 2**30, True),
        ("10gb", 100 * 2**30, 50 * 2**30, False),
        ("500mb", 2**40, 2**29, False),
    ],
)
def test_watermarks_as_shares_and_as_free_bytes(
    mark: str, total: int, free: int, over: bool
) -> None:
    assert over_watermark(mark, total, free) is over


def test_doctor_output_is_line_per_finding() -> None:
    from search.cli.doctor import Finding

    assert Finding("fail", "disk", "full", "free space").lines() == [
        "FAIL  disk: full",
        "      -> free space",
    ]
    assert json.dumps(Finding("ok", "alias", "a -> b").lines()) == '["OK    alias: a -> b"]'
