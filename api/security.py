"""Headers that tell browsers to run nothing Dateline did not mean to serve, on every answer,
and JSON that never carries a raw `<`, so an echoed value cannot turn into markup.

The pages have no inline script or style (api/static/ holds them), so the policy allows
Dateline's own scripts, style sheets and requests, and nothing else; no page may frame Dateline.
https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response
from flask.json.provider import DefaultJSONProvider

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    # Search words are in Dateline's URLs: links out (an article's source) must not carry them.
    "Referrer-Policy": "no-referrer",
}


class EscapingJSONProvider(DefaultJSONProvider):
    """`<`, `>` and `&` written as \\u escapes: the same JSON to a parser, inert to an HTML
    sniffer (these characters can only stand inside JSON strings, so the swap is exact)."""

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        text = super().dumps(obj, **kwargs)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def init_app(app: Flask) -> None:
    app.json = EscapingJSONProvider(app)
    app.after_request(_secure)


def _secure(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
