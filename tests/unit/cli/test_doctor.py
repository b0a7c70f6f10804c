"""`dateline doctor` without a node: what it says when the cluster cannot be reached or a secret
cannot be read, how it reads disk watermarks, and how it prints a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli.doctor import Finding, over_watermark
from tests.support.helpers import run_dateline


def test_doctor_cannot_reach_a_closed_port() -> None:
    run = run_dateline("doctor", alias="x", DATELINE_ES_URL="http://127.0.0.1:9")
    assert (
        run.returncode == 1 and "FAIL  reachable: no answer from http://127.0.0.1:9" in run.stdout
    )


def test_a_secret_file_that_cannot_be_read_is_one_clear_line(tmp_path: Path) -> None:
    run = run_dateline("doctor", alias="x", DATELINE_ES_PASSWORD_FILE=str(tmp_path / "nope"))
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
    assert Finding("fail", "disk", "full", "free space").lines() == [
        "FAIL  disk: full",
        "      -> free space",
    ]
    assert json.dumps(Finding("ok", "alias", "a -> b").lines()) == '["OK    alias: a -> b"]'
