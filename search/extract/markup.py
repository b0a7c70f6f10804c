"""Markup left in a text body: embed and link tags copied from a web page ('<tweet id="..."
author="@x">...</tweet>', '<a href="...">...</a>').

Their attribute values are quoted, so left in place they read as quotations ("672138506081275904"
said by whoever is named next); the words between the tags are the article's and stay.
"""

from __future__ import annotations

import re

_TAG_RE = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>"
)


def strip_markup(text: str) -> str:
    """`text` without its tags; text holding no "<" comes back as it is."""
    if "<" not in text:
        return text
    return _TAG_RE.sub("", text)
