"""Bad input gets a clear reason and never stops the run or loses an article silently."""

from __future__ import annotations

import json
from pathlib import Path

from search.ingest.read import MAX_ARTICLE_BYTES, read_all
from search.ingest.walk import Walk
from search.model import RawArticle, Rejected


def _read(*paths: Path) -> list[RawArticle | Rejected]:
    return list(read_all(paths))


def test_empty_binary_oversized_and_missing_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "huge.txt").write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    (tmp_path / "good.txt").write_text("Title\n\nBody text.")
    results = {Path(r.source).name: r for r in _read(tmp_path, tmp_path / "missing.txt")}
    assert isinstance(results["good.txt"], RawArticle)
    reasons = {name: r.reason for name, r in results.items() if isinstance(r, Rejected)}
    assert "empty" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["image.txt"]
    assert "cap" in reasons["huge.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_invalid_utf8_is_decoded_with_replacement_and_said(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nSão Paulo café".encode("latin-1"))
    [doc] = _read(path)
    assert isinstance(doc, RawArticle)
    assert "\ufffd" in doc.content and "Paulo" in doc.content
    assert "invalid UTF-8" in doc.warnings[0]


def test_json_lines_records_each_get_their_own_verdict(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "a", "title": "A", "text": "Body of a."}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "c", "title": "No text"}),
        "",
        json.dumps({"id": "d", "html": "<html><body><p>Some page.</p></body></html>"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = _read(path)
    assert [type(r).__name__ for r in results] == [
        "RawArticle",
        "Rejected",
        "Rejected",
        "Rejected",
        "RawArticle",
    ]
    assert results[0].meta["id"] == "a" and results[0].source.endswith(":1")
    assert "not valid JSON" in results[1].reason and results[1].source.endswith(":2")
    assert results[4].kind == "html"


def test_sidecar_metadata_and_ignored_neighbours(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Title\n\nBody.")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2016-11-14"}))
    (tmp_path / "story.expected.json").write_text("{}")
    [doc] = _read(tmp_path)
    assert doc.meta == {"published": "2016-11-14"}


def test_manifest_gives_metadata_and_sidecar_overrides_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title A\n\nBody.")
    (tmp_path / "b.txt").write_text("Title B\n\nBody.")
    (tmp_path / "b.meta.json").write_text(json.dumps({"author": "Sidecar"}))
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"file": "a.txt", "published": "2016-11"})
        + "\n"
        + json.dumps({"file": "b.txt", "author": "Manifest", "agency": "AP"})
        + "\n"
    )
    docs = {Path(d.source).name: d for d in _read(tmp_path)}
    assert set(docs) == {"a.txt", "b.txt"}
    assert docs["a.txt"].meta == {"published": "2016-11"}
    assert docs["b.txt"].meta == {"author": "Sidecar", "agency": "AP"}


def test_files_a_walk_does_not_read_are_named(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Title\n\nBody.")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "story.meta.json").write_text("{}")
    (tmp_path / ".hidden").write_text("x")
    walk = Walk([tmp_path])
    assert [Path(d.source).name for d in read_all(walk)] == ["story.txt"]
    assert walk.passed_over == [tmp_path / "notes.md"]
