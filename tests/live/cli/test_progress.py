"""Progress: plain periodic lines when output is not a terminal, a live bar when it is."""

from __future__ import annotations

import os
import pty
import sys
from pathlib import Path

from tests.support.helpers import REPO, SAMPLE, run_dateline


def _reindex_sample(tmp_path: Path) -> list[str]:
    return ["reindex", str(SAMPLE), "--workers", "1", "--rejects", str(tmp_path / "r.jsonl")]


def test_plain_lines_when_not_a_terminal(alias: str, tmp_path: Path) -> None:
    run = run_dateline(*_reindex_sample(tmp_path), alias=alias, DATELINE_PROGRESS_EVERY="0")
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.startswith("indexing:")]
    assert len(lines) >= 10 and "articles/s" in lines[-1]
    assert "\x1b[" not in run.stderr  # no terminal control codes in a log file


def test_a_live_count_with_rate_on_a_terminal(alias: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATELINE_INDEX": alias, "COLUMNS": "120"}
    pid, fd = pty.fork()
    if pid == 0:  # the child runs the command with a terminal for its output
        os.chdir(REPO)
        os.execve(
            sys.executable, [sys.executable, "-m", "search.cli", *_reindex_sample(tmp_path)], env
        )
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
    assert (
        "indexing" in text
        and "articles/s" in text
        and f"{len(list(SAMPLE.glob('*.txt')))} read" in text
    )
