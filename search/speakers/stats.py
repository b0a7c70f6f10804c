"""What the archive says of each name as written: the input of `search.speakers.identity`.

Identity across the archive never needs the articles themselves, only these statistics per
spelling (one row per name, not per article: the index answers them with aggregations): how
many articles name it and how many quotes it has, when, under which roles, beside which other
names (keys), and what extraction said the speaker was. `archive_stats` builds them from
articles, for tests and benchmarks; the write path asks the index for the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from search.speakers.names import person_name


@dataclass
class NameStats:
    written: str  # the name as articles write it (after in-article resolution)
    articles: int = 0  # articles naming it (as a speaker or not)
    quotes: int = 0  # quotes attributed to it
    first: date | None = None  # first and last publication dates
    last: date | None = None
    roles: Counter[str] = field(default_factory=Counter)  # role as written: articles
    together: Counter[str] = field(default_factory=Counter)  # other names' keys: articles
    kinds: Counter[str] = field(default_factory=Counter)  # speaker_kind: articles

    def add_article(self, published: date | None, quotes: int, role: str | None) -> None:
        self.articles += 1
        self.quotes += quotes
        if published:
            self.first = min(self.first or published, published)
            self.last = max(self.last or published, published)
        if role:
            self.roles[role] += 1


@dataclass(frozen=True)
class Mention:
    """One name in one article, as the write path knows it."""

    written: str
    quotes: int = 0
    role: str | None = None
    kind: str | None = None  # speaker_kind, when extraction gave one


def archive_stats(articles: Iterable[tuple[date | None, list[Mention]]]) -> list[NameStats]:
    """Each spelling's statistics over articles given as (published, the names it holds)."""
    stats: dict[str, NameStats] = {}
    for published, mentions in articles:
        named: dict[str, list[Mention]] = {}  # an article counts once per spelling
        for mention in mentions:
            named.setdefault(mention.written, []).append(mention)
        keys = {w: n.key for w in named if (n := person_name(w))}
        for written, same in named.items():
            stat = stats.setdefault(written, NameStats(written))
            role = next((m.role for m in same if m.role), None)
            stat.add_article(published, sum(m.quotes for m in same), role)
            kind = next((m.kind for m in same if m.kind), None)
            if kind:
                stat.kinds[kind] += 1
            mine = keys.get(written)
            stat.together.update({k for k in keys.values() if k != mine})
    return list(stats.values())
