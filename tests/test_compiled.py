"""Compiled extraction (deploy/compile.py) gives what its source gives and never outlives it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from search.extract import compiled_is_current

REPO = Path(__file__).resolve().parents[1]
SHARED_SEED = REPO.parent / "shared" / "corpora" / "seed"
WHICH = (
    "import search.extract as e, search.extract.people as p; print(e.COMPILED_IN_USE, p.__file__)"
)

needs_build = pytest.mark.skipif(
    not compiled_is_current(),
    reason="extraction not compiled from the current sources (deploy/setup.sh compiles it)",
)


def _python(code: str, *, cwd: Path = REPO, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@needs_build
def test_compiled_and_source_extraction_agree() -> None:
    assert _python(WHICH).startswith("True") and ".so" in _python(WHICH)
    pure = _python(WHICH, DATELINE_PURE_PYTHON="1")
    assert pure.startswith("False") and pure.strip().endswith("people.py")
    paths = [str(REPO / "deploy" / "sample")] + ([str(SHARED_SEED)] if SHARED_SEED.is_dir() else [])
    extract = f"from search.cli import main; main(['extract', *{paths!r}])"
    compiled = subprocess.run(
        [sys.executable, "-c", extract], capture_output=True, text=True, check=False
    )
    source = subprocess.run(
        [sys.executable, "-c", extract],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DATELINE_PURE_PYTHON": "1"},
    )
    assert compiled.stdout.count("\n") >= 20
    assert (compiled.stdout, compiled.returncode) == (source.stdout, source.returncode)


@needs_build
def test_an_edited_source_is_imported_instead_of_its_stale_build(tmp_path: Path) -> None:
    shutil.copytree(REPO / "search", tmp_path / "search")
    assert _python(WHICH, cwd=tmp_path).startswith("True")
    with (tmp_path / "search" / "extract" / "quotes_cues.py").open("a") as source:
        source.write("\nEDITED = True\n")
    which = _python(
        WHICH + "; import search.extract.quotes_cues as q; print(q.EDITED)", cwd=tmp_path
    )
    assert which.split() == ["False", str(tmp_path / "search" / "extract" / "people.py"), "True"]
