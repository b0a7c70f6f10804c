"""The people of the archive, from the names written in its articles.

Within an article extraction has already joined "Peskov", "Mr. Peskov" and "Dmitry Peskov";
across articles this joins, under one canonical name and id:
- spellings of one key: "Donald J. Trump" and "Donald Trump" (see `names`);
- given names that are nicknames of each other, same surname: "Jim Comey", "James Comey";
- a formal name with its suffix and the plain name: "James B. Comey Jr." and "James Comey";
- a surname alone with the one person of that surname: "Obama" and "Barack Obama".
Two full names never join when an article names both (extraction keeps one person's mentions
together within an article), which is how "Donald Trump Jr." stays apart from "Donald Trump";
a surname borne by several people ("Clinton") joins none of them.
The canonical name is the spelling most articles use; the id is its key, slugged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from search.speakers.names import PersonName, same_given, slug

Pair = frozenset[str]  # two keys


@dataclass
class KeyStat:
    """One key as the archive uses it: how many articles, and in which spellings."""

    name: PersonName  # formal when any spelling is (see `_joinable`)
    articles: int = 0
    displays: Counter[str] = field(default_factory=Counter)

    def add(self, spelling: PersonName, articles: int) -> None:
        self.articles += articles
        self.displays[spelling.display] += articles
        if spelling.formal:
            self.name = spelling


@dataclass(frozen=True)
class Person:
    id: str
    name: str


def _joinable(a: PersonName, b: PersonName) -> bool:
    """Whether two full names may be one person's. A suffix tells people apart ("Donald Trump
    Jr.") unless the name is written out formally, middle initial and all ("James B. Comey
    Jr."), the style of papers that give a person's full name at first mention."""
    if not a.given or not b.given or a.surname != b.surname or not same_given(a.given, b.given):
        return False
    if a.suffix == b.suffix:
        return True
    suffixed = a if a.suffix else b
    return not (a.suffix and b.suffix) and suffixed.formal


def candidate_pairs(stats: Iterable[KeyStat]) -> set[Pair]:
    """Keys that would join unless an article names both: the pairs to ask the index about."""
    by_surname: dict[str, list[PersonName]] = defaultdict(list)
    for stat in stats:
        by_surname[stat.name.surname].append(stat.name)
    pairs: set[Pair] = set()
    for names in by_surname.values():
        full = [n for n in names if n.given]
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                if a.key != b.key and _joinable(a, b):
                    pairs.add(frozenset((a.key, b.key)))
    return pairs


def people(stats: Iterable[KeyStat], together: set[Pair]) -> dict[str, Person]:
    """Each key's person. `together`: pairs of keys some article names both of."""
    by_surname: dict[str, list[KeyStat]] = defaultdict(list)
    for stat in stats:
        by_surname[stat.name.surname].append(stat)
    found: dict[str, Person] = {}
    for bearers in by_surname.values():
        for group in _groups(bearers, together):
            person = _person(group)
            found.update((stat.name.key, person) for stat in group)
    return found


def _groups(bearers: list[KeyStat], together: set[Pair]) -> list[list[KeyStat]]:
    """The people among the keys of one surname."""
    groups: list[list[KeyStat]] = []

    def apart(stat: KeyStat, group: list[KeyStat]) -> bool:
        return any(frozenset((stat.name.key, other.name.key)) in together for other in group)

    # Full names join a group when they may be one of its members' (nickname, suffix) and no
    # article names them with any of its members; most articles first, so the common
    # spelling founds the group.
    for stat in sorted((s for s in bearers if s.name.given), key=_weight):
        home = next(
            (
                g
                for g in groups
                if any(_joinable(stat.name, o.name) for o in g) and not apart(stat, g)
            ),
            None,
        )
        if home is None:
            groups.append([stat])
        else:
            home.append(stat)
    # A surname alone joins the one person who bears it (within an article, extraction has
    # already joined a surname to the full name it stands for).
    for stat in (s for s in bearers if not s.name.given):
        if len(groups) == 1:
            groups[0].append(stat)
        else:
            groups.append([stat])
    return groups


def _weight(stat: KeyStat) -> tuple[int, bool, str]:
    """Most articles first; then a name without a suffix, then alphabetical."""
    return (-stat.articles, bool(stat.name.suffix), stat.name.key)


def _person(group: list[KeyStat]) -> Person:
    """Named by the key most of its articles use, in their most common spelling."""
    full = [s for s in group if s.name.given]
    lead = min(full or group, key=_weight)
    spellings = lead.displays
    name = min(spellings, key=lambda d: (-spellings[d], d)) if spellings else lead.name.display
    return Person(slug(lead.name.key), name)
