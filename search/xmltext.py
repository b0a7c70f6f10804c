"""Text made safe for XML 1.0 and the readers of our files: scraped text carries control
characters (a vertical tab, a form feed, NUL) that XML forbids outright, so one such article
made every Atom feed listing it fail, and NUL stops CSV readers. They are dropped on the way
out; tab, line feed and carriage return are kept."""

from __future__ import annotations

import re

# XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets), negated.
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 does not allow (lone surrogates included)."""
    return _FORBIDDEN.sub("", text)
