"""Compile the extraction hot path with mypyc, in place, and stamp the build.

    .venv/bin/python deploy/compile.py

The modules compiled are those search/extract/__init__.py finds on disk (COMPILED: the
attribution package, the gazetteer and the vocabulary). Compiled, extraction runs about a fifth
faster (`bench/extract.py` says which is in use); the stamp holds the digest of the sources the
build was made from, and search/extract/__init__.py ignores a build whose stamp no longer
matches, so an edited, added or removed source is never shadowed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    os.chdir(REPO)  # mypyc writes its C sources under ./build
    sys.path.insert(0, str(REPO))
    os.environ["DATELINE_PURE_PYTHON"] = "1"  # read the sources, not a previous build
    from search.extract import COMPILED, HERE, STAMP, sources_digest

    STAMP.unlink(missing_ok=True)
    for built in HERE.rglob("*.so"):  # a module no longer in the set leaves no build behind
        built.unlink()
    digest = sources_digest()
    modules = [str(source.relative_to(REPO)) for source in COMPILED.values()]
    setup(
        name="dateline-compiled-extraction",
        ext_modules=mypycify(modules, group_name="search.extract.compiled", opt_level="3"),
        script_args=["build_ext", "--inplace", "--build-temp", "build/mypyc", "--quiet"],
    )
    STAMP.write_text(digest + "\n")


if __name__ == "__main__":
    main()
