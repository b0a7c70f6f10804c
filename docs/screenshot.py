"""The README's picture of the search page, taken as the browser tests take theirs: the sample
corpus indexed under an alias of its own, the app served on a free loopback port, and Debian's
Chromium driven by Playwright (no browser is downloaded).

    .venv/bin/python docs/screenshot.py    # needs the local node; rewrites docs/search-page.png

Look at the picture before committing it; tests/unit/test_docs.py keeps it under 200 KB.
"""

from __future__ import annotations

import shutil
import threading
import uuid
from pathlib import Path

from elasticsearch import Elasticsearch
from playwright.sync_api import ViewportSize, sync_playwright
from werkzeug.serving import make_server

from api import create_app
from search.config import EsSettings
from search.index.archive import reindex

REPO = Path(__file__).resolve().parents[1]
PICTURE = REPO / "docs" / "search-page.png"
PAGE = "/?q=strike"  # the tour's first search: hits, a quote, facets and the time line
VIEWPORT: ViewportSize = {"width": 1200, "height": 800}


def main() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("no Chromium: `bash deploy/setup.sh` installs it (as root)")
    es: Elasticsearch = EsSettings.from_env().client()
    alias = f"dateline-docs-{uuid.uuid4().hex[:8]}"
    try:
        reindex(es, alias, [REPO / "deploy" / "sample"], workers=1)
        server = make_server("127.0.0.1", 0, create_app({"INDEX": alias}), threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"http://127.0.0.1:{server.port}{PAGE}")
            page.screenshot(path=PICTURE)
            browser.close()
        server.shutdown()
    finally:
        for index in es.indices.get(index=f"{alias}-*", allow_no_indices=True):
            es.indices.delete(index=index)
    print(f"{PICTURE.relative_to(REPO)}: {PICTURE.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
