"""How alike two names' contexts are in the archive: the roles they bear, the names beside them,
the period they are named in. The evidence that lets a bare "Bush" go to the Bush of its time
and office, or a misspelt "Rence Priebus" join Reince Priebus, and keeps namesakes apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from search.speakers.names import fold

_MARGIN_DAYS = timedelta(days=45)
# Role words that say nothing of which office: articles, party labels, "former".
_ROLE_NOISE = frozenset(
    """a an the of and for to in at on his her their former then current senior presidential
    republican democratic democrat republican candidate nominee contender rival new""".split()
)
_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "sec": "secretary",
    "congressman": "representative",
    "congresswoman": "representative",
}


def role_words(role: str) -> set[str]:
    """The words of a role that say which office: "former Florida Gov." → {florida, governor}."""
    found = set()
    for word in (fold(w).strip(".,;:()'’\"") for w in role.replace("-", " ").split()):
        singular = word[:-1] if word.endswith("s") else word  # "Senators", "Sens."
        if singular in _ABBREVIATIONS or singular in _ABBREVIATIONS.values():
            word = singular
        if word and word not in _ROLE_NOISE:
            found.add(_ABBREVIATIONS.get(word, word))
    return found


@dataclass
class Context:
    """A name's (or a person's) context, summed over its spellings."""

    articles: int = 0
    quotes: int = 0
    first: date | None = None
    last: date | None = None
    roles: Counter[str] = field(default_factory=Counter)  # role words: articles
    together: Counter[str] = field(default_factory=Counter)  # keys named beside it: articles

    def add(
        self,
        articles: int,
        quotes: int,
        first: date | None,
        last: date | None,
        roles: Counter[str],
        together: Counter[str],
    ) -> None:
        self.articles += articles
        self.quotes += quotes
        if first:
            self.first = min(self.first or first, first)
        if last:
            self.last = max(self.last or last, last)
        for role, count in roles.items():
            self.roles.update(dict.fromkeys(role_words(role), count))
        self.together.update(together)

    def merge(self, other: Context) -> None:
        self.articles += other.articles
        self.quotes += other.quotes
        for when in (other.first, other.last):
            if when:
                self.first = min(self.first or when, when)
                self.last = max(self.last or when, when)
        self.roles.update(other.roles)
        self.together.update(other.together)


def _share(a: Counter[str], b: Counter[str]) -> float:
    """How much of `a`'s mass falls on what `b` also has (0..1)."""
    total = sum(a.values())
    return sum(c for w, c in a.items() if w in b) / total if total else 0.0


def role_likeness(a: Context, b: Context) -> float | None:
    """Share of `a`'s role words that `b` bears too; None when either has no role."""
    if not a.roles or not b.roles:
        return None
    return _share(a.roles, b.roles)


def periods_meet(a: Context, b: Context) -> bool:
    """Whether the two are named in overlapping periods (a month and a half apart at most);
    True when either has no date."""
    if not (a.first and a.last and b.first and b.last):
        return True
    return a.first <= b.last + _MARGIN_DAYS and b.first <= a.last + _MARGIN_DAYS


@dataclass(frozen=True)
class Commonness:
    """How common each key is in the archive: names beside everyone (Trump, Clinton in 2016)
    say little of a context; rare ones say much."""

    articles: dict[str, int]
    total: int

    @classmethod
    def of(cls, counts: Iterable[tuple[str, int]]) -> Commonness:
        articles: Counter[str] = Counter()
        for key, count in counts:
            articles[key] += count
        return cls(dict(articles), max(1, max(articles.values(), default=1)))

    def weight(self, key: str) -> float:
        return math.log((1 + self.total) / (1 + self.articles.get(key, 0)))


def company_likeness(a: Context, b: Context, commonness: Commonness, *, skip: set[str]) -> float:
    """Share of `a`'s neighbouring names (by rarity) that `b` is named beside too (0..1)."""
    mine = {k: commonness.weight(k) for k in a.together if k not in skip}
    total = sum(mine.values())
    if not total:
        return 0.0
    return sum(w for k, w in mine.items() if k in b.together) / total
