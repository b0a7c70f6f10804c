"""A drop folder (`dateline watch`): which files are whole and not yet taken, and the state that
remembers what was taken, so that a restart neither skips nor repeats work.

When is a file whole? A writer that renames is always safe: write `name.part`, `name.tmp` or a
hidden `.name`, then rename it to its final name (atomic within one file system); such names
are never read. A file written in place is read once its size and modification time have not
changed between two looks at the folder and it has not been modified for `settle` seconds.
A file taken is remembered with its size and modification time; if either changes later (the
page was saved again), it is taken again: the same text is a duplicate, a new text a correction.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search.ingest.walk import IGNORED_NAMES, IGNORED_SUFFIXES, readable

# Names writers give a file while it is being written, to rename it once done.
IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload", ".download", "~")
STATE_VERSION = 1

Seen = tuple[int, int]  # size, modification time in nanoseconds


def _candidate(name: str) -> bool:
    return (
        not name.startswith(".")
        and not name.endswith(IN_PROGRESS)
        and not name.endswith(IGNORED_SUFFIXES)
        and name not in IGNORED_NAMES
    )


@dataclass
class DropState:
    """What was taken from the folder: relative path -> (size, mtime_ns). Saved atomically."""

    path: Path
    taken: dict[str, Seen] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> DropState:
        if not path.exists():
            return cls(path)
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"{path}: not a watch state this Dateline writes")
        return cls(path, {name: (s[0], s[1]) for name, s in data["files"].items()})

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        data = {"version": STATE_VERSION, "files": {n: list(s) for n, s in self.taken.items()}}
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(self.path)


@dataclass
class DropFolder:
    folder: Path
    state: DropState
    settle: float = 5.0  # seconds a file written in place must be left alone
    _last_look: dict[str, Seen] = field(default_factory=dict)
    not_articles: set[str] = field(default_factory=set)  # named once, never read

    def _files(self) -> dict[str, Seen]:
        found: dict[str, Seen] = {}
        for directory, subdirs, files in os.walk(self.folder):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
            for name in files:
                if not _candidate(name):
                    continue
                path = Path(directory, name)
                relative = str(path.relative_to(self.folder))
                if not readable(name):
                    self.not_articles.add(relative)
                    continue
                try:
                    stat = path.stat()
                except FileNotFoundError:  # renamed or removed since the listing
                    continue
                found[relative] = (stat.st_size, stat.st_mtime_ns)
        return found

    def ready(self, limit: int) -> list[tuple[str, Seen]]:
        """Files whole and new (or changed since taken), oldest first, at most `limit`."""
        now = time.time_ns()
        files = self._files()
        previous, self._last_look = self._last_look, files
        ready = [
            (name, seen)
            for name, seen in files.items()
            if self.state.taken.get(name) != seen
            and previous.get(name) == seen
            and now - seen[1] >= self.settle * 1e9
        ]
        ready.sort(key=lambda item: (item[1][1], item[0]))
        return ready[:limit]

    def settled(self) -> bool:
        """Every file of the last look is taken: nothing is waiting."""
        return all(self.state.taken.get(name) == seen for name, seen in self._last_look.items())

    def taken(self, files: list[tuple[str, Seen]]) -> None:
        """Remember `files` as taken (durably) and forget those no longer in the folder."""
        for name, seen in files:
            self.state.taken[name] = seen
        for name in [n for n in self.state.taken if n not in self._last_look]:
            del self.state.taken[name]
        self.state.save()
