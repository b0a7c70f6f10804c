"""The archive store on its own: versions, tombstones, a torn write, a lost catalog, backups."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from search.model import RawArticle
from search.store import backup
from search.store.archive import Put, Store, StoreError
from search.store.records import decode_raw, encode_raw, raw_digest
from search.store.segments import segment_paths


def _put(article_id: str, text: str, version: int = 1) -> Put:
    raw = RawArticle(f"{article_id}.txt", "text", text, {"title": article_id})
    return Put(article_id, version, f"d-{text}", raw_digest(raw), encode_raw(raw))


def _stored(store: Store) -> dict[str, str]:
    return {row.id: decode_raw(record["raw"]).content for row, record in store.live()}


def test_versions_and_tombstones_decide_what_a_rebuild_reads(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        assert store.judge("a", "d-one", "x").kind == "new"
        store.put([_put("a", "one"), _put("b", "two")], command="index", by="ana")
        assert store.judge("a", "d-one", "other").kind == "same"
        corrected = store.judge("a", "d-ONE", "other")
        assert (corrected.kind, corrected.version) == ("corrected", 2)
        store.put([_put("a", "ONE", version=2)], command="index", by="ana", note="typo")
        assert store.judge("a", "d-ONE", "x").corrected is not None  # the date of the correction
        store.remove("b", by="legal", reason="court order 12/31")
        assert _stored(store) == {"a": "ONE"}
        assert [(r.op, r.version) for r in store.catalog.history("a")] == [("put", 1), ("put", 2)]
        [stone] = store.catalog.removals()
        assert (stone.id, stone.by, stone.note) == ("b", "legal", "court order 12/31")
        assert store.removal("c", digest="d-two") is not None  # the same text under another id
        with pytest.raises(StoreError, match="already removed"):
            store.remove("b", by="legal", reason="again")
        with pytest.raises(StoreError, match="reason"):
            store.remove("a", by="legal", reason=" ")


def test_segments_are_gzip_json_lines_anyone_can_read(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put([_put("a", "one")], command="reindex", by="ana")
        store.remove("a", by="ana", reason="duplicate of b")
    [segment] = segment_paths(tmp_path / "segments")
    records = [json.loads(line) for line in gzip.decompress(segment.read_bytes()).splitlines()]
    assert [(r["op"], r["id"], r["seq"]) for r in records] == [("put", "a", 1), ("remove", "a", 2)]
    assert records[0]["raw"]["content"] == "one" and records[0]["by"] == "ana"


def test_a_torn_write_is_cut_off_and_a_lost_catalog_is_rebuilt(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        store.put([_put("a", "one"), _put("b", "two")], command="index", by="ana")
    [segment] = segment_paths(tmp_path / "segments")
    whole = segment.read_bytes()
    with segment.open("ab") as handle:  # a crash in the middle of the next record
        handle.write(gzip.compress(b'{"seq": 3}')[:9])
    with Store(tmp_path) as store:
        store.put([_put("c", "three")], command="index", by="ana")
        assert list(_stored(store)) == ["a", "b", "c"]
    assert segment.read_bytes().startswith(whole)
    for leftover in tmp_path.glob("catalog.sqlite*"):
        leftover.unlink()
    with Store(tmp_path) as store:  # the catalog again, from the segments alone
        assert list(_stored(store)) == ["a", "b", "c"]
        assert store.catalog.last_seq() == 3


def test_a_backup_copies_only_what_is_new_and_brings_a_lost_store_back(tmp_path: Path) -> None:
    home, mirror = tmp_path / "store", tmp_path / "mirror"
    with Store(home) as store:
        store.put([_put("a", "one")], command="index", by="ana")
        first = backup.back_up(store, mirror, "s1")
        store.put([_put("b", "two")], command="index", by="ana")
        second = backup.back_up(store, mirror, "s2")
        assert 0 < second["copied"] < first["copied"] + second["copied"]
        assert second["seq"] == 2 and first["seq"] == 1
        again = backup.back_up(store, mirror, "s3")
        assert again["copied"] == 0
    lost = tmp_path / "new-disk"
    assert backup.restore(mirror, lost) > 0
    with Store(lost) as store:
        assert _stored(store) == {"a": "one", "b": "two"}
    assert backup.restore(mirror, lost) == 0  # already as far as the mirror
    backup.forget(mirror, ["s1"])
    assert sorted(p.stem for p in (mirror / "snapshots").iterdir()) == ["s2", "s3"]
