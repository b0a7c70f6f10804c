"""What identity across the archive finds: people, ambiguous names, and names that are no people,
each with the spellings it holds and, per spelling, the rule that put it there.

An entry's kind is "person"; "ambiguous" (a form no article resolves that could be several
people, or nobody the archive knows: it lists its candidates and is never a person of its
own); or a kind of non-person ("organization", "document", "phrase"). `Directory.explain`
answers `dateline people show NAME`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from search.speakers.context import Context

EntryKind = Literal["person", "ambiguous", "organization", "document", "phrase"]


@dataclass(frozen=True)
class Decision:
    """Why a spelling belongs where it is: the rule, in words, and who decided (an editor's
    correction names its author, date and reason)."""

    rule: str  # "same name", "nickname", "alias", "typo", "suffix", "surname alone", …
    detail: str
    by: str = "rules"


@dataclass
class Entry:
    id: str
    name: str
    kind: EntryKind
    spellings: dict[str, int] = field(default_factory=dict)  # as written: articles
    candidates: list[str] = field(default_factory=list)  # ambiguous: people ids, likeliest first
    context: Context = field(default_factory=Context)

    @property
    def articles(self) -> int:
        return self.context.articles

    @property
    def quotes(self) -> int:
        return self.context.quotes

    @property
    def first(self) -> date | None:
        return self.context.first

    @property
    def last(self) -> date | None:
        return self.context.last

    @property
    def roles(self) -> list[str]:
        return [role for role, _ in self.context.roles.most_common(5)]


@dataclass
class Directory:
    entries: dict[str, Entry]  # by id
    of_spelling: dict[str, str]  # written -> entry id
    decisions: dict[str, Decision]  # written -> why
    contexts: dict[str, Context] = field(default_factory=dict)  # written -> its own context

    def find(self, value: str) -> Entry | None:
        """The entry an id, a spelling or a canonical name names."""
        if value in self.entries:
            return self.entries[value]
        return self.entry(value) or next(
            (e for e in self.entries.values() if e.name == value), None
        )

    def entry(self, written: str) -> Entry | None:
        """The entry a spelling belongs to."""
        found = self.of_spelling.get(written)
        return self.entries[found] if found else None

    def people(self) -> list[Entry]:
        """The people, most quoted first (then most articles, then by name)."""
        found = [e for e in self.entries.values() if e.kind == "person"]
        return sorted(found, key=lambda e: (-e.quotes, -e.articles, e.name))

    def explain(self, written: str) -> list[str]:
        """Why `written` (a spelling, an id or a canonical name) is where it is, line by line."""
        entry = self.find(written)
        if entry is None:
            return [f"{written}: not in the archive"]
        lines = [f"{entry.name} ({entry.kind}, id {entry.id}): {entry.articles} articles"]
        if entry.candidates:
            lines.append("  may be: " + ", ".join(entry.candidates))
        for spelling, articles in sorted(entry.spellings.items(), key=lambda kv: -kv[1]):
            decision = self.decisions.get(spelling)
            why = f"{decision.rule}: {decision.detail}" if decision else "—"
            by = f" [{decision.by}]" if decision and decision.by != "rules" else ""
            lines.append(f"  {spelling} ({articles} articles) — {why}{by}")
        return lines
