"""Compiled extraction (deploy/compile.py) gives what its source gives and never outlives it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.cli import main
from search.extract import COMPILED, COMPILED_IN_USE, compiled_is_current
from tests.support.helpers import REPO, SAMPLE, SEED, run_dateline

# Whether the build is in use, then the kinds of file the hot path's modules came from: one kind
# ("so" or "py"), since they are compiled or imported from source all together.
WHICH = (
    "import importlib, search.extract as e; print(e.COMPILED_IN_USE, *sorted({"
    "importlib.import_module(m).__file__.rpartition('.')[2] for m in e.COMPILED}))"
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


def test_the_compiled_set_is_every_attribution_module_the_gazetteer_and_vocabulary() -> None:
    stages = {
        f"search.extract.attribution.{source.stem}"
        for source in (REPO / "search" / "extract" / "attribution").glob("*.py")
        if source.stem != "__init__"
    }
    assert "search.extract.attribution.linking" in stages
    assert set(COMPILED) == stages | {"search.extract.gazetteer", "search.extract.vocabulary"}


@needs_build
def test_compiled_and_source_extraction_agree() -> None:
    assert _python(WHICH).split() == ["True", "so"]
    assert _python(WHICH, DATELINE_PURE_PYTHON="1").split() == ["False", "py"]
    paths = [str(SAMPLE)] + ([str(SEED)] if SEED.is_dir() else [])
    # Compiled in this process, whose build is in use as in a fresh one (one process fewer to
    # start, and its gazetteer is loaded already); from source in a process of its own.
    assert COMPILED_IN_USE
    compiled = CliRunner().invoke(main, ["extract", *paths])
    source = run_dateline("extract", *paths, DATELINE_PURE_PYTHON="1")
    assert compiled.stdout.count("\n") >= 20
    assert (compiled.stdout, compiled.exit_code) == (source.stdout, source.returncode)


@needs_build
def test_an_edited_source_is_imported_instead_of_its_stale_build(tmp_path: Path) -> None:
    shutil.copytree(REPO / "search", tmp_path / "search")
    assert _python(WHICH, cwd=tmp_path).split() == ["True", "so"]
    with (tmp_path / "search" / "extract" / "attribution" / "cues.py").open("a") as source:
        source.write("\nEDITED = True\n")
    which = _python(
        WHICH + "; import search.extract.attribution.cues as c; print(c.EDITED)", cwd=tmp_path
    )
    assert which.split() == ["False", "py", "True"]


@needs_build
def test_a_new_stage_module_makes_the_build_stale(tmp_path: Path) -> None:
    shutil.copytree(REPO / "search", tmp_path / "search")
    (tmp_path / "search" / "extract" / "attribution" / "new_stage.py").write_text("NEW = True\n")
    which = _python(
        WHICH + "; print('search.extract.attribution.new_stage' in e.COMPILED)", cwd=tmp_path
    )
    assert which.split() == ["False", "py", "True"]
