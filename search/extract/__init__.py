"""Extraction: layout, dateline, dates, places, people and quotes of an article.

The hot path (~85% of a reindex's CPU) may be compiled with mypyc by deploy/compile.py: the
modules of the attribution package, the gazetteer and the vocabulary they share. That set is
read from the file system (COMPILED), so a new stage module joins the build without a list to
keep in step. The build is stamped with its sources' digest; Python imports a compiled module
in preference to its source, so the build is used only while the stamp still matches: after an
edit, an added or removed module, or with DATELINE_PURE_PYTHON=1, every one of these modules is
imported from source (all or none, since compiled modules call each other directly, not
through Python).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).parent
STAMP = HERE / "compiled.stamp"


def _compiled_modules() -> dict[str, Path]:
    """Module name -> source of every module of the hot path, as found on disk. The attribution
    package's __init__ holds only its docstring, and mypyc would give the package a wrong
    __path__, so it stays plain Python."""
    attribution = [p for p in (HERE / "attribution").glob("*.py") if p.name != "__init__.py"]
    return {
        ".".join((__name__, *source.relative_to(HERE).with_suffix("").parts)): source
        for source in [*sorted(attribution), HERE / "gazetteer.py", HERE / "vocabulary.py"]
    }


COMPILED = _compiled_modules()


def sources_digest() -> str:
    """Digest of the hot path's file names and contents: any edit, addition or removal shows."""
    digest = hashlib.sha256()
    for source in COMPILED.values():
        digest.update(str(source.relative_to(HERE)).encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def compiled_is_current() -> bool:
    """Whether a build exists that was made from the sources as they are now."""
    try:
        return STAMP.read_text().strip() == sources_digest()
    except FileNotFoundError:
        return False


class _FromSource(importlib.abc.MetaPathFinder):
    """Import finder that resolves the compiled modules to their .py files."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = COMPILED.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


COMPILED_IN_USE = compiled_is_current() and not os.environ.get("DATELINE_PURE_PYTHON")
if not COMPILED_IN_USE:
    sys.meta_path.insert(0, _FromSource())
