"""Bytes to text: UTF-8 for files, the stated encoding for web pages; nothing unreadable is
dropped, and what had to be replaced is said."""

from __future__ import annotations

import re

_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode(data: bytes, warnings: list[str]) -> str:
    """UTF-8 (a byte-order mark is dropped); invalid bytes are replaced, and said so."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        warnings.append(f"invalid UTF-8 at byte {error.start}: decoded with replacement characters")
        return data.decode("utf-8", errors="replace")


def _charset(content_type: str, head: bytes) -> str | None:
    """The page's encoding as the server, or else the page itself, states it."""
    found = _HTTP_CHARSET.search(content_type)
    if found:
        return found.group(1)
    meta = _META_CHARSET.search(head[:4096])
    return meta.group(1).decode("ascii") if meta else None


def decode_page(data: bytes, content_type: str, warnings: list[str]) -> str:
    """A fetched page's text in the encoding it states, else UTF-8; bytes that do not decode
    are replaced, and said so."""
    charset = _charset(content_type, data)
    if charset:
        try:
            return data.decode(charset)
        except LookupError:
            warnings.append(f"unknown charset {charset!r}: read as UTF-8")
        except UnicodeDecodeError as error:
            warnings.append(
                f"invalid {charset} at byte {error.start}: decoded with replacement characters"
            )
            return data.decode(charset, errors="replace")
    return decode(data, warnings)
