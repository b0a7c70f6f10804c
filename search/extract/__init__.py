"""Extraction: layout, dateline, dates, places, people and quotes of an article.

The hot path (the modules in COMPILED, ~85% of a reindex's CPU) may be compiled with mypyc by
deploy/compile.py, which stamps the build with its sources' digest. Python imports a compiled
module in preference to its source, so the build is used only while the stamp still matches:
after an edit, or with DATELINE_PURE_PYTHON=1, every one of these modules is imported from
source (all or none, since compiled modules call each other directly, not through Python).
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
COMPILED = ("gazetteer", "people", "people_lexicon", "people_names", "quotes_cues")
STAMP = HERE / "compiled.stamp"


def sources_digest() -> str:
    digest = hashlib.sha256()
    for name in COMPILED:
        digest.update((HERE / f"{name}.py").read_bytes())
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
        package, _, name = fullname.rpartition(".")
        if package != __name__ or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, HERE / f"{name}.py")


COMPILED_IN_USE = compiled_is_current() and not os.environ.get("DATELINE_PURE_PYTHON")
if not COMPILED_IN_USE:
    sys.meta_path.insert(0, _FromSource())
