"""A web page's identity: one id for every address that is the same page.

Crawls and feeds reach one article under addresses that differ in ways that do not change the
page: http or https, `www.`, a trailing slash, a fragment, tracking parameters. They all give one
id, so a page crawled again updates its article instead of adding a second. The id is readable
(the last part of the path) and unique (a hash of the whole address).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

# Parameters that say how a reader arrived, not which page it is.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|ref|src)$")
_SLUG = re.compile(r"[^a-z0-9]+")

SLUG_CHARS = 60


def canonical_url(url: str) -> str:
    """The address with what does not change the page dropped: scheme, `www.`, default port,
    fragment, tracking parameters, a trailing slash; other parameters sorted."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key.lower())
    )
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def page_id(url: str) -> str:
    """A stable id for the page at `url`: its last path word, then a hash of the address."""
    canonical = canonical_url(url)
    digest = hashlib.sha1(canonical.encode()).hexdigest()[:12]
    last = canonical.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", last.lower())
    slug = _SLUG.sub("-", last).strip("-")[:SLUG_CHARS].strip("-")
    return f"{slug}-{digest}" if slug else digest
