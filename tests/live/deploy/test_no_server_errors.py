"""Cheap input that gave a 500 (issue 20): dates at the calendar's ends, forged cursors, a
control character in a stored article, a hostile Host header. On the served stack (nginx,
gunicorn, the node), loopback only, a bounded number of requests."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from elasticsearch import Elasticsearch

from search.index.archive import reindex
from search.query.cursor import fingerprint
from search.query.params import SearchParams
from search.schema import ARTICLE
from tests.support.stack import Stack

PUBLIC = "https://news.example.org/archive"
VT = "\x0b"
RECORDS = [
    {
        "id": "vt-ferry",
        "published": "2030-05-02",
        "title": f"Ferry{VT} timetable changes",
        "text": f"Ferry timetable changes\n\nOSLO (NWS) — The ferry{VT} timetable changes on "
        f'Monday. "We run{VT} later\x0c than before," Mara Lindqvist said.',
    },
    *(
        {
            "id": f"ferry-{n}",
            "published": f"2030-0{n + 1}-1{n}",
            "title": f"Ferry crossing {n}",
            "text": f"Ferry crossing {n}\n\nOSLO (NWS) — The ferry crossed {n} times.",
        }
        for n in range(4)
    ),
]


@pytest.fixture(scope="module")
def stack(es: Elasticsearch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    folder = tmp_path_factory.mktemp("control")
    corpus = folder / "records.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    alias = f"dateline-test-harden-{folder.name[-6:].strip('_')}"
    reindex(es, alias, [corpus], workers=1, rejects_path=folder / "rejects.jsonl")
    served = Stack(alias, DATELINE_PUBLIC_URL=PUBLIC)
    yield served
    served.stop()
    found = es.indices.get(index=f"{alias}*", allow_no_indices=True)
    for index in found:
        es.indices.delete(index=index)


def _envelope(body: bytes, code: int) -> dict[str, object]:
    payload: dict[str, object] = json.loads(body)
    assert set(payload) == {"code", "status", "message", "errors"} and payload["code"] == code
    return payload


def _engine_errors(stack: Stack) -> float:
    text = stack.get("/metrics").body.decode()
    return sum(
        float(v) for v in re.findall(r"^dateline_engine_errors_total\{.*\} (\S+)$", text, re.M)
    )


WIDE = [
    ("0500-01-01", "2030-12-31"),
    ("9999-12-30", "9999-12-31"),
    ("0001-01-01", "9999-12-31"),
    ("0001-01-01", "0001-01-02"),
]


@pytest.mark.parametrize("path", ["/api/search", "/api/quotes", "/", "/quotes", "/api/feed.atom"])
def test_date_ranges_at_the_ends_of_the_calendar_are_answered(stack: Stack, path: str) -> None:
    for first, last in WIDE:
        answer = stack.get(f"{path}?q=ferry&from={first}&to={last}")
        assert answer.status == 200, (path, first, last, answer.body[:300])


def test_a_wide_range_still_counts_what_it_holds(stack: Stack) -> None:
    found = json.loads(stack.get("/api/search?q=ferry&from=0500-01-01&to=2030-12-31").body)
    assert found["total"]["value"] == len(RECORDS)
    assert sum(bar["count"] for bar in found["facets"]["date"]) == len(RECORDS)


def _unsigned(params: SearchParams, after: list[object]) -> str:
    """A cursor as anyone could make one before cursors were signed."""
    data = json.dumps({"s": fingerprint(ARTICLE, params), "a": after}, separators=(",", ":"))
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def test_forged_cursors_are_refused_in_the_envelope_and_not_counted_as_engine_errors(
    stack: Stack,
) -> None:
    params = SearchParams(q="ferry", size=2)
    forged = [
        _unsigned(params, ["not-a-date", "x"]),
        _unsigned(params, [1.5e308, None, "z", -1]),
        _unsigned(params, [{"script": "1"}]),
        "AAAA",
        "é",
        "%00",
        base64.urlsafe_b64encode(b"{}" + bytes(16)).decode(),
    ]
    before = _engine_errors(stack)
    for cursor in forged:
        answer = stack.get(f"/api/search?q=ferry&size=2&cursor={quote(cursor)}")
        assert answer.status in (400, 422), (cursor, answer.status, answer.body[:300])
        _envelope(answer.body, answer.status)
    assert _engine_errors(stack) == before
    first = json.loads(stack.get("/api/search?q=ferry&size=2&sort=newest").body)
    following = stack.get(f"/api/search?q=ferry&size=2&sort=newest&cursor={first['next_cursor']}")
    assert following.status == 200
    ids = {h["id"] for h in first["hits"]} | {h["id"] for h in json.loads(following.body)["hits"]}
    assert len(ids) == 4
    other = stack.get(f"/api/search?q=crossing&size=2&sort=newest&cursor={first['next_cursor']}")
    assert other.status == 422 and b"another search" in other.body


def test_a_control_character_in_an_article_breaks_no_feed_page_or_export(stack: Stack) -> None:
    for path in ("/api/feed.atom?q=timetable", "/api/feed.atom?q=later&of=quotes"):
        answer = stack.get(path)
        assert answer.status == 200, (path, answer.body[:300])
        feed = ET.fromstring(answer.body)  # a strict XML parser, as feed readers are
        titles = [t.text or "" for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
        assert any("timetable" in t or "Lindqvist" in t for t in titles), titles
    page = stack.get("/?q=timetable")
    assert page.status == 200 and b"timetable" in page.body and VT.encode() not in page.body
    exported = stack.get("/api/export?q=timetable&format=csv")
    assert exported.status == 200
    rows = list(csv.reader(io.StringIO(exported.body.decode())))
    assert len(rows) == 2 and "Ferry timetable changes" in rows[1]


def test_links_come_from_the_public_url_never_the_host_header(stack: Stack) -> None:
    answer = stack.get("/api/feed.atom?q=ferry", headers={"Host": "evil.example"})
    assert answer.status == 200
    feed = ET.fromstring(answer.body)
    links = [e.get("href") or "" for e in feed.iter("{http://www.w3.org/2005/Atom}link")]
    ids = [e.text or "" for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert links and all(link.startswith(PUBLIC + "/") for link in links), links
    assert all(i.startswith(PUBLIC + "/") for i in ids), ids
    assert b"evil.example" not in answer.body


def test_no_secret_no_start(tmp_path: Path) -> None:
    """Without a secret the app refuses to start, saying how to make one, rather than
    answering every paged search with a 500."""
    from search.config import ConfigError
    from search.signing import load_secret

    with pytest.raises(ConfigError, match="DATELINE_SECRET"):
        load_secret({"DATELINE_SECRET_FILE": str(tmp_path / "none")})
    with pytest.raises(ConfigError, match="shorter"):
        load_secret({"DATELINE_SECRET": "short"})
