"""Given names: which may be one person's, which words are given names at all, and which sex a
given name or a title speaks of.

Nicknames come from the `nicknames` package (a hand-curated table), corrected here: it joins
names that news copy uses for different people ("Gary" is no "Garrett", nor "Bill" a "Robert"),
and lacks pairs news copy uses for one person ("Stan" Greenberg is "Stanley" B. Greenberg).
Whether a word is a given name, and whether it is mostly a man's or a woman's, comes from
`gender-guesser` (a dictionary of some 40,000 first names across countries) and the nickname
table; a word neither knows may still be a name ("Reince"), so callers treat "unknown" as
unknown, not as "no name".
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Literal

from gender_guesser.detector import Detector
from nicknames import NickNamer

Sex = Literal["male", "female"]

# Pairs the nickname table holds that news copy uses for different people: each side is a
# given name in its own right (Gary Johnson is not Garrett Johnson), or the link is archaic
# (Bill for Robert, Fred for William, Peter for Patrick).
FALSE_PAIRS = frozenset(
    frozenset(pair)
    for pair in [
        ("gary", "garrett"),
        ("garry", "garrett"),
        ("gary", "gareth"),
        ("jerry", "garrett"),
        ("bill", "robert"),
        ("billy", "robert"),
        ("bill", "fred"),
        ("peter", "patrick"),
        ("ben", "jamie"),
        ("benjamin", "jamie"),
        ("tony", "clifton"),
        ("tony", "shelton"),
        ("joe", "joshua"),
        ("ted", "edmund"),
        ("jack", "jackson"),
    ]
)
# Pairs news copy uses for one person that the table lacks.
EXTRA_PAIRS = frozenset(
    frozenset(pair)
    for pair in [
        ("stan", "stanley"),
        ("tad", "thaddeus"),
        ("ash", "ashton"),
        ("katie", "katherine"),
        ("mitch", "mitchell"),
        ("reince", "reinhold"),
    ]
)


@cache
def _nicknames() -> NickNamer:
    return NickNamer()


@lru_cache(maxsize=8192)
def given_names_alike(given: str) -> frozenset[str]:
    """Given names that may be the same person's: the name, its nicknames, what it shortens."""
    table = _nicknames()
    alike = {given} | set(table.nicknames_of(given)) | set(table.canonicals_of(given))
    alike |= {other for pair in EXTRA_PAIRS if given in pair for other in pair}
    return frozenset(other for other in alike if frozenset((given, other)) not in FALSE_PAIRS)


def same_given(a: str, b: str) -> bool:
    """Whether two folded given names may be one person's ("jim"/"james", not "gary"/"garrett")."""
    return a == b or b in given_names_alike(a) or a in given_names_alike(b)


@cache
def _detector() -> Detector:
    return Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def _guess(word: str) -> str:
    return str(_detector().get_gender(word.capitalize()))


def is_given_name(word: str) -> bool:
    """Whether a folded word is known as a given name (unknown is not "no")."""
    return bool(word) and (_guess(word) != "unknown" or len(given_names_alike(word)) > 1)


def sex_of_given(word: str) -> Sex | None:
    """The sex a given name mostly names, when the dictionary says so."""
    guess = _guess(word)
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return None
