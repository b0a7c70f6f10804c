"""Fetching the pages a sitemap or a feed only points to (`--fetch`): politely, one at a time.

Only http and https; each site's robots.txt is obeyed, and requests to one site are spaced by
`delay` seconds. A page is read up to the same cap as a file; what cannot be fetched is a reason
the run reports, never a guess. What was fetched goes to the archive store like any input, so a
page that later changes or disappears is still rebuilt as it was read.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from search.ingest.decoding import decode_page
from search.ingest.warc import MAX_PAGE_BYTES

AGENT = "Dateline/0.1 (news archive)"
TIMEOUT = 20.0


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: str
    warnings: list[str]


@dataclass
class Fetcher:
    delay: float = 1.0  # seconds between two requests to one site
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(site)
        if robots is None:
            robots = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
            self._wait(site)
            try:
                robots.read()
            except (OSError, ValueError):
                robots.parse([])  # no robots.txt to be had: nothing is disallowed
            self._robots[site] = robots
        return robots.can_fetch(AGENT, url)

    def _wait(self, site: str) -> None:
        ready = self._last.get(site, 0.0) + self.delay
        pause = ready - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last[site] = time.monotonic()

    def page(self, url: str) -> Fetched | str:
        """The HTML page at `url`, or why it could not be had."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return f"not a web address: {url!r}"
        if not self._allowed(url):
            return f"robots.txt disallows {url}"
        self._wait(f"{parts.scheme}://{parts.netloc}")
        request = urllib.request.Request(url, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                content_type = response.headers.get("Content-Type", "")
                if "html" not in content_type.lower():
                    return f"not an HTML page ({content_type or 'no type'}): {url}"
                data = response.read(MAX_PAGE_BYTES + 1)
                final = response.geturl()
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code} for {url}"
        except (OSError, ValueError) as error:
            return f"cannot fetch {url}: {error}"
        if len(data) > MAX_PAGE_BYTES:
            return f"page over the {MAX_PAGE_BYTES}-byte cap: {url}"
        warnings: list[str] = []
        return Fetched(final, decode_page(data, content_type, warnings), warnings)
