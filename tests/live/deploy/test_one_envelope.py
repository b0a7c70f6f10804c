"""Every error through the served stack is the JSON envelope under /api and an error page
elsewhere, with the security headers: malformed requests gunicorn or nginx answer themselves
(raw UTF-8 in the URL, an unknown transfer coding, HTTP/3.0 on a text connection, TRACE),
and double slashes. Loopback only, one request each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from email.parser import BytesHeaderParser

import pytest

from tests.support.archive import Archive
from tests.support.stack import Stack


@pytest.fixture(scope="module")
def stack(sample: Archive) -> Iterator[Stack]:
    served = Stack(sample.alias)
    yield served
    served.stop()


def _split(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, _, headers = head.partition(b"\r\n")
    parsed = BytesHeaderParser().parsebytes(headers)
    return int(status_line.split()[1]), {k.lower(): v for k, v in parsed.items()}, body


def _secured(headers: dict[str, str]) -> None:
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"


def _envelope(body: bytes, code: int) -> None:
    payload = json.loads(body)
    assert set(payload) == {"code", "status", "message", "errors"} and payload["code"] == code


MALFORMED = [
    (b"GET PATH?q=caf\xc3\xa9 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET PATH?q=\xff HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET PATH HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    (b"GET PATH HTTP/3.0\r\nHost: x\r\n\r\n", 505),
    (b"TRACE PATH HTTP/1.1\r\nHost: x\r\n\r\n", 405),
]


@pytest.mark.parametrize("path", [b"/api/search", b"/"], ids=["api", "page"])
@pytest.mark.parametrize("template,code", MALFORMED, ids=["utf8", "ff", "501", "505", "trace"])
def test_malformed_requests_get_the_envelope_or_the_page(
    stack: Stack, template: bytes, code: int, path: bytes
) -> None:
    status, headers, body = _split(stack.raw(template.replace(b"PATH", path)))
    assert status == code, body[:300]
    _secured(headers)
    # A request line nginx cannot read (505) has no path to tell by: the envelope.
    if path.startswith(b"/api/") or code == 505:
        assert headers["content-type"].startswith("application/json")
        _envelope(body, code)
    else:
        assert headers["content-type"].startswith("text/html")
        assert f"<h1>{code} ".encode() in body and b"<script" not in body
    if code == 405:
        assert headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("path", ["/api//health", "/api/search//", "/api//search?q=x"])
def test_double_slashes_are_an_answer_not_a_redirect(stack: Stack, path: str) -> None:
    answer = stack.get(path, headers={"Host": "evil.example"})
    assert answer.status == 404, (answer.status, answer.body[:200])
    assert "Location" not in answer.headers and b"evil.example" not in answer.body
    _envelope(answer.body, 404)
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
