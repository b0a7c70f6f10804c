"""What a reader's query names, over the people list: the read path's `speaker` filter and its
suggestions, pure.

A query may be an id, a canonical name or a spelling the archive holds; a full name
("George H.W. Bush", whose initials keep him apart from George W. Bush; "Donald Trump", who is
not Donald Trump Jr.); a surname with a title that says sex or office ("Mrs. Clinton" is Hillary
Clinton, "Mr. Trump" Donald Trump, "Gov. Bush" Jeb Bush, "Secretary Clinton" Hillary Clinton);
a surname or a given name alone ("Bernie", "Jeb"). Where the archive knows one prominent bearer
(MARGIN times the articles of the next) that is the person; otherwise the query offers its
candidates. A query that names nobody gets did-you-mean suggestions ("Clintn": "Clinton").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from search.speakers.context import role_words
from search.speakers.directory import Directory, Entry
from search.speakers.given import same_given, sex_of_given
from search.speakers.merge import MARGIN, misspelt
from search.speakers.names import PersonName, fold, person_name

# Titles that name an office, and the role words that hold it.
_OFFICES = {
    "secretary": "secretary",
    "sec": "secretary",
    "gov": "governor",
    "governor": "governor",
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "president": "president",
    "pres": "president",
    "mayor": "mayor",
    "speaker": "speaker",
    "pope": "pope",
    "judge": "judge",
    "justice": "justice",
    "gen": "general",
    "general": "general",
}


@dataclass(frozen=True)
class Resolution:
    people: list[str] = field(default_factory=list)  # the ids the query names
    candidates: list[str] = field(default_factory=list)  # ids it may name, likeliest first
    suggestions: list[str] = field(default_factory=list)  # did-you-mean: queries to try
    rule: str = ""  # how the query was read, in words


@dataclass(frozen=True)
class _Known:
    """A person as the lookup sees them: every name they are written with, parsed."""

    entry: Entry
    names: tuple[PersonName, ...]

    @cached_property
    def given(self) -> str:
        """The given name of the canonical name (or of any spelling)."""
        return next((n.given for n in self.names if n.given), "")

    @cached_property
    def surnames(self) -> set[str]:
        return {n.surname for n in self.names if n.given and n.surname}

    @cached_property
    def givens(self) -> set[str]:
        return {n.given for n in self.names if n.given}

    @cached_property
    def suffix(self) -> str:
        return next((n.suffix for n in self.names if n.given and n.suffix), "")

    @cached_property
    def initials(self) -> set[str]:
        return {n.initials for n in self.names if n.initials}

    @cached_property
    def offices(self) -> set[str]:
        return set(self.entry.context.roles) | {
            word for role in self.entry.context.roles for word in role_words(role)
        }


class People:
    """The people list, indexed for queries (build once per directory)."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory
        self.known: list[_Known] = []
        for entry in directory.entries.values():
            if entry.kind != "person":
                continue
            spelled = [entry.name, *entry.spellings]
            names = tuple(n for n in map(person_name, spelled) if n is not None)
            self.known.append(_Known(entry, names))
        self.known.sort(key=lambda k: (-k.entry.articles, k.entry.id))

    def resolve(self, query: str) -> Resolution:
        """The people `query` names, or its candidates, or suggestions."""
        entry = self.directory.find(query) or self._by_folded(query)
        if entry is not None:
            if entry.kind == "person":
                return Resolution(people=[entry.id], rule="a name the archive holds")
            if entry.kind == "ambiguous":
                return Resolution(candidates=list(entry.candidates), rule="an ambiguous name")
            return Resolution(rule=f"not a person ({entry.kind})")
        name = person_name(query)
        if name is None:
            return Resolution(rule="no name")
        found, rule = self._matching(name)
        if not found:
            return Resolution(suggestions=self.did_you_mean(query), rule="nobody of that name")
        return self._choose(found, rule)

    def _by_folded(self, query: str) -> Entry | None:
        folded = fold(query)
        for known in self.known:
            if fold(known.entry.name) == folded or any(
                fold(s) == folded for s in known.entry.spellings
            ):
                return known.entry
        return None

    def _matching(self, name: PersonName) -> tuple[list[_Known], str]:
        if name.given and name.surname:
            found = [
                k
                for k in self.known
                if name.surname in k.surnames
                and any(same_given(name.given, g) for g in k.givens)
                and k.suffix == name.suffix
                and (
                    not name.initials
                    or not k.initials
                    or any(
                        i.startswith(name.initials) or name.initials.startswith(i)
                        for i in k.initials
                    )
                )
            ]
            return found, "a full name"
        word = name.surname or name.given
        found = [k for k in self.known if word in k.surnames]
        rule = "a surname"
        if not name.titles:  # a lone word may be a given name too: "Bernie", "Hillary"
            given = [k for k in self.known if any(same_given(word, g) for g in k.givens)]
            exact = [k for k in given if word in k.givens]
            found += [k for k in exact or given if k not in found]
            rule = "a surname or a given name" if found else rule
        if name.sex:
            found = [k for k in found if sex_of_given(k.given) in (None, name.sex)]
            rule += f", a {name.sex} title"
        offices = {_OFFICES[t] for t in name.titles if t in _OFFICES}
        if offices:
            holding = [k for k in found if offices & k.offices]
            found = holding or found
            rule += f", the office of {', '.join(sorted(offices))}"
        return found, rule

    def _choose(self, found: list[_Known], rule: str) -> Resolution:
        """The one prominent bearer, by a clear margin, or the candidates."""
        ranked = sorted(found, key=lambda k: (-k.entry.articles, k.entry.id))
        best = ranked[0].entry.articles
        second = ranked[1].entry.articles if len(ranked) > 1 else 0
        if len(ranked) == 1 or best >= MARGIN * second:
            return Resolution(people=[ranked[0].entry.id], rule=rule)
        return Resolution(candidates=[k.entry.id for k in ranked], rule=rule + ": several")

    def did_you_mean(self, query: str, limit: int = 3) -> list[str]:
        """Queries close to a misspelt one: each word replaced by the nearest name word the
        archive knows (one letter off, two for long words), most named first."""
        words = fold(query).split()
        if not words:
            return []
        weight: Counter[str] = Counter()
        shown: dict[str, str] = {}
        for known in self.known:
            for name in known.names:
                for part, written in ((name.surname, name.display.split()[-1]), (name.given, "")):
                    if part:
                        weight[part] += known.entry.articles
                        shown.setdefault(part, written or part.capitalize())
        corrected: list[list[str]] = []
        for word in words:
            if word in weight:
                corrected.append([shown[word]])
                continue
            near = sorted((w for w in weight if misspelt(word, w)), key=lambda w: (-weight[w], w))
            corrected.append([shown[w] for w in near[:limit]])
        if not all(corrected):
            return []
        first = [" ".join(choice[0] for choice in corrected)]
        others = [
            " ".join(c[0] if i != n else alt for i, c in enumerate(corrected))
            for n, choices in enumerate(corrected)
            for alt in choices[1:]
        ]
        return list(dict.fromkeys(first + others))[:limit]
