"""The people registry, pure: what documents are labelled with (`labels`: each spelling to
the person id it stands for, or none), and an entry of the directory as the registry stores it
and reads it back (`stored`, `entry_of`).

Documents carry only person ids; a person's canonical name, spellings, roles and counts live in
the registry (search.schema.REGISTRY), read at query time. So a merge, a rename or a canonical
name that changes rewrites no document, and a relabel touches only the documents whose person
id changed. The registry's counts are taken from the documents once they carry their final ids
(`Counts`), so the directory, a profile, the facets and quote search say the same number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from search.speakers.context import Context
from search.speakers.directory import Decision, Directory, Entry
from search.speakers.names import person_name
from search.speakers.stats import NameStats


@dataclass
class Counts:
    """A person's numbers as the documents give them: articles whose speakers carry the id,
    quote documents attributed to it, the first and last dates, the roles written most."""

    articles: int = 0
    quotes: int = 0
    first: date | None = None
    last: date | None = None
    roles: list[str] = field(default_factory=list)


def is_person(entry: Entry) -> bool:
    """Whether the registry holds `entry` as a person. A form no person of the archive bears
    (no candidates) is one only with a person's marks: a title written with it ("Mr. Spicer")
    or a role an article gives it ("Spicer, the press secretary"), so that a reader can still
    find and count someone the archive names by surname only; without them ("Verizon") it is
    no person until an article names its bearer."""
    if entry.kind == "person":
        return True
    if entry.kind != "ambiguous" or entry.candidates:
        return False
    titled = any((n := person_name(s)) and n.titles for s in entry.spellings)
    return titled or bool(entry.context.roles)


def labels(directory: Directory, names: Iterable[NameStats]) -> dict[str, str | None]:
    """Each spelling's person id; None for a spelling that is no person's (an organisation, a
    phrase, a form that may be one of several people: never a person of its own). By spelling,
    not by key: "Rafael Edward Cruz" (Ted Cruz's birth name) and "Rafael Cruz" (his father)
    share a key."""
    found: dict[str, str | None] = {}
    for stats in names:
        entry = directory.entry(stats.written)
        if entry is not None:
            found[stats.written] = entry.id if is_person(entry) else None
    return found


def stored(entry: Entry, counts: Counts | None, directory: Directory) -> dict[str, Any]:
    """What the registry holds of an entry (search.schema.REGISTRY). A person's counts are the
    documents' (`counts`); other entries keep those of their spellings."""
    if counts is None:
        counts = Counts(entry.articles, entry.quotes, entry.first, entry.last, entry.roles)
    keys = {n.key for n in map(person_name, entry.spellings) if n is not None}
    spellings = []
    for written, articles in sorted(entry.spellings.items(), key=lambda kv: (-kv[1], kv[0])):
        decision = directory.decisions.get(written) or Decision("—", "")
        spellings.append(
            {
                "written": written,
                "articles": articles,
                "rule": decision.rule,
                "detail": decision.detail,
                "by": decision.by,
            }
        )
    return {
        "kind": "person" if is_person(entry) else entry.kind,
        "name": entry.name,
        "variants": sorted(entry.spellings),
        "keys": sorted(keys),
        "roles": counts.roles,
        "candidates": list(entry.candidates),
        "first": counts.first.isoformat() if counts.first else None,
        "last": counts.last.isoformat() if counts.last else None,
        "articles": counts.articles,
        "quotes": counts.quotes,
        "spellings": spellings,
    }


def entry_of(person_id: str, held: Mapping[str, Any]) -> tuple[Entry, dict[str, Decision]]:
    """An entry read back from the registry, with the rule behind each of its spellings."""
    context = Context(
        articles=int(held.get("articles") or 0),
        quotes=int(held.get("quotes") or 0),
        first=date.fromisoformat(held["first"]) if held.get("first") else None,
        last=date.fromisoformat(held["last"]) if held.get("last") else None,
        roles=Counter({role: 1 for role in held.get("roles") or []}),
    )
    entry = Entry(person_id, held.get("name") or person_id, held.get("kind") or "person")
    entry.candidates = list(held.get("candidates") or [])
    entry.context = context
    decisions = {}
    for spelling in held.get("spellings") or []:
        entry.spellings[spelling["written"]] = int(spelling.get("articles") or 0)
        decisions[spelling["written"]] = Decision(
            spelling.get("rule") or "—", spelling.get("detail") or "", spelling.get("by") or "rules"
        )
    return entry, decisions


def directory_of(held: Iterable[tuple[str, Mapping[str, Any]]]) -> Directory:
    """The directory the registry holds, from its entries (id, what REGISTRY holds)."""
    entries: dict[str, Entry] = {}
    of_spelling: dict[str, str] = {}
    decisions: dict[str, Decision] = {}
    for person_id, person in held:
        entry, why = entry_of(person_id, person)
        entries[entry.id] = entry
        decisions.update(why)
        of_spelling.update(dict.fromkeys(entry.spellings, entry.id))
    return Directory(entries, of_spelling, decisions)
