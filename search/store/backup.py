"""The store's copy beside the snapshots: a mirror of its segments and catalog, and for each
snapshot a note of how far the store went when it was taken.

Segments are append-only, so the mirror grows by what is new since the last copy: a sealed
segment is copied once, the open one from where its copy ends. The catalog is copied whole,
through SQLite's backup (consistent while it is in use). Writers wait while the copy is made,
so segments and catalog agree. The mirror is a plain folder: copy it off the machine with any
tool (rsync, a cloud sync) once `dateline snapshot create` has returned.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from search.store.archive import CATALOG, SEGMENTS, Store, StoreError, now
from search.store.catalog import Catalog
from search.store.segments import segment_paths

NOTES = "snapshots"
_CHUNK = 8 * 1024 * 1024


def _copy_tail(source: Path, target: Path, size: int) -> int:
    """Append bytes `len(target)`..`size` of `source` to `target`; how many were copied."""
    have = target.stat().st_size if target.exists() else 0
    if have > size:
        raise StoreError(f"{target} is longer than {source}: the mirror is of another store")
    with source.open("rb") as reader, target.open("ab") as writer:
        reader.seek(have)
        left = size - have
        while left:
            data = reader.read(min(_CHUNK, left))
            if not data:
                raise StoreError(f"{source} ended before byte {size}")
            writer.write(data)
            left -= len(data)
    return size - have


def back_up(store: Store, mirror: Path, name: str) -> dict[str, Any]:
    """Bring the mirror up to the store and note where the store stood for snapshot `name`."""
    (mirror / SEGMENTS).mkdir(parents=True, exist_ok=True)
    (mirror / NOTES).mkdir(exist_ok=True)
    copied = 0
    with store.locked():
        sizes = {path.name: path.stat().st_size for path in segment_paths(store.segments)}
        for segment, size in sizes.items():
            copied += _copy_tail(store.segments / segment, mirror / SEGMENTS / segment, size)
        store.catalog.copy_to(mirror / f"{CATALOG}.part")
        (mirror / f"{CATALOG}.part").replace(mirror / CATALOG)
        note = {"snapshot": name, "at": now(), "seq": store.catalog.last_seq(), "segments": sizes}
    (mirror / NOTES / f"{name}.json").write_text(json.dumps(note, indent=1), encoding="utf-8")
    return {**note, "copied": copied}


def forget(mirror: Path, names: list[str]) -> None:
    """Drop the notes of retired snapshots (the segments stay: later snapshots need them)."""
    for name in names:
        (mirror / NOTES / f"{name}.json").unlink(missing_ok=True)


def restore(mirror: Path, directory: Path) -> int:
    """Bring the store at `directory` back up to the mirror (after a lost disk): missing bytes
    of each segment copied back, and the mirror's catalog when the store's is behind it.
    Returns the bytes copied; a store already as far as the mirror is left as it is."""
    if not (mirror / CATALOG).exists():
        raise StoreError(f"no copy of the archive store in {mirror}")
    (directory / SEGMENTS).mkdir(parents=True, exist_ok=True)
    copied = 0
    for path in segment_paths(mirror / SEGMENTS):
        mine = directory / SEGMENTS / path.name
        size = path.stat().st_size
        if not mine.exists() or mine.stat().st_size < size:
            copied += _copy_tail(path, mine, size)
    behind = True
    if (directory / CATALOG).exists():
        local, saved = Catalog(directory / CATALOG), Catalog(mirror / CATALOG)
        try:
            behind = local.last_seq() < saved.last_seq()
        finally:
            local.close()
            saved.close()
    if behind:
        for leftover in directory.glob(f"{CATALOG}*"):
            leftover.unlink()
        shutil.copyfile(mirror / CATALOG, directory / CATALOG)
    return copied
