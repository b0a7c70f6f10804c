"""Progress: plain periodic lines when output is not a terminal, a live bar when it is."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, SAMPLE

pytestmark = pytest.mark.es


def _reindex_sample(tmp_path: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "search.cli",
        "reindex",
        str(SAMPLE),
        "--workers",
        "1",
        "--rejects",
        str(tmp_path / "r.jsonl"),
    ]


def test_plain_lines_when_not_a_terminal(alias: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATELINE_INDEX": alias, "DATELINE_PROGRESS_EVERY": "0"}
    run = subprocess.run(
        _reindex_sample(tmp_path),
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("indexing:")]
    assert len(lines) >= 10 and "articles/s" in lines[-1]
    assert "\x1b[" not in run.stderr  # no terminal control codes in a log file


def test_a_live_count_with_rate_on_a_terminal(alias: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATELINE_INDEX": alias, "COLUMNS": "120"}
    pid, fd = pty.fork()
    if pid == 0:  # the child runs the command with a terminal for its output
        os.chdir(REPO)
        os.execve(sys.executable, _reindex_sample(tmp_path), env)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    text = output.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "indexing" in text and "articles/s" in text and "20 read" in text
