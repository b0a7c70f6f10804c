"""Sending articles to Elasticsearch needs none of extraction: a bench or a tool that replays
prepared documents imports the bulk sender alone, not the pipeline and its gazetteer."""

from __future__ import annotations

import subprocess
import sys

from tests.support.helpers import REPO


def test_the_bulk_sender_imports_no_extraction_and_no_worker_pool() -> None:
    probe = (
        "import sys, search.index.bulk; "
        "print(' '.join(m for m in sys.modules if m.startswith(('search.extract', "
        "'search.ingest', 'search.index.workers'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []
