"""An editor's corrections, applied on top of what the rules found: merge two entries, split a
spelling out, rename a person, or say a name is no person. Each carries who made it, when and
why, and `Directory.explain` shows it beside the spellings it moved.

Corrections live in a versioned file of the archive's data (one JSON object per line, see
`load`/`dump`); every identity run applies them all, in order, so a reindex keeps them. One that
names nothing the archive holds is skipped (the name may come back with new articles).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal, get_args

from search.speakers.context import Context
from search.speakers.directory import Decision, Directory, Entry, EntryKind
from search.speakers.names import slug

Action = Literal["merge", "split", "rename", "not-a-person"]
FORMAT_VERSION = 1
_NOT_PEOPLE = ("organization", "document", "phrase")


class CorrectionError(ValueError):
    """A correction that cannot be read: what is wrong with it, in words."""


@dataclass(frozen=True)
class Correction:
    action: Action
    target: str  # merge: the entry others join; split: the spelling taken out; rename and
    # not-a-person: the entry (id, canonical name or spelling)
    names: tuple[str, ...] = ()  # merge: the entries (ids, names or spellings) that join target
    value: str = ""  # rename: the new name; split: the new person's name (default: the
    # spelling); not-a-person: its kind (default "organization")
    who: str = ""
    when: str = ""  # ISO date or time
    why: str = ""

    def __post_init__(self) -> None:
        if self.action not in get_args(Action):
            raise CorrectionError(f"unknown action {self.action!r}: {', '.join(get_args(Action))}")
        if not self.target.strip():
            raise CorrectionError(f"{self.action}: which name?")
        if self.action == "merge" and not self.names:
            raise CorrectionError("merge: which names join it?")
        if self.action == "rename" and not self.value.strip():
            raise CorrectionError("rename: to which name?")
        if self.action == "not-a-person" and self.value and self.value not in _NOT_PEOPLE:
            raise CorrectionError(f"not-a-person: kind must be one of {', '.join(_NOT_PEOPLE)}")

    @property
    def decision(self) -> Decision:
        return Decision(f"editor: {self.action}", self.why or "—", by=f"{self.who} {self.when}")

    def apply(self, directory: Directory) -> None:
        """Change `directory` in place; nothing when the names are not in it."""
        target = directory.find(self.target)
        if target is None:
            return
        if self.action == "merge":
            for other in filter(None, map(directory.find, self.names)):
                if other is not target:
                    _move(directory, list(other.spellings), target, self.decision)
        elif self.action == "rename":
            target.name = self.value
        elif self.action == "split":
            written = self.target if self.target in directory.of_spelling else target.name
            if written in directory.of_spelling and len(target.spellings) > 1:
                name = self.value or written
                entry = Entry(_free_id(directory, slug(name)), name, "person")
                directory.entries[entry.id] = entry
                _move(directory, [written], entry, self.decision)
        else:
            kind: EntryKind = self.value or "organization"  # type: ignore[assignment]
            if self.target in directory.of_spelling and len(target.spellings) > 1:
                entry = Entry(_free_id(directory, slug(self.target)), self.target, kind)
                directory.entries[entry.id] = entry
                _move(directory, [self.target], entry, self.decision)
            else:
                target.kind, target.candidates = kind, []
                for written in target.spellings:
                    directory.decisions[written] = self.decision


def _free_id(directory: Directory, base: str) -> str:
    found, n = base, 2
    while found in directory.entries:
        found, n = f"{base}-{n}", n + 1
    return found


def _move(directory: Directory, spellings: list[str], to: Entry, decision: Decision) -> None:
    """Move spellings to another entry; an entry left with none is gone."""
    for written in spellings:
        source = directory.entries[directory.of_spelling[written]]
        to.spellings[written] = source.spellings.pop(written)
        directory.of_spelling[written] = to.id
        directory.decisions[written] = decision
        if not source.spellings:
            del directory.entries[source.id]
        else:
            _recount(directory, source)
    _recount(directory, to)


def _recount(directory: Directory, entry: Entry) -> None:
    entry.context = Context()
    for written in entry.spellings:
        entry.context.merge(directory.contexts.get(written, Context()))


def load(lines: Iterable[str]) -> list[Correction]:
    """Corrections from their file: a header line {"version": 1}, then one object a line."""
    found: list[Correction] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorrectionError(f"line {number}: not JSON ({error.msg})") from None
        if number == 1 and "version" in record:
            if record["version"] != FORMAT_VERSION:
                raise CorrectionError(f"corrections format {record['version']} is not known")
            continue
        try:
            record["names"] = tuple(record.get("names", ()))
            found.append(Correction(**record))
        except TypeError as error:
            raise CorrectionError(f"line {number}: {error}") from None
        except CorrectionError as error:
            raise CorrectionError(f"line {number}: {error}") from None
    return found


def dump(corrections: Iterable[Correction]) -> str:
    lines = [json.dumps({"version": FORMAT_VERSION})]
    lines += [json.dumps(asdict(c), ensure_ascii=False) for c in corrections]
    return "\n".join(lines) + "\n"
